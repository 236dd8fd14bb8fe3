package org.frontdoor.nlp.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontdoor.nlp.AnalysisRequest;
import org.frontdoor.nlp.language.Language;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One parsed input line: {@code {"id", "text", "channel"?, "subject"?, "language"?}} plus
 * whatever else the line carries (labels for {@code evaluate}).
 *
 * @param id the id as given (any JSON value), or {@code null}
 * @param node the whole object, or {@code null} when the line is bad
 * @param request the request, or {@code null} when the line is bad
 * @param error why the line is bad, or {@code null}
 */
record InputLine(JsonNode id, JsonNode node, AnalysisRequest request, String error) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern LEADING_ID = Pattern
		.compile("^\\s*\\{\\s*\"id\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?)");

	static InputLine parse(String line) {
		return parse(line, "");
	}

	/**
	 * Parses a line.
	 * @param line the line, or {@link LineReader#TOO_LONG}
	 * @param tooLongPrefix the start of an over-long line, to recover its id
	 * @return the parsed line
	 */
	static InputLine parse(String line, String tooLongPrefix) {
		if (line == LineReader.TOO_LONG) {
			JsonNode id = null;
			Matcher m = LEADING_ID.matcher(tooLongPrefix);
			if (m.find()) {
				try {
					id = JSON.readTree(m.group(1));
				}
				catch (JacksonException ex) {
					id = null;
				}
			}
			return new InputLine(id, null, null, "line longer than " + LineReader.MAX_LINE + " characters");
		}
		JsonNode node;
		try {
			node = JSON.readTree(line);
		}
		catch (JacksonException ex) {
			return new InputLine(null, null, null, "not valid JSON: " + shortMessage(ex));
		}
		if (node == null || !node.isObject()) {
			return new InputLine(null, null, null, "expected a JSON object with \"id\" and \"text\"");
		}
		JsonNode id = node.get("id");
		JsonNode text = node.get("text");
		if (text == null || text.isNull()) {
			return new InputLine(id, node, null, "missing \"text\"");
		}
		if (!text.isString()) {
			return new InputLine(id, node, null, "\"text\" must be a string");
		}
		String subject = str(node.get("subject"));
		String channel = str(node.get("channel"));
		Language hint = Language.fromCode(str(node.get("language"))).orElse(null);
		return new InputLine(id, node, new AnalysisRequest(text.stringValue(), subject, channel, hint), null);
	}

	private static String str(JsonNode n) {
		return (n != null && n.isString()) ? n.stringValue() : null;
	}

	private static String shortMessage(Exception ex) {
		String m = String.valueOf(ex.getMessage());
		int nl = m.indexOf('\n');
		m = (nl > 0) ? m.substring(0, nl) : m;
		return (m.length() > 160) ? m.substring(0, 160) + "…" : m;
	}

}
