package org.frontdoor.templates;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Static checks on a template's source, run before it is used: every tag names a variable
 * the template may use, and HTML parts never output a value unescaped. A template failing
 * them is treated like one with a syntax error.
 */
final class TemplateSyntax {

	private static final Set<String> SPECIAL_NAMES = Set.of(".", "this", "-first", "-last", "-index");

	private static final Pattern PARTIAL_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private TemplateSyntax() {
	}

	/** The names a key's templates may use. */
	static Set<String> namesFor(TemplateKey key) {
		Set<String> names = new HashSet<>(SPECIAL_NAMES);
		for (TemplateVariable variable : key.available()) {
			names.add(variable.id());
		}
		if (key.available().contains(TemplateVariable.OPTIONS)) {
			names.addAll(TemplateVariable.OPTION_FIELDS);
		}
		if (key.available().contains(TemplateVariable.REQUESTS)) {
			names.addAll(TemplateVariable.REQUEST_FIELDS);
		}
		return names;
	}

	/** The names a partial (shared by many keys) may use: any variable or item field. */
	static Set<String> namesForPartials() {
		Set<String> names = new HashSet<>(SPECIAL_NAMES);
		for (TemplateVariable variable : TemplateVariable.values()) {
			names.add(variable.id());
		}
		names.addAll(TemplateVariable.OPTION_FIELDS);
		names.addAll(TemplateVariable.REQUEST_FIELDS);
		return names;
	}

	/**
	 * Checks a source.
	 * @param source the template text
	 * @param part the part it renders (HTML parts may not use unescaped tags)
	 * @param names the variable names it may use
	 * @return the first problem found, or empty when the source is fine
	 */
	static Optional<String> check(String source, TemplatePart part, Set<String> names) {
		Deque<String> open = new ArrayDeque<>();
		int from = 0;
		while (true) {
			int start = source.indexOf("{{", from);
			if (start < 0) {
				return open.isEmpty() ? Optional.empty() : Optional.of("unclosed section '" + open.peek() + "'");
			}
			int close = source.indexOf("}}", start + 2);
			if (close < 0) {
				return Optional.of("unclosed tag at line " + line(source, start));
			}
			String tag = source.substring(start + 2, close);
			from = close + 2;
			if (tag.startsWith("{")) {
				if (close + 2 < source.length() && source.charAt(close + 2) == '}') {
					from++;
				}
				tag = "&" + tag.substring(1);
			}
			tag = tag.strip();
			if (tag.isEmpty()) {
				return Optional.of("empty tag at line " + line(source, start));
			}
			char sigil = tag.charAt(0);
			String name = tag.substring(1).strip();
			int at = line(source, start);
			Optional<String> problem = switch (sigil) {
				case '!' -> Optional.empty();
				case '=' -> Optional.of("delimiter changes are not allowed (line " + at + ")");
				case '>' -> partialName(name, at);
				case '<' -> {
					open.push(name);
					yield partialName(name, at);
				}
				case '$' -> {
					open.push(name);
					yield Optional.empty();
				}
				case '&' -> part.html() ? Optional.of("unescaped value '" + name + "' in HTML at line " + at)
						: variable(name, names, at);
				case '#', '^' -> {
					open.push(name);
					yield variable(name, names, at);
				}
				case '/' -> name.equals(open.peek()) ? closed(open)
						: Optional.of("closing tag '" + name + "' does not match '" + open.peek() + "' at line " + at);
				default -> variable(tag, names, at);
			};
			if (problem.isPresent()) {
				return problem;
			}
		}
	}

	private static Optional<String> variable(String name, Set<String> names, int line) {
		String head = name.equals(".") ? name : name.split("\\.", 2)[0];
		return names.contains(head) ? Optional.empty() : Optional.of("unknown variable '" + name + "' at line " + line);
	}

	private static Optional<String> partialName(String name, int line) {
		return PARTIAL_NAME.matcher(name).matches() ? Optional.empty()
				: Optional.of("bad partial name '" + name + "' at line " + line);
	}

	private static Optional<String> closed(Deque<String> open) {
		open.pop();
		return Optional.empty();
	}

	private static int line(String source, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (source.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
