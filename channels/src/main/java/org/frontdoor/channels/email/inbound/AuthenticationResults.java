package org.frontdoor.channels.email.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SPF, DKIM and DMARC verdicts from {@code Authentication-Results} headers (RFC
 * 8601) and turns them into one sender verdict.
 * <p>
 * <b>Which header.</b> Anyone can put an {@code Authentication-Results} header in a mail,
 * so only the one added by the city's own receiving server counts: the first (topmost)
 * header whose authserv-id is in the configured trusted list. With no trusted list, the
 * topmost header is used and marked untrusted (point {@code trusted-authserv-ids} at your
 * MTA's id, e.g. {@code mx.city.gov}, in production). Headers without an authserv-id
 * (Exchange Online writes {@code spf=none …} straight away) are accepted as such.
 * <p>
 * <b>Verdict.</b> {@link Verdict#PASS} when DMARC passed, or with no DMARC result when
 * SPF or DKIM passed; {@link Verdict#FAIL} when DMARC failed, or with no DMARC result
 * when SPF failed (or soft-failed) and no DKIM signature passed; otherwise
 * {@link Verdict#UNKNOWN}.
 */
public final class AuthenticationResults {

	private static final Pattern RESULT = Pattern.compile("^\\s*([a-z0-9_.-]+)\\s*=\\s*([a-z0-9_-]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Set<String> METHODS = Set.of("spf", "dkim", "dmarc");

	private static final Set<String> FAILED_SPF = Set.of("fail", "softfail");

	private AuthenticationResults() {
	}

	/**
	 * Evaluate a mail's {@code Authentication-Results} headers.
	 * @param headerValues the header values, topmost first
	 * @param trustedAuthservIds authserv-ids of the city's own servers (lower case);
	 * empty to use the topmost header
	 * @return the verdicts
	 */
	public static Evaluation evaluate(List<String> headerValues, Set<String> trustedAuthservIds) {
		for (String value : headerValues) {
			Parsed parsed = parse(value);
			if (trustedAuthservIds.isEmpty()) {
				return evaluation(parsed, false);
			}
			if (parsed.authservId() != null && trustedAuthservIds.contains(parsed.authservId())) {
				return evaluation(parsed, true);
			}
		}
		return new Evaluation(null, Map.of(), false, Verdict.UNKNOWN);
	}

	private static Evaluation evaluation(Parsed parsed, boolean trusted) {
		Map<String, String> results = parsed.results();
		String dmarc = results.get("dmarc");
		String spf = results.get("spf");
		String dkim = results.get("dkim");
		Verdict verdict;
		if (dmarc != null && !dmarc.equals("none")) {
			verdict = dmarc.equals("pass") ? Verdict.PASS : dmarc.equals("fail") ? Verdict.FAIL : Verdict.UNKNOWN;
		}
		else if ("pass".equals(spf) || "pass".equals(dkim)) {
			verdict = Verdict.PASS;
		}
		else if (spf != null && FAILED_SPF.contains(spf)) {
			verdict = Verdict.FAIL;
		}
		else {
			verdict = Verdict.UNKNOWN;
		}
		return new Evaluation(parsed.authservId(), results, trusted, verdict);
	}

	/**
	 * Parse one header value.
	 * @param value the unfolded value
	 * @return its authserv-id (lower case, or {@code null}) and method results; for DKIM
	 * the best result over all signatures
	 */
	static Parsed parse(String value) {
		String cleaned = stripComments(value == null ? "" : value);
		List<String> segments = splitOutsideQuotes(cleaned);
		String authservId = null;
		int first = 0;
		if (!segments.isEmpty() && !segments.get(0).contains("=")) {
			String[] words = segments.get(0).trim().split("\\s+");
			authservId = words[0].isEmpty() ? null : words[0].toLowerCase(Locale.ROOT);
			first = 1;
		}
		Map<String, String> results = new LinkedHashMap<>();
		for (String segment : segments.subList(first, segments.size())) {
			Matcher matcher = RESULT.matcher(segment);
			if (!matcher.find()) {
				continue;
			}
			String method = matcher.group(1).toLowerCase(Locale.ROOT);
			String result = matcher.group(2).toLowerCase(Locale.ROOT);
			if (!METHODS.contains(method)) {
				continue;
			}
			String previous = results.get(method);
			if (previous == null || (!previous.equals("pass") && result.equals("pass"))) {
				results.put(method, result);
			}
		}
		return new Parsed(authservId, results);
	}

	private static String stripComments(String value) {
		StringBuilder out = new StringBuilder(value.length());
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				if (depth == 0) {
					out.append(c).append(value.charAt(i + 1));
				}
				i++;
				continue;
			}
			if (c == '"' && depth == 0) {
				quoted = !quoted;
			}
			if (!quoted && c == '(') {
				depth++;
				continue;
			}
			if (!quoted && c == ')' && depth > 0) {
				depth--;
				continue;
			}
			if (depth == 0) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static List<String> splitOutsideQuotes(String value) {
		List<String> segments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ';' && !quoted) {
				segments.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		if (!current.toString().isBlank()) {
			segments.add(current.toString());
		}
		return segments;
	}

	/** The sender verdict. */
	public enum Verdict {

		/** The sender's domain authenticated the mail. */
		PASS,

		/** The mail failed authentication. */
		FAIL,

		/** No trusted result, or results that neither pass nor fail. */
		UNKNOWN;

		/**
		 * The metadata value.
		 * @return {@code pass}, {@code fail} or {@code unknown}
		 */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The verdicts for a mail.
	 *
	 * @param authservId the authserv-id of the header used, or {@code null}
	 * @param results method → result ({@code spf}, {@code dkim}, {@code dmarc})
	 * @param trusted whether the header came from a trusted authserv-id
	 * @param verdict the sender verdict
	 */
	public record Evaluation(String authservId, Map<String, String> results, boolean trusted, Verdict verdict) {

	}

	record Parsed(String authservId, Map<String, String> results) {

	}

}
