package org.frontdoor.nlp.intent;

import java.util.Locale;

/** What a resident's message asks FrontDoor to do. */
public enum Intent {

	/** Opt out of all messages (STOP, UNSUBSCRIBE, BAJA…). */
	STOP,

	/** Opt back in (START, UNSTOP, ALTA). */
	START,

	/** How does this work (HELP, INFO, AYUDA). */
	HELP,

	/** The status of a request, optionally with its id (STATUS 1042, ESTADO). */
	STATUS,

	/** Drop the report in progress (CANCEL, CANCELAR, never mind). */
	CANCEL,

	/** Confirm (YES, SI, OK). */
	YES,

	/** Decline (NO, NOPE). */
	NO,

	/** A numbered menu answer ("2", "option 2", "#2"); the argument is the number. */
	MENU,

	/** Switch language (LANG ES, LANG EN, "español"); the argument is the code. */
	LANG,

	/** Thanks (THANKS, GRACIAS). */
	THANKS,

	/** Anything else: a report (or part of one). */
	REPORT;

	/**
	 * The lowercase name used in the CLI output.
	 * @return e.g. {@code stop}
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
