package org.frontdoor.gateway.conversation;

import java.util.List;
import java.util.Map;

import org.frontdoor.templates.TemplateKey;

/**
 * What the {@link Dialog} decided for one message: the conversation's new state and
 * phase, and what to do (replies, a submission, a subscription). Applying it is the
 * engine's job, in one transaction.
 *
 * @param state the new state
 * @param phase the new phase
 * @param actions what to do, in order
 * @param note a summary for the transcript (no PII)
 */
public record Outcome(ConversationState state, Phase phase, List<Action> actions, String note) {

	public Outcome {
		actions = List.copyOf(actions);
	}

	/**
	 * The replies among the actions.
	 * @return the replies, in order
	 */
	public List<Reply> replies() {
		return this.actions.stream().filter(Reply.class::isInstance).map(Reply.class::cast).toList();
	}

	/**
	 * The duplicate check this decision is waiting for, if any.
	 * @return the action, or {@code null}
	 */
	public CheckDuplicates pendingCheck() {
		return this.actions.stream()
			.filter(CheckDuplicates.class::isInstance)
			.map(CheckDuplicates.class::cast)
			.findFirst()
			.orElse(null);
	}

	/** Something to do. */
	public sealed interface Action permits Reply, Submit, Follow, CheckDuplicates {

	}

	/**
	 * Say something to the resident.
	 *
	 * @param key the template
	 * @param model the values, by template variable id
	 */
	public record Reply(TemplateKey key, Map<String, Object> model) implements Action {

		public Reply {
			model = Map.copyOf(model);
		}

	}

	/**
	 * File the report with the backend.
	 *
	 * @param report the complete report
	 */
	public record Submit(Report report) implements Action {

	}

	/**
	 * Subscribe the resident to an open request instead of filing a new one.
	 *
	 * @param requestId the request
	 * @param serviceCode its service
	 */
	public record Follow(String requestId, String serviceCode) implements Action {

	}

	/**
	 * The decision needs open requests near the place first (a backend query, made
	 * outside the transaction); nothing else is decided yet.
	 *
	 * @param serviceCode the service
	 * @param place the place
	 */
	public record CheckDuplicates(String serviceCode, Place place) implements Action {

	}

}
