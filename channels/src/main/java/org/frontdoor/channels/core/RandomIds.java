package org.frontdoor.channels.core;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Unguessable identifiers from one {@link SecureRandom}: session tokens, media ids,
 * generated passwords, stand-in provider ids. Callers choose the number of random bytes
 * (32 for anything that grants access).
 */
public final class RandomIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomIds() {
	}

	/**
	 * Random bytes as URL-safe Base64 without padding.
	 * @param bytes how many random bytes (32 give 43 characters)
	 * @return the identifier
	 */
	public static String urlSafe(int bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random(bytes));
	}

	/**
	 * Random bytes as lower-case hex.
	 * @param bytes how many random bytes (16 give 32 digits)
	 * @return the identifier
	 */
	public static String hex(int bytes) {
		return HexFormat.of().formatHex(random(bytes));
	}

	private static byte[] random(int bytes) {
		if (bytes < 1) {
			throw new IllegalArgumentException("at least one random byte");
		}
		byte[] result = new byte[bytes];
		RANDOM.nextBytes(result);
		return result;
	}

}
