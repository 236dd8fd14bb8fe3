package org.frontdoor.channels.sms.twilio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Loads the captured Twilio bodies from {@code src/test/resources/twilio/}, re-addresses
 * them to the test account and signs them like Twilio does.
 */
public final class TwilioFixtures {

	/** The test account (a made-up SID). */
	public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

	/** The test auth token (made up). */
	public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";

	/** The public base URL the tests configure. */
	public static final String PUBLIC_BASE_URL = "https://311.example.gov";

	private TwilioFixtures() {
	}

	/** The form parameters of a fixture, AccountSid replaced by the test account. */
	public static Map<String, List<String>> form(String name) {
		Map<String, List<String>> form = parse(raw(name));
		if (form.containsKey("AccountSid")) {
			form.put("AccountSid", new ArrayList<>(List.of(ACCOUNT_SID)));
		}
		return form;
	}

	public static String raw(String name) {
		try (InputStream in = TwilioFixtures.class.getResourceAsStream("/twilio/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Map<String, List<String>> parse(String body) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			String[] parts = pair.split("=", 2);
			String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
			String value = (parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
			form.computeIfAbsent(name, (k) -> new ArrayList<>()).add(value);
		}
		return form;
	}

	public static String encode(Map<String, List<String>> form) {
		StringJoiner joiner = new StringJoiner("&");
		form.forEach(
				(name, values) -> values.forEach((value) -> joiner.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
						+ "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
		return joiner.toString();
	}

	public static String sign(String url, Map<String, List<String>> form) {
		return new TwilioSignature(AUTH_TOKEN).sign(url, form);
	}

	/** A copy of a form with one parameter set (or removed when value is null). */
	public static Map<String, List<String>> with(Map<String, List<String>> form, String name, String value) {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		form.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
		if (value == null) {
			copy.remove(name);
		}
		else {
			copy.put(name, new ArrayList<>(List.of(value)));
		}
		return copy;
	}

}
