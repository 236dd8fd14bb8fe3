package org.frontdoor.channels.email.inbound;

import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML mail body into plain text that keeps the author's line breaks and marks
 * quoted history the way plain-text mail does, so one {@link ReplyStripper} handles both.
 * <ul>
 * <li>{@code script}, {@code style}, {@code head}, {@code title} and elements hidden with
 * {@code display:none} are dropped; so are images (their bytes arrive as MIME
 * parts).</li>
 * <li>Block elements ({@code div}, {@code p}, {@code li}, {@code tr}, headings…) and
 * {@code br} end a line; table cells are separated by a space.</li>
 * <li>{@code blockquote} content is prefixed with {@code "> "} per nesting level (Gmail's
 * {@code gmail_quote}, Apple/Thunderbird {@code type=cite}, Yahoo…).</li>
 * <li>{@code hr} becomes a line of underscores, as Outlook renders it in text.</li>
 * </ul>
 * The traversal is iterative, so deeply nested markup cannot overflow the stack.
 */
public final class HtmlText {

	private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "noscript", "template",
			"object", "svg", "img", "xml", "iframe", "video", "audio", "map");

	private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "table", "tbody", "thead", "ul", "ol",
			"dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "section", "article", "header",
			"footer", "center", "form", "fieldset", "main", "nav", "aside", "figure", "figcaption", "caption", "body",
			"html");

	static final String HR_LINE = "________________________________";

	private HtmlText() {
	}

	/**
	 * Convert HTML to text.
	 * @param html the HTML (a document or a fragment)
	 * @return the text, never {@code null}
	 */
	public static String toText(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document document = Jsoup.parse(html);
		Renderer renderer = new Renderer();
		NodeTraversor.traverse(renderer, document.body() != null ? document.body() : document);
		return TextLines.tidy(renderer.out.toString());
	}

	private static boolean isHidden(Element element) {
		String style = element.attr("style");
		if (style.isEmpty()) {
			return false;
		}
		String compact = style.replace(" ", "").toLowerCase(Locale.ROOT);
		return compact.contains("display:none") || compact.contains("visibility:hidden");
	}

	private static final class Renderer implements NodeVisitor {

		private final StringBuilder out = new StringBuilder();

		private int quoteDepth;

		private int preDepth;

		private int skipDepth;

		private boolean atLineStart = true;

		private boolean pendingSpace;

		@Override
		public void head(Node node, int depth) {
			if (node instanceof Element element) {
				String tag = element.normalName();
				if (this.skipDepth > 0 || SKIPPED.contains(tag) || isHidden(element)) {
					this.skipDepth++;
					return;
				}
				switch (tag) {
					case "br" -> newline();
					case "hr" -> {
						endLine();
						text(HR_LINE);
						newline();
					}
					case "blockquote" -> {
						endLine();
						this.quoteDepth++;
					}
					case "pre" -> {
						endLine();
						this.preDepth++;
					}
					case "td", "th" -> this.pendingSpace = !this.atLineStart;
					default -> {
						if (BLOCKS.contains(tag)) {
							endLine();
						}
					}
				}
			}
			else if (node instanceof TextNode textNode && this.skipDepth == 0) {
				if (this.preDepth > 0) {
					String[] lines = textNode.getWholeText().split("\r?\n", -1);
					for (int i = 0; i < lines.length; i++) {
						if (i > 0) {
							newline();
						}
						raw(lines[i]);
					}
				}
				else {
					words(textNode.getWholeText());
				}
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (!(node instanceof Element element)) {
				return;
			}
			if (this.skipDepth > 0) {
				this.skipDepth--;
				return;
			}
			String tag = element.normalName();
			switch (tag) {
				case "blockquote" -> {
					endLine();
					this.quoteDepth--;
				}
				case "pre" -> {
					endLine();
					this.preDepth--;
				}
				default -> {
					if (BLOCKS.contains(tag)) {
						endLine();
					}
				}
			}
		}

		private void words(String text) {
			if (this.atLineStart && text.indexOf('\u00A0') >= 0 && text.replace('\u00A0', ' ').isBlank()) {
				// An "&nbsp;" paragraph is how Outlook and webmails write an empty line.
				prefix();
				return;
			}
			String normalized = text.replace('\u00A0', ' ');
			int i = 0;
			while (i < normalized.length()) {
				char c = normalized.charAt(i);
				if (Character.isWhitespace(c)) {
					if (!this.atLineStart) {
						this.pendingSpace = true;
					}
					i++;
					continue;
				}
				int end = i;
				while (end < normalized.length() && !Character.isWhitespace(normalized.charAt(end))) {
					end++;
				}
				text(normalized.substring(i, end));
				i = end;
			}
		}

		private void text(String word) {
			if (this.atLineStart) {
				prefix();
			}
			else if (this.pendingSpace) {
				this.out.append(' ');
			}
			this.pendingSpace = false;
			this.out.append(word);
		}

		private void raw(String text) {
			if (this.atLineStart) {
				prefix();
			}
			this.out.append(text);
		}

		private void prefix() {
			this.out.append("> ".repeat(Math.max(0, this.quoteDepth)));
			this.atLineStart = false;
		}

		private void newline() {
			if (this.atLineStart && this.quoteDepth > 0) {
				this.out.append(">".repeat(this.quoteDepth));
			}
			this.out.append('\n');
			this.atLineStart = true;
			this.pendingSpace = false;
		}

		private void endLine() {
			if (!this.atLineStart) {
				newline();
			}
			this.pendingSpace = false;
		}

	}

}
