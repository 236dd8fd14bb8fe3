package org.frontdoor.channels.email.inbound;

import java.util.Locale;

/**
 * What FrontDoor does with a fetched mail, and why.
 *
 * @param action process it, ignore it silently, or reject it to the dead letters
 * @param reason why (for {@link Action#PROCESS} always {@link Reason#RESIDENT_MAIL})
 * @param detail a short explanation for logs and the admin, without PII
 */
public record EmailDecision(Action action, Reason reason, String detail) {

	/**
	 * Process a resident's mail.
	 * @return the decision
	 */
	public static EmailDecision process() {
		return new EmailDecision(Action.PROCESS, Reason.RESIDENT_MAIL, "resident mail");
	}

	/**
	 * Ignore an automatic mail.
	 * @param reason why
	 * @param detail explanation
	 * @return the decision
	 */
	public static EmailDecision ignore(Reason reason, String detail) {
		return new EmailDecision(Action.IGNORE, reason, detail);
	}

	/**
	 * Reject a mail FrontDoor cannot use.
	 * @param reason why
	 * @param detail explanation
	 * @return the decision
	 */
	public static EmailDecision reject(Reason reason, String detail) {
		return new EmailDecision(Action.REJECT, reason, detail);
	}

	/** What happens to the mail. */
	public enum Action {

		/** Stored as an inbound message; moved to the processed folder. */
		PROCESS,

		/**
		 * Never stored, never answered (loops, bounces, lists); moved to the ignored
		 * folder.
		 */
		IGNORE,

		/** Dead-lettered with its bytes and reason; moved to the rejected folder. */
		REJECT

	}

	/** Why; {@link #code()} is what metadata, logs and the dead letter show. */
	public enum Reason {

		/** A resident's mail. */
		RESIDENT_MAIL,

		/** {@code Auto-Submitted} other than {@code no} (RFC 3834). */
		AUTO_SUBMITTED,

		/**
		 * {@code X-Autoreply}, {@code X-Autorespond}, {@code X-Auto-Response-Suppress}
		 * and similar.
		 */
		AUTO_REPLY,

		/**
		 * An out-of-office subject ({@code Automatic reply:},
		 * {@code Respuesta automática:}…).
		 */
		OUT_OF_OFFICE,

		/** A delivery status notification or other bounce. */
		BOUNCE,

		/** A read receipt (MDN, {@code disposition-notification}). */
		READ_RECEIPT,

		/** An abuse/feedback report ({@code feedback-report}). */
		FEEDBACK_REPORT,

		/**
		 * Mailing-list or bulk mail ({@code List-Id}, {@code List-Unsubscribe},
		 * {@code Precedence}).
		 */
		LIST,

		/**
		 * A sender that is a machine: {@code noreply}, {@code mailer-daemon},
		 * {@code postmaster}.
		 */
		SYSTEM_SENDER,

		/** The null return path {@code <>}: only automatic mail uses it. */
		NULL_RETURN_PATH,

		/** Mail from the city's own address. */
		OWN_ADDRESS,

		/** Mail that already went through FrontDoor ({@code X-Loop}). */
		LOOP,

		/** No sender address to identify or answer. */
		NO_SENDER,

		/** Neither text, subject nor a usable photo. */
		NO_CONTENT,

		/** Larger than the message size limit. */
		TOO_LARGE,

		/** The MIME structure could not be read at all. */
		UNPARSEABLE;

		/**
		 * The reason as a kebab-case code.
		 * @return e.g. {@code auto-submitted}
		 */
		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
