package org.frontdoor.channels.email.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps what the resident wrote in this message and drops what their mail client added:
 * quoted history, forwarded headers, signatures and "Sent from my phone" lines.
 * <p>
 * It works on plain text (HTML bodies are first rendered by {@link HtmlText}, which turns
 * blockquotes into {@code >} lines), in this order:
 * <ol>
 * <li><b>Forward markers</b> (Gmail {@code ---------- Forwarded message ---------},
 * Thunderbird {@code -------- Forwarded Message --------}, Yahoo
 * {@code ----- Forwarded Message -----}, Apple {@code Begin forwarded message:}, and
 * their Spanish, French, German, Italian, Dutch, Portuguese and Russian forms), and an
 * Outlook header block when the subject says the mail is a forward ({@code Fwd:},
 * {@code FW:}, {@code RV:}, {@code WG:}, {@code TR:}, {@code Enc:}).</li>
 * <li><b>Reply boundaries</b>: attribution lines ({@code On … wrote:}, {@code El …
 * escribió:}, {@code Le … a écrit :}, {@code Am … schrieb …:}, {@code … написал:}, up to
 * four lines long as Gmail and Apple wrap them), {@code -----Original Message-----} and
 * its translations, and Outlook/Hotmail/Windows Mail header blocks ({@code From:} with
 * {@code Sent:}/{@code Date:}/{@code To:}/{@code Subject:}, in several languages,
 * including the {@code ____} or dashed rule above them).</li>
 * <li>An attribution followed by {@code >} lines is a quote the resident may have
 * answered inline or below (bottom-posting), so only the attribution and the quoted lines
 * are removed and what the resident wrote around them is kept. Every other boundary cuts
 * the rest of the text.</li>
 * <li>Stray {@code >} lines are removed; then signatures: the first line that is only a
 * mobile/webmail tagline ({@code Sent from my iPhone}, {@code Enviado desde mi
 * teléfono}, {@code Get Outlook for iOS}…) and everything after it, an RFC 3676
 * {@code "-- "} (or {@code --}, {@code —}) delimiter when at most
 * {@value #MAX_SIGNATURE_LINES} lines follow it, and mailing-list footers.</li>
 * </ol>
 * <b>Forwards.</b> When the resident forwards a mail and writes nothing above it, the
 * forwarded body becomes the text (headers removed): a resident forwarding a neighbour's
 * mail about a broken streetlight means that content. When they write something, their
 * words are the text and the forwarded body is returned separately
 * ({@link Result#forwardedText()}). The same applies to a quote with nothing above it
 * (Outlook for Mac forwards as {@code On … wrote:}), unless the mail is a reply to
 * FrontDoor itself: an empty reply to our own message must not feed our words back to the
 * analyzer.
 */
public final class ReplyStripper {

	static final int MAX_SIGNATURE_LINES = 12;

	private static final int MAX_PASSES = 20;

	private static final String VERBS = "wrote|writes|escribió|escribio|a écrit|a ecrit|schrieb|escreveu|ha scritto"
			+ "|schreef|skrev|napisał|napisała|napsal|napísal|kirjoitti|a scris|yazdı|написал|написала|написал\\(а\\)";

	private static final Pattern ATTRIBUTION_START = Pattern.compile(
			"^(?:-{2,}\\s*)?(?:On|El|Le|Am|Em|Il|Op|Den|W dniu|Dne|Pe|På|Em|Le|В)\\s.{1,400}?(?:" + VERBS
					+ ")(?:\\s[^:]{0,80})?\\s?:\\s*$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

	private static final Pattern ATTRIBUTION_END = Pattern.compile(
			"^.{0,300}(?:" + VERBS + ")(?:\\s[^:]{0,80})?\\s?:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
			"^\\s*-{2,}\\s*(?:Original Message|Original|Mensaje original|Mensaje Original|Message d'origine"
					+ "|Ursprüngliche Nachricht|Messaggio originale|Oorspronkelijk bericht|Mensagem original"
					+ "|Исходное сообщение|Původní zpráva|Oryginalna wiadomość)\\s*-{2,}\\s*$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern FORWARD_MARKER = Pattern.compile("^\\s*(?:>\\s*)*(?:-{2,}\\s*(?:Forwarded message"
			+ "|Forwarded Message|Mensaje reenviado|Mensaje Reenviado|Message transféré|Message transfere"
			+ "|Weitergeleitete Nachricht|Messaggio inoltrato|Doorgestuurd bericht|Mensagem encaminhada"
			+ "|Пересылаемое сообщение|Přeposlaná zpráva)\\s*-{2,}.*"
			+ "|(?:Begin forwarded message|Inicio del mensaje reenviado|Comienzo del mensaje reenviado"
			+ "|Début du message réexpédié|Début du message transféré|Anfang der weitergeleiteten Nachricht"
			+ "|Inizio messaggio inoltrato|Início da mensagem reencaminhada|Begin doorgestuurd bericht)\\s?:.*)$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern FROM_HEADER = Pattern.compile(
			"^\\s*[*>]*\\s*(?:From|De|Von|Da|Van|Från|Fra|Od|Lähettäjä|От|От кого|差出人|发件人|寄件者|보낸 사람)\\s*:.*",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern OTHER_HEADER = Pattern.compile(
			"^\\s*[*>]*\\s*(?:Sent|Date|To|Subject|Cc|Bcc"
					+ "|Reply-To|Enviado|Enviada|Enviado el|Fecha|Para|Asunto|CC|CCO|Gesendet|Datum|An|Betreff|Kopie"
					+ "|Envoyé|Envoyé le|À|A|Objet|Inviato|Data|Oggetto|Verzonden|Aan|Onderwerp|Skickat|Till|Ämne"
					+ "|Sendt|Til|Emne|Wysłano|Do|Temat|Отправлено|Дата|Кому|Тема|Копия|送信日時|宛先|件名|日付"
					+ "|发送时间|收件人|主题|日期|傳送時間|收件者|主旨|보낸 날짜|받는 사람|제목)\\s*:.*",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern RULE = Pattern.compile("^\\s*(?:_{10,}|-{10,}|={10,})\\s*$");

	private static final Pattern FORWARD_SUBJECT = Pattern.compile(
			"^\\s*(?:\\[[^]]*]\\s*)?(?:Fwd?|FW|RV|WG|TR|Enc|Doorst|VS|Fwd?\\[\\d+])\\s*:.*", Pattern.CASE_INSENSITIVE);

	private static final Pattern TAGLINE_START = Pattern.compile("^\\s*(?:(?:Sent|Enviado|Enviada|Envoyé|Inviato"
			+ "|Verzonden|Gesendet|Skickat|Sendt|Wysłane|Отправлено)\\s(?:from|with|via|using|on|desde|con|de|da|dal"
			+ "|met|von|mit|från|fra|z|с)\\s|(?:Get|Obtener|Descargar|Obtenir|Scarica|Holen Sie sich) Outlook\\s"
			+ "|Von meinem\\s|Envoyé de mon\\s).*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern TAGLINE_DEVICE = Pattern.compile("\\b(?:iPhone|iPad|iPod|BlackBerry|Android|Galaxy"
			+ "|Samsung|Huawei|Xiaomi|Pixel|Motorola|Nokia|HTC|mobile|móvil|movil|celular|smartphone|teléfono|telefono"
			+ "|tablet|phone|Outlook|Yahoo|Gmail|AOL|Mail|Correo|Windows|TypeApp|Sparrow|ProtonMail|Proton|Spark"
			+ "|BlueMail|Edison|Airmail|Newton|Superhuman|Handy|portable|iOS)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final int MAX_TAGLINE_WORDS = 8;

	private static final Pattern LINK = Pattern.compile("<[^>]*>");

	private static final Pattern WORDS = Pattern.compile("\\s+");

	private static final int MAX_LINES_AFTER_TAGLINE = 3;

	private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^(?:-- ?|—|–|__)\\s*$");

	private static final Pattern LIST_FOOTER = Pattern.compile("^.{0,80}\\bmailing list\\b.*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern LOOKS_LIKE_ADDRESS_OR_DATE = Pattern
		.compile(".*(?:@|\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}|<\\s*$|,\\s*$).*");

	private ReplyStripper() {
	}

	/**
	 * Strip a message body.
	 * @param text the body as plain text (already unflowed)
	 * @param subject the subject (to recognize Outlook forwards), or {@code null}
	 * @param replyToFrontDoor whether the mail answers one of FrontDoor's own messages
	 * @return what the resident wrote
	 */
	public static Result strip(String text, String subject, boolean replyToFrontDoor) {
		boolean forwardSubject = subject != null && FORWARD_SUBJECT.matcher(subject).matches();
		String body = (text == null) ? "" : text.replace("\uFEFF", "");
		return strip(TextLines.lines(body), forwardSubject, replyToFrontDoor, 0);
	}

	private static Result strip(List<String> input, boolean forwardSubject, boolean replyToFrontDoor, int depth) {
		List<String> lines = new ArrayList<>(input);
		boolean quoteRemoved = false;
		for (int pass = 0; pass < MAX_PASSES; pass++) {
			Boundary boundary = findBoundary(lines, forwardSubject);
			if (boundary == null) {
				break;
			}
			quoteRemoved = true;
			if (boundary.kind == Kind.INLINE_QUOTE) {
				lines = removeInlineQuote(lines, boundary);
				continue;
			}
			List<String> own = lines.subList(0, boundary.start);
			String ownText = finish(new ArrayList<>(own)).text;
			List<String> quoted = bodyAfter(lines, boundary);
			boolean forward = boundary.kind == Kind.FORWARD || (boundary.kind == Kind.HEADER_BLOCK && forwardSubject);
			if (ownText.isEmpty() && depth == 0 && (forward || !replyToFrontDoor)) {
				Result inner = strip(quoted, false, replyToFrontDoor, depth + 1);
				return new Result(inner.text, true, inner.signatureRemoved, true, null);
			}
			Cleaned cleaned = finish(new ArrayList<>(own));
			String forwarded = null;
			if (forward && depth == 0) {
				forwarded = strip(quoted, false, replyToFrontDoor, depth + 1).text;
			}
			return new Result(cleaned.text, true, cleaned.signatureRemoved, forward, forwarded);
		}
		Cleaned cleaned = finish(lines);
		return new Result(cleaned.text, quoteRemoved || cleaned.quoteRemoved, cleaned.signatureRemoved, false, null);
	}

	private static Boundary findBoundary(List<String> lines, boolean forwardSubject) {
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			if (FORWARD_MARKER.matcher(line).matches()) {
				return new Boundary(Kind.FORWARD, i, i + 1, isQuoted(line));
			}
			if (ORIGINAL_MESSAGE.matcher(line).matches()) {
				return new Boundary(Kind.CUT, i, i + 1, false);
			}
			if (isQuoted(line)) {
				continue;
			}
			int headerEnd = headerBlockEnd(lines, i);
			if (headerEnd > i) {
				return new Boundary(Kind.HEADER_BLOCK, ruleAbove(lines, i), headerEnd, false);
			}
			int attributionEnd = attributionEnd(lines, i);
			if (attributionEnd > i) {
				int start = i;
				if (!ATTRIBUTION_START.matcher(line).matches()) {
					start = extendAttributionUp(lines, i);
				}
				int next = nextNonBlank(lines, attributionEnd);
				if (next >= 0 && isQuoted(lines.get(next))) {
					return new Boundary(Kind.INLINE_QUOTE, start, attributionEnd, false);
				}
				return new Boundary(Kind.CUT, start, attributionEnd, false);
			}
		}
		return null;
	}

	/**
	 * An attribution starting at line {@code i}: a line (or up to four joined lines) like
	 * {@code On … wrote:}, or any line ending in a "wrote:" verb when quoted lines
	 * follow. Returns the index after its last line, or {@code i} when there is none.
	 */
	private static int attributionEnd(List<String> lines, int i) {
		StringBuilder joined = new StringBuilder();
		for (int j = i; j < Math.min(lines.size(), i + 4); j++) {
			String line = lines.get(j);
			if (line.isBlank() || (j > i && isQuoted(line))) {
				break;
			}
			if (j > i) {
				joined.append(' ');
			}
			joined.append(line.strip());
			if (ATTRIBUTION_START.matcher(joined).matches()) {
				return j + 1;
			}
		}
		if (ATTRIBUTION_END.matcher(lines.get(i).strip()).matches()) {
			int next = nextNonBlank(lines, i + 1);
			if (next >= 0 && isQuoted(lines.get(next))) {
				return i + 1;
			}
		}
		return i;
	}

	/**
	 * A "… wrote:" line whose start (a date, an address) was wrapped onto the lines
	 * above.
	 */
	private static int extendAttributionUp(List<String> lines, int i) {
		int start = i;
		for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
			String line = lines.get(j);
			if (line.isBlank() || !LOOKS_LIKE_ADDRESS_OR_DATE.matcher(line).matches()) {
				break;
			}
			start = j;
		}
		return start;
	}

	/**
	 * An Outlook-style header block starting at line {@code i}: header-like lines (at
	 * most one wrapped continuation line each) including a From line and another header.
	 * Returns the index after the block, or {@code i}.
	 */
	private static int headerBlockEnd(List<String> lines, int i) {
		if (!isHeaderLine(lines.get(i))) {
			return i;
		}
		boolean from = false;
		int headers = 0;
		int j = i;
		int continuation = 0;
		while (j < lines.size()) {
			String line = lines.get(j);
			if (FROM_HEADER.matcher(line).matches()) {
				from = true;
				headers++;
				continuation = 0;
			}
			else if (OTHER_HEADER.matcher(line).matches()) {
				headers++;
				continuation = 0;
			}
			else if (!line.isBlank() && continuation == 0 && j > i && !isQuoted(line)) {
				continuation++;
			}
			else {
				break;
			}
			j++;
		}
		if (from && headers >= 2) {
			while (j > i && !isHeaderLine(lines.get(j - 1)) && continuation > 0) {
				j--;
				continuation = 0;
			}
			return j;
		}
		return i;
	}

	private static boolean isHeaderLine(String line) {
		return FROM_HEADER.matcher(line).matches() || OTHER_HEADER.matcher(line).matches();
	}

	/**
	 * Include a separator rule ({@code ____}, {@code ----}) just above a header block.
	 */
	private static int ruleAbove(List<String> lines, int i) {
		int j = i - 1;
		while (j >= 0 && lines.get(j).isBlank()) {
			j--;
		}
		if (j >= 0 && (RULE.matcher(lines.get(j)).matches() || ORIGINAL_MESSAGE.matcher(lines.get(j)).matches())) {
			return j;
		}
		return i;
	}

	private static List<String> removeInlineQuote(List<String> lines, Boundary boundary) {
		List<String> kept = new ArrayList<>(lines.subList(0, boundary.start));
		int i = boundary.end;
		while (i < lines.size() && (lines.get(i).isBlank() || isQuoted(lines.get(i)))) {
			i++;
		}
		if (!kept.isEmpty() && i < lines.size()) {
			kept.add("");
		}
		kept.addAll(lines.subList(i, lines.size()));
		return kept;
	}

	/**
	 * The body under a boundary: header lines after a forward marker skipped, one quote
	 * level removed.
	 */
	private static List<String> bodyAfter(List<String> lines, Boundary boundary) {
		List<String> rest = new ArrayList<>();
		for (String line : lines.subList(boundary.end, lines.size())) {
			rest.add(boundary.quoted ? unquoteOnce(line) : line);
		}
		int i = 0;
		while (i < rest.size() && rest.get(i).isBlank()) {
			i++;
		}
		if (boundary.kind == Kind.FORWARD || boundary.kind == Kind.HEADER_BLOCK || boundary.kind == Kind.CUT) {
			int end = headerRunEnd(rest, i);
			if (end > i) {
				i = end;
			}
		}
		List<String> body = rest.subList(i, rest.size());
		if (!body.isEmpty() && body.stream().allMatch(ReplyStripper::isQuotedOrBlank)) {
			return body.stream().map(ReplyStripper::unquoteOnce).toList();
		}
		return dedent(body);
	}

	/**
	 * Remove the indentation every non-blank line shares (Outlook for Mac indents
	 * quotes).
	 */
	private static List<String> dedent(List<String> lines) {
		int common = Integer.MAX_VALUE;
		for (String line : lines) {
			if (!line.isBlank()) {
				int indent = 0;
				while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
					indent++;
				}
				common = Math.min(common, indent);
			}
		}
		if (common == 0 || common == Integer.MAX_VALUE) {
			return lines;
		}
		int cut = common;
		return lines.stream().map((line) -> line.isBlank() ? "" : line.substring(cut)).toList();
	}

	private static int headerRunEnd(List<String> lines, int i) {
		int j = i;
		boolean sawHeader = false;
		int continuation = 0;
		while (j < lines.size()) {
			String line = lines.get(j);
			if (isHeaderLine(line)) {
				sawHeader = true;
				continuation = 0;
			}
			else if (sawHeader && !line.isBlank() && continuation == 0 && !line.startsWith(" ") && line.length() < 120
					&& j + 1 < lines.size() && isHeaderLine(lines.get(j + 1))) {
				continuation++;
			}
			else {
				break;
			}
			j++;
		}
		return sawHeader ? j : i;
	}

	private static Cleaned finish(List<String> input) {
		List<String> lines = new ArrayList<>();
		boolean quoteRemoved = false;
		for (String line : input) {
			if (isQuoted(line)) {
				quoteRemoved = true;
				if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
					lines.add("");
				}
				continue;
			}
			lines.add(line);
		}
		boolean signatureRemoved = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (isTagline(line) && nonBlankAfter(lines, i) <= MAX_LINES_AFTER_TAGLINE) {
				lines = new ArrayList<>(lines.subList(0, i));
				signatureRemoved = true;
				break;
			}
		}
		for (int i = lines.size() - 1; i >= 0; i--) {
			String line = lines.get(i);
			if (SIGNATURE_DELIMITER.matcher(line).matches() && nonBlankAfter(lines, i) <= MAX_SIGNATURE_LINES) {
				lines = new ArrayList<>(lines.subList(0, i));
				signatureRemoved = true;
				break;
			}
			if (RULE.matcher(line).matches() && i + 1 < lines.size()
					&& LIST_FOOTER.matcher(lines.get(nextNonBlankOr(lines, i + 1))).matches()) {
				lines = new ArrayList<>(lines.subList(0, i));
				signatureRemoved = true;
				break;
			}
		}
		return new Cleaned(TextLines.tidy(String.join("\n", lines)).strip(), quoteRemoved, signatureRemoved);
	}

	/**
	 * A mobile or webmail tagline such as {@code Sent from my iPhone},
	 * {@code Enviado desde
	 * mi teléfono} or {@code Get Outlook for iOS<https://aka.ms/…>}: a line of at most
	 * {@value #MAX_TAGLINE_WORDS} words that starts with a tagline phrase and names a
	 * device or mail app (so {@code Sent from the corner of 5th and Main} is kept). It is
	 * cut, with what follows, only near the end of the text.
	 */
	static boolean isTagline(String line) {
		if (line.isBlank() || !TAGLINE_START.matcher(line).matches()) {
			return false;
		}
		String withoutLink = LINK.matcher(line).replaceAll("").strip();
		return WORDS.split(withoutLink).length <= MAX_TAGLINE_WORDS && TAGLINE_START.matcher(withoutLink).matches()
				&& TAGLINE_DEVICE.matcher(withoutLink).find();
	}

	private static int nonBlankAfter(List<String> lines, int i) {
		int count = 0;
		for (int j = i + 1; j < lines.size(); j++) {
			if (!lines.get(j).isBlank()) {
				count++;
			}
		}
		return count;
	}

	private static int nextNonBlank(List<String> lines, int from) {
		for (int j = from; j < lines.size(); j++) {
			if (!lines.get(j).isBlank()) {
				return j;
			}
		}
		return -1;
	}

	private static int nextNonBlankOr(List<String> lines, int from) {
		int next = nextNonBlank(lines, from);
		return (next >= 0) ? next : from;
	}

	static boolean isQuoted(String line) {
		return line.stripLeading().startsWith(">");
	}

	private static boolean isQuotedOrBlank(String line) {
		return line.isBlank() || isQuoted(line);
	}

	static String unquoteOnce(String line) {
		String stripped = line.stripLeading();
		if (!stripped.startsWith(">")) {
			return line;
		}
		String rest = stripped.substring(1);
		return rest.startsWith(" ") ? rest.substring(1) : rest;
	}

	/**
	 * What the resident wrote.
	 *
	 * @param text the cleaned text, possibly empty
	 * @param quoteRemoved whether quoted history or forwarded headers were removed
	 * @param signatureRemoved whether a signature or tagline was removed
	 * @param forwarded whether the mail forwards another one (or only quotes one)
	 * @param forwardedText the forwarded body when the resident also wrote something
	 * themselves, else {@code null}
	 */
	public record Result(String text, boolean quoteRemoved, boolean signatureRemoved, boolean forwarded,
			String forwardedText) {

		/**
		 * The text in lower case, for assertions and keyword checks.
		 * @return the text in lower case
		 */
		public String lowerCase() {
			return this.text.toLowerCase(Locale.ROOT);
		}

	}

	private record Cleaned(String text, boolean quoteRemoved, boolean signatureRemoved) {

	}

	private enum Kind {

		/** Forward marker: the forwarded mail follows. */
		FORWARD,

		/** Outlook header block. */
		HEADER_BLOCK,

		/** Attribution followed by {@code >} lines: remove only the quote. */
		INLINE_QUOTE,

		/** Any other boundary: the rest is history. */
		CUT

	}

	private record Boundary(Kind kind, int start, int end, boolean quoted) {

	}

}
