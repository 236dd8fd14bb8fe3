package org.frontdoor.gateway.conversation;

/**
 * A conversation's memory between two messages: the report so far and the question
 * waiting for an answer. Stored as JSON in {@code conversation.state}.
 *
 * @param report what was collected
 * @param pending the question asked last, or {@code null}
 */
public record ConversationState(Report report, Question pending) {

	public ConversationState {
		report = (report != null) ? report : Report.empty();
	}

	/**
	 * A new conversation.
	 * @return the empty state
	 */
	public static ConversationState empty() {
		return new ConversationState(Report.empty(), null);
	}

}
