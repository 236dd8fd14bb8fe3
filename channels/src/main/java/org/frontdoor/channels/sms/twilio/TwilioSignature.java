package org.frontdoor.channels.sms.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed
 * with the auth token, over the full URL Twilio called followed by every POST parameter
 * name and value, sorted by name (values of a repeated name sorted too). Compared in
 * constant time.
 * <p>
 * Twilio signs the URL as configured in its console; when that URL names a port it may or
 * may not be part of the signed string, so a mismatch is retried once with the scheme's
 * default port removed or added (what Twilio's own helper libraries do). Thread-safe.
 */
public final class TwilioSignature {

	/** The request header carrying the signature. */
	public static final String HEADER = "X-Twilio-Signature";

	private static final String HMAC_SHA1 = "HmacSHA1";

	/**
	 * One keyed Mac per thread: {@code Mac.getInstance} and {@code init} cost more than
	 * the HMAC.
	 */
	private final ThreadLocal<Mac> macs;

	/**
	 * A signer/verifier for one auth token.
	 * @param authToken the account's auth token
	 */
	public TwilioSignature(String authToken) {
		SecretKeySpec key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1);
		this.macs = ThreadLocal.withInitial(() -> newMac(key));
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(HMAC_SHA1);
			mac.init(key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA1 unavailable", ex);
		}
	}

	/**
	 * Compute the signature Twilio would send.
	 * @param url the full URL, with query string
	 * @param params the POST form parameters
	 * @return the Base64 signature
	 */
	public String sign(String url, Map<String, List<String>> params) {
		return Base64.getEncoder().encodeToString(hmac(url, params));
	}

	/**
	 * Check a signature.
	 * @param url the URL Twilio called, with query string
	 * @param params the POST form parameters (not the query parameters)
	 * @param signature the header value, or {@code null}
	 * @return whether it is Twilio's signature for this request
	 */
	public boolean verify(String url, Map<String, List<String>> params, String signature) {
		if (signature == null || signature.isBlank()) {
			return false;
		}
		byte[] expected;
		try {
			expected = Base64.getDecoder().decode(signature.strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (MessageDigest.isEqual(hmac(url, params), expected)) {
			return true;
		}
		String alternative = alternativePortForm(url);
		return alternative != null && MessageDigest.isEqual(hmac(alternative, params), expected);
	}

	private byte[] hmac(String url, Map<String, List<String>> params) {
		Mac mac = this.macs.get();
		mac.reset();
		mac.update(url.getBytes(StandardCharsets.UTF_8));
		for (Map.Entry<String, List<String>> entry : new TreeMap<>(params).entrySet()) {
			byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
			List<String> values = new ArrayList<>(new TreeSet<>(nonNull(entry.getValue())));
			if (values.isEmpty()) {
				values.add("");
			}
			for (String value : values) {
				mac.update(name);
				mac.update(value.getBytes(StandardCharsets.UTF_8));
			}
		}
		return mac.doFinal();
	}

	private static List<String> nonNull(List<String> values) {
		List<String> result = new ArrayList<>();
		if (values != null) {
			for (String value : values) {
				result.add((value != null) ? value : "");
			}
		}
		return result;
	}

	/** The URL with the default port removed if present, or added if absent. */
	static String alternativePortForm(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (uri.getScheme() == null || uri.getRawAuthority() == null) {
			return null;
		}
		int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		String authority = uri.getRawAuthority();
		String newAuthority;
		if (uri.getPort() == -1) {
			newAuthority = authority + ":" + defaultPort;
		}
		else if (uri.getPort() == defaultPort) {
			newAuthority = authority.substring(0, authority.lastIndexOf(':'));
		}
		else {
			return null;
		}
		int start = url.indexOf(authority);
		return url.substring(0, start) + newAuthority + url.substring(start + authority.length());
	}

}
