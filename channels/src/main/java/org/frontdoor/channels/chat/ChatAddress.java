package org.frontdoor.channels.chat;

import java.util.Optional;
import java.util.UUID;

/**
 * The resident address of the chat channel: {@code chat:<session id>}.
 */
public final class ChatAddress {

	/** The scheme every chat address starts with. */
	public static final String PREFIX = "chat:";

	private ChatAddress() {
	}

	/**
	 * The address of a session.
	 * @param sessionId the session id
	 * @return {@code chat:<id>}
	 */
	public static String of(UUID sessionId) {
		return PREFIX + sessionId;
	}

	/**
	 * The session an address names.
	 * @param address an address such as {@code chat:1b4e…}
	 * @return the session id, or empty when it is not a chat address
	 */
	public static Optional<UUID> sessionId(String address) {
		if (address == null || !address.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return parseId(address.substring(PREFIX.length()));
	}

	/**
	 * Parse a session id as it appears in a URL.
	 * @param text the text
	 * @return the id, or empty when it is not a UUID
	 */
	public static Optional<UUID> parseId(String text) {
		if (text == null || text.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
