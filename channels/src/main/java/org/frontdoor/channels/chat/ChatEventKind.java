package org.frontdoor.channels.chat;

import java.util.Locale;

/**
 * What a chat event is; also its server-sent event name ({@code event:} field).
 */
public enum ChatEventKind {

	/** The resident's own message, echoed so every tab and a later visit show it. */
	RESIDENT,

	/** FrontDoor's answer in the intake dialog (question, menu, confirmation, help). */
	REPLY,

	/** A status update on a service request the resident follows. */
	STATUS;

	/**
	 * The name used on the wire.
	 * @return e.g. {@code reply}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The kind with the given wire or enum name.
	 * @param name e.g. {@code status}
	 * @return the kind
	 * @throws IllegalArgumentException when it names no kind
	 */
	public static ChatEventKind of(String name) {
		return valueOf(name.toUpperCase(Locale.ROOT));
	}

}
