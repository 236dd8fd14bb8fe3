package org.frontdoor.nlp.intent;

/**
 * A detected intent.
 *
 * @param intent the intent
 * @param argument the request id for {@link Intent#STATUS} (or {@code null}), the number
 * for {@link Intent#MENU}, the language code for {@link Intent#LANG}; else {@code null}
 * @param carrierKeyword when the whole message is exactly a keyword that SMS carriers and
 * Twilio's opt-out handling act on themselves (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END,
 * QUIT, REVOKE, OPTOUT; START, YES, UNSTOP; HELP, INFO), which one; else {@code null}.
 * Note that Twilio opts a number out on CANCEL although FrontDoor's intent is
 * {@link Intent#CANCEL}: the dialog should treat both.
 */
public record IntentResult(Intent intent, String argument, CarrierKeyword carrierKeyword) {

	/** What the carrier does with a message that is exactly this keyword. */
	public enum CarrierKeyword {

		/** The carrier or Twilio opts the number out. */
		OPT_OUT,

		/** The carrier or Twilio opts the number back in. */
		OPT_IN,

		/** The carrier or Twilio may answer with its own help text. */
		HELP

	}

	static IntentResult report() {
		return new IntentResult(Intent.REPORT, null, null);
	}

}
