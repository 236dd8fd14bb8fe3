package org.frontdoor.gateway.conversation;

import java.util.List;

/**
 * The one question a conversation is waiting for an answer to.
 *
 * @param kind what is asked
 * @param attribute the attribute code for {@link Kind#ATTRIBUTE}, else {@code null}
 * @param options the service codes of a {@link Kind#SERVICE} menu in the order offered
 * (all pages), else empty
 * @param page the page of a menu or list shown (0 first)
 * @param requestId the request offered by a {@link Kind#DUPLICATE} question, else
 * {@code null}
 */
public record Question(Kind kind, String attribute, List<String> options, int page, String requestId) {

	public Question {
		options = (options != null) ? List.copyOf(options) : List.of();
	}

	/**
	 * A question without options.
	 * @param kind what is asked
	 * @return the question
	 */
	public static Question of(Kind kind) {
		return new Question(kind, null, List.of(), 0, null);
	}

	/**
	 * The same question on another page.
	 * @param page the page
	 * @return a copy
	 */
	public Question onPage(int page) {
		return new Question(this.kind, this.attribute, this.options, page, this.requestId);
	}

	/** What a question asks. */
	public enum Kind {

		/** Which service (a numbered menu). */
		SERVICE,

		/** Where is it. */
		LOCATION,

		/** Did you mean this place (YES, or a better location). */
		CONFIRM_LOCATION,

		/** One required attribute of the service. */
		ATTRIBUTE,

		/** Follow an open request nearby (1) or report a new one (2). */
		DUPLICATE

	}

}
