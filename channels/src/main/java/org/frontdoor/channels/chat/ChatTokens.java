package org.frontdoor.channels.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.frontdoor.channels.core.RandomIds;

/**
 * Session tokens: 256 random bits, shown to the client once, stored only as a SHA-256
 * hash (a fast hash is enough: the token has full entropy, so there is nothing to guess
 * offline) and compared in constant time.
 */
public final class ChatTokens {

	private static final int TOKEN_BYTES = 32;

	private ChatTokens() {
	}

	/**
	 * A new random token.
	 * @return 43 URL-safe base64 characters
	 */
	public static String newToken() {
		return RandomIds.urlSafe(TOKEN_BYTES);
	}

	/**
	 * The hash stored for a token.
	 * @param token the token
	 * @return its SHA-256
	 */
	public static byte[] hash(String token) {
		return sha256(token.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether a presented token matches a stored hash, in time independent of where they
	 * differ.
	 * @param presented the token the client sent
	 * @param storedHash the stored hash
	 * @return {@code true} if it is the session's token
	 */
	public static boolean matches(String presented, byte[] storedHash) {
		return MessageDigest.isEqual(hash(presented), storedHash);
	}

	/**
	 * A short pseudonym for a value that must not be stored as is (client IP addresses in
	 * rate-limit buckets).
	 * @param value the value
	 * @return 32 hex characters of its SHA-256
	 */
	public static String pseudonym(String value) {
		return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
