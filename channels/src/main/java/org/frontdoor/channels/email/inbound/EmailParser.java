package org.frontdoor.channels.email.inbound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;

import org.frontdoor.channels.email.inbound.ParsedEmail.MailAttachment;
import org.frontdoor.channels.email.inbound.ParsedEmail.Mailbox;

/**
 * Parses raw RFC 5322 bytes into a {@link ParsedEmail}, tolerating what real mail does
 * wrong. Pure: no I/O beyond the byte array, no Spring, thread-safe.
 * <ul>
 * <li><b>Body.</b> In {@code multipart/alternative} the {@code text/plain} part wins when
 * it has text; otherwise the richest alternative (HTML, converted by {@link HtmlText}).
 * {@code multipart/related} uses its root part, {@code multipart/signed} its content,
 * {@code multipart/report} its human-readable part; in {@code multipart/mixed} every
 * inline text part counts, in order (iPhone Mail puts text after the photo).
 * {@code format=flowed} (and {@code DelSp}) is undone.</li>
 * <li><b>Charsets</b> through {@link MailCharsets}, header encoded-words through
 * {@link EncodedWords}; raw UTF-8 headers (RFC 6532) are read as UTF-8.</li>
 * <li><b>Attachments.</b> Possible photos ({@code image/*}, or
 * {@code application/octet-stream} with an image file name) are read up to the size
 * limit; other attachments are only described. Images in {@code multipart/related} or
 * referenced by {@code cid:} are flagged {@code embedded}. {@code message/rfc822} parts
 * (forward as attachment) contribute their text as the forwarded body and their images.
 * {@code winmail.dat} is read by {@link TnefReader}.</li>
 * <li><b>Limits.</b> MIME nesting deeper than {@link Limits#maxDepth()} and parts beyond
 * {@link Limits#maxParts()} are skipped with a note; text is cut at
 * {@link Limits#maxTextBytes()}.</li>
 * </ul>
 */
public final class EmailParser {

	private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

	private static final Pattern WHITESPACE = Pattern.compile("\\s");

	private static final Pattern CONTROL_WHITESPACE = Pattern.compile("[\\r\\n\\t]+");

	private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

	private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

	private static final Pattern NOT_TOKEN = Pattern.compile("[^a-z0-9!#$&^_.+/-]");

	private static final Pattern CID = Pattern.compile("cid:([^\"'\\s>)]+)", Pattern.CASE_INSENSITIVE);

	private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "png", "heic", "heif", "gif",
			"webp", "tif", "tiff", "bmp");

	private static final Set<String> TNEF_TYPES = Set.of("application/ms-tnef", "application/vnd.ms-tnef");

	/**
	 * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a {@code ServiceLoader}
	 * scan of the class path for every body part it creates (about 85% of the CPU time of
	 * parsing a small mail). Naming the provider in its system property, which Jakarta
	 * Mail reads first, skips the scan; it is the provider the scan would find (Angus
	 * Mail's), and an explicit setting is never overridden.
	 */
	static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

	static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	static {
		if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null && isPresent(ANGUS_STREAM_PROVIDER)) {
			System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
		}
	}

	private final Limits limits;

	private final Session session;

	/**
	 * Create a parser.
	 * @param limits the limits
	 */
	public EmailParser(Limits limits) {
		this.limits = limits;
		this.session = Session.getInstance(lenientProperties());
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, EmailParser.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Session properties for parsing. Only {@code mail.mime.allowutf8} (raw UTF-8
	 * headers, RFC 6532) and {@code mail.mime.address.strict} are read from the session
	 * by Angus; the other leniencies (unknown transfer encodings, bad base64, broken
	 * multiparts) are JVM-wide system properties, which a library must not set, so this
	 * parser handles those failures itself.
	 */
	static Properties lenientProperties() {
		Properties properties = new Properties();
		properties.setProperty("mail.mime.allowutf8", "true");
		properties.setProperty("mail.mime.address.strict", "false");
		return properties;
	}

	/**
	 * Parse a mail.
	 * @param raw the bytes as fetched
	 * @return the parsed mail, or the reason it could not be parsed
	 */
	public Result parse(byte[] raw) {
		MimeMessage message;
		try {
			message = new MimeMessage(this.session, new ByteArrayInputStream(raw));
		}
		catch (MessagingException | RuntimeException ex) {
			return Result.failed("unreadable message headers: " + describe(ex));
		}
		try {
			return Result.parsed(parse(message));
		}
		catch (MessagingException | RuntimeException | StackOverflowError ex) {
			return Result.failed("unparseable MIME structure: " + describe(ex));
		}
	}

	private ParsedEmail parse(MimeMessage message) throws MessagingException {
		MailHeaders headers = headers(message);
		Walk walk = new Walk();
		ContentTypes.Type top = ContentTypes.of(message);
		walk.part(message, 0, Mode.BODY, false);
		List<MailAttachment> attachments = new ArrayList<>();
		for (MailAttachment attachment : walk.attachments) {
			boolean referenced = attachment.contentId() != null && walk.cids.contains(attachment.contentId());
			attachments.add(referenced && !attachment.embedded()
					? new MailAttachment(attachment.filename(), attachment.declaredType(), attachment.contentId(), true,
							attachment.fromTnef(), attachment.bytes(), attachment.size(), attachment.oversized())
					: attachment);
		}
		String body = String.join("\n\n", walk.body).strip();
		boolean fromHtml = walk.bodyFromHtml;
		if (body.isEmpty() && walk.tnefBody != null) {
			body = walk.tnefBody;
			fromHtml = false;
		}
		Mailbox from = firstMailbox(headers.first("From"));
		if (from == null) {
			from = firstMailbox(headers.first("Sender"));
		}
		List<String> recipients = new ArrayList<>();
		for (String name : List.of("To", "Cc")) {
			for (String value : headers.all(name)) {
				for (Mailbox mailbox : mailboxes(value)) {
					recipients.add(mailbox.address());
				}
			}
		}
		String reportType = top.baseType().equals("multipart/report") ? top.parameter("report-type") : null;
		return new ParsedEmail(headers, messageId(headers.first("Message-ID")), from,
				firstMailbox(headers.first("Reply-To")), recipients, subject(headers.first("Subject")),
				date(headers.first("Date")), messageIds(headers.first("In-Reply-To")),
				messageIds(headers.first("References")), top.baseType(),
				(reportType != null) ? reportType.toLowerCase(Locale.ROOT) : null, body, fromHtml,
				String.join("\n\n", walk.forwarded).strip(), attachments, List.copyOf(walk.notes));
	}

	private static MailHeaders headers(MimeMessage message) throws MessagingException {
		List<MailHeaders.Field> fields = new ArrayList<>();
		Enumeration<Header> all = message.getAllHeaders();
		while (all.hasMoreElements()) {
			Header header = all.nextElement();
			fields.add(new MailHeaders.Field(header.getName(), MailHeaders.unfold(header.getValue())));
		}
		return new MailHeaders(fields);
	}

	/**
	 * The canonical {@code <id>} form of a Message-ID header, or {@code null}.
	 * @param value the header value
	 * @return the id with angle brackets, or {@code null}
	 */
	public static String messageId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Matcher matcher = MESSAGE_ID.matcher(value);
		if (matcher.find()) {
			return "<" + matcher.group(1) + ">";
		}
		String trimmed = value.trim();
		return (trimmed.contains("@") && !WHITESPACE.matcher(trimmed).find()) ? "<" + trimmed + ">" : null;
	}

	/**
	 * Every {@code <id>} in a header such as {@code References}.
	 * @param value the header value, or {@code null}
	 * @return the ids with angle brackets, in order
	 */
	public static List<String> messageIds(String value) {
		List<String> ids = new ArrayList<>();
		if (value == null) {
			return ids;
		}
		Matcher matcher = MESSAGE_ID.matcher(value);
		while (matcher.find()) {
			String id = "<" + matcher.group(1) + ">";
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	private static String subject(String raw) {
		if (raw == null) {
			return null;
		}
		return CONTROL_WHITESPACE.matcher(EncodedWords.decode(raw)).replaceAll(" ").strip();
	}

	private static Instant date(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return new MailDateFormat().parse(raw).toInstant();
		}
		catch (java.text.ParseException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The first mailbox of an address header, leniently.
	 * @param value the header value, or {@code null}
	 * @return the mailbox or {@code null}
	 */
	static Mailbox firstMailbox(String value) {
		List<Mailbox> mailboxes = mailboxes(value);
		return mailboxes.isEmpty() ? null : mailboxes.get(0);
	}

	static List<Mailbox> mailboxes(String value) {
		List<Mailbox> result = new ArrayList<>();
		if (value == null || value.isBlank()) {
			return result;
		}
		try {
			for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
				addMailbox(result, address.getAddress(), address.getPersonal());
			}
		}
		catch (AddressException ex) {
			Matcher matcher = BARE_ADDRESS.matcher(value);
			while (matcher.find()) {
				addMailbox(result, matcher.group(), null);
			}
		}
		return result;
	}

	private static void addMailbox(List<Mailbox> result, String address, String personal) {
		if (address == null) {
			return;
		}
		String trimmed = address.trim();
		if (trimmed.isEmpty() || !trimmed.contains("@") || trimmed.startsWith("@") || trimmed.endsWith("@")) {
			return;
		}
		String name = (personal != null) ? EncodedWords.decode(personal).strip() : null;
		result.add(new Mailbox(trimmed.toLowerCase(Locale.ROOT), (name == null || name.isEmpty()) ? null : name));
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		String name = ex.getClass().getSimpleName();
		if (message == null || message.isBlank()) {
			return name;
		}
		return name + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
	}

	private static String filename(Part part) {
		try {
			String name = part.getFileName();
			if (name == null) {
				return null;
			}
			String decoded = EncodedWords.decode(name);
			try {
				decoded = MimeUtility.decodeText(decoded);
			}
			catch (IOException | RuntimeException ex) {
				// keep what EncodedWords produced
			}
			String repaired = repairRawUtf8(decoded.strip());
			return repaired.isEmpty() ? null : repaired;
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Part headers are read as ISO-8859-1, so a raw UTF-8 file name (Yahoo, RFC 6532)
	 * arrives as mojibake; decode such names again from their bytes.
	 */
	static String repairRawUtf8(String value) {
		boolean high = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0xFF) {
				return value;
			}
			high |= c >= 0x80;
		}
		if (!high) {
			return value;
		}
		byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
		String utf8 = new String(bytes, StandardCharsets.UTF_8);
		long replaced = utf8.chars().filter((c) -> c == '\uFFFD').count();
		// A name cut inside its last character still reads as UTF-8.
		return (replaced <= 1) ? utf8.replace("\uFFFD", "") : MailCharsets.decode(bytes, null).text();
	}

	/**
	 * The disposition token, read from the raw header so a broken parameter cannot hide
	 * it.
	 */
	private static String disposition(Part part) {
		try {
			String[] values = part.getHeader("Content-Disposition");
			if (values == null || values.length == 0 || values[0] == null) {
				return null;
			}
			String token = MailHeaders.unfold(values[0]).split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
			return token.isEmpty() ? null : token;
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static String contentId(Part part) {
		try {
			String[] values = part.getHeader("Content-ID");
			if (values == null || values.length == 0 || values[0] == null) {
				return null;
			}
			String id = MailHeaders.unfold(values[0]).trim();
			if (id.startsWith("<") && id.endsWith(">")) {
				id = id.substring(1, id.length() - 1);
			}
			return id.isEmpty() ? null : id;
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static String extension(String filename) {
		if (filename == null) {
			return "";
		}
		int dot = filename.lastIndexOf('.');
		return (dot >= 0) ? filename.substring(dot + 1).toLowerCase(Locale.ROOT).trim() : "";
	}

	/** How a part's text is used. */
	private enum Mode {

		/** Text goes to the body. */
		BODY,

		/** Text goes to the forwarded body (inside an attached message). */
		FORWARDED,

		/** Only attachments are collected (a non-chosen alternative). */
		ATTACHMENTS

	}

	/** One traversal of a message's MIME tree. */
	private final class Walk {

		private final List<String> body = new ArrayList<>();

		private final List<String> forwarded = new ArrayList<>();

		private final List<MailAttachment> attachments = new ArrayList<>();

		private final Set<String> notes = new LinkedHashSet<>();

		private final Set<String> cids = new HashSet<>();

		private String tnefBody;

		private boolean bodyFromHtml;

		private int parts;

		void part(Part part, int depth, Mode mode, boolean embedded) {
			if (depth > EmailParser.this.limits.maxDepth()) {
				this.notes.add("MIME nesting deeper than " + EmailParser.this.limits.maxDepth() + " levels skipped");
				return;
			}
			if (++this.parts > EmailParser.this.limits.maxParts()) {
				this.notes.add("parts beyond " + EmailParser.this.limits.maxParts() + " skipped");
				return;
			}
			ContentTypes.Type type = ContentTypes.of(part);
			try {
				if (type.isMultipart()) {
					multipart(part, type, depth, mode, embedded);
				}
				else if (type.baseType().equals("message/rfc822") || type.baseType().equals("message/global")) {
					attachedMessage(part, depth, mode);
				}
				else {
					leaf(part, type, mode, embedded);
				}
			}
			catch (MessagingException | IOException | RuntimeException ex) {
				this.notes.add("unreadable " + type.baseType() + " part: " + describe(ex));
			}
		}

		private void multipart(Part part, ContentTypes.Type type, int depth, Mode mode, boolean embedded)
				throws MessagingException, IOException {
			Multipart multipart = multipartOf(part);
			int count = multipart.getCount();
			if (count == 0) {
				this.notes.add("empty " + type.baseType());
				return;
			}
			List<Part> children = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				children.add(multipart.getBodyPart(i));
			}
			switch (type.subtype()) {
				case "alternative" -> alternative(children, depth, mode, embedded);
				case "related" -> related(children, type, depth, mode);
				case "signed" -> {
					part(children.get(0), depth + 1, mode, embedded);
					for (Part child : children.subList(1, children.size())) {
						part(child, depth + 1, Mode.ATTACHMENTS, embedded);
					}
				}
				case "encrypted" -> this.notes.add("encrypted content (multipart/encrypted) not readable");
				case "report" -> {
					part(children.get(0), depth + 1, mode, embedded);
				}
				default -> {
					for (Part child : children) {
						part(child, depth + 1, mode, embedded);
					}
				}
			}
		}

		private Multipart multipartOf(Part part) throws MessagingException, IOException {
			Object content = part.getContent();
			if (content instanceof Multipart multipart) {
				return multipart;
			}
			return new MimeMultipart(part.getDataHandler().getDataSource());
		}

		private void alternative(List<Part> children, int depth, Mode mode, boolean embedded) {
			int chosen = -1;
			if (mode != Mode.ATTACHMENTS) {
				for (int i = 0; i < children.size() && chosen < 0; i++) {
					Part child = children.get(i);
					ContentTypes.Type childType = ContentTypes.of(child);
					if (childType.baseType().equals("text/plain") && !isAttachment(child)
							&& !readText(child, childType).isBlank()) {
						chosen = i;
					}
				}
				for (int i = children.size() - 1; i >= 0 && chosen < 0; i--) {
					ContentTypes.Type childType = ContentTypes.of(children.get(i));
					if (childType.baseType().equals("text/html") || childType.isMultipart()) {
						chosen = i;
					}
				}
			}
			for (int i = 0; i < children.size(); i++) {
				part(children.get(i), depth + 1, (i == chosen) ? mode : Mode.ATTACHMENTS, embedded);
			}
		}

		private void related(List<Part> children, ContentTypes.Type type, int depth, Mode mode) {
			int root = 0;
			String start = type.parameter("start");
			if (start != null) {
				String wanted = start.replace("<", "").replace(">", "").trim();
				for (int i = 0; i < children.size(); i++) {
					if (wanted.equals(contentId(children.get(i)))) {
						root = i;
					}
				}
			}
			else {
				String rootType = type.parameter("type");
				for (int i = 0; i < children.size() && rootType != null; i++) {
					if (ContentTypes.of(children.get(i)).baseType().equalsIgnoreCase(rootType.trim())) {
						root = i;
						break;
					}
				}
			}
			for (int i = 0; i < children.size(); i++) {
				part(children.get(i), depth + 1, (i == root) ? mode : Mode.ATTACHMENTS, i != root);
			}
		}

		private void attachedMessage(Part part, int depth, Mode mode) throws MessagingException, IOException {
			MimeMessage inner;
			try (InputStream in = decodedStream(part)) {
				inner = new MimeMessage(EmailParser.this.session, in);
			}
			part(inner, depth + 1, (mode == Mode.ATTACHMENTS) ? Mode.ATTACHMENTS : Mode.FORWARDED, false);
		}

		private void leaf(Part part, ContentTypes.Type type, Mode mode, boolean embedded)
				throws MessagingException, IOException {
			String filename = filename(part);
			boolean attachment = isAttachment(part);
			String base = type.baseType();
			if ((base.equals("text/plain") || base.equals("text/html")) && !attachment) {
				if (mode == Mode.ATTACHMENTS) {
					if (base.equals("text/html")) {
						collectCids(readText(part, type));
					}
					return;
				}
				String text = readText(part, type);
				if (base.equals("text/html")) {
					collectCids(text);
					text = HtmlText.toText(text);
					this.bodyFromHtml = this.bodyFromHtml || mode == Mode.BODY;
				}
				else if ("flowed".equalsIgnoreCase(type.parameter("format"))) {
					text = TextLines.unflow(text, "yes".equalsIgnoreCase(type.parameter("delsp")));
				}
				if (!text.isBlank()) {
					(mode == Mode.BODY ? this.body : this.forwarded).add(TextLines.tidy(text));
				}
				return;
			}
			if (TNEF_TYPES.contains(base) || "winmail.dat".equalsIgnoreCase(filename)) {
				tnef(part);
				return;
			}
			if (isPossiblePhoto(base, filename)) {
				photo(part, base, filename, embedded);
				return;
			}
			this.attachments.add(new MailAttachment(filename, base, contentId(part), embedded, false, null, -1, false));
		}

		private void photo(Part part, String base, String filename, boolean embedded)
				throws MessagingException, IOException {
			long limit = EmailParser.this.limits.maxAttachmentBytes();
			byte[] bytes;
			try (InputStream in = decodedStream(part)) {
				bytes = readAtMost(in, limit + 1);
			}
			boolean oversized = bytes.length > limit;
			this.attachments.add(new MailAttachment(filename, base, contentId(part), embedded, false,
					oversized ? null : bytes, oversized ? -1 : bytes.length, oversized));
		}

		private void tnef(Part part) throws MessagingException, IOException {
			byte[] bytes;
			try (InputStream in = decodedStream(part)) {
				bytes = readAtMost(in, EmailParser.this.limits.maxTnefBytes() + 1);
			}
			if (bytes.length > EmailParser.this.limits.maxTnefBytes()) {
				this.notes.add(
						"winmail.dat (TNEF) larger than " + EmailParser.this.limits.maxTnefBytes() + " bytes not read");
				return;
			}
			TnefReader.Result tnef = TnefReader.read(bytes);
			this.notes.add("winmail.dat (TNEF) read: " + (tnef.body() != null ? "body" : "no body") + ", "
					+ tnef.attachments().size() + " attachment(s)"
					+ (tnef.unreadable() > 0 ? ", " + tnef.unreadable() + " embedded object(s) not opened" : "")
					+ (tnef.damaged() ? ", damaged" : ""));
			if (tnef.body() != null && this.tnefBody == null) {
				this.tnefBody = TextLines.tidy(tnef.body());
			}
			long limit = EmailParser.this.limits.maxAttachmentBytes();
			for (TnefReader.Attachment attachment : tnef.attachments()) {
				String type = (attachment.mimeType() != null) ? attachment.mimeType().toLowerCase(Locale.ROOT).trim()
						: "application/octet-stream";
				boolean photo = isPossiblePhoto(type, attachment.filename());
				boolean oversized = photo && attachment.data().length > limit;
				this.attachments.add(new MailAttachment(attachment.filename(), type, attachment.contentId(),
						attachment.contentId() != null, true, (photo && !oversized) ? attachment.data() : null,
						attachment.data().length, oversized));
			}
		}

		private void collectCids(String html) {
			Matcher matcher = CID.matcher(html);
			while (matcher.find()) {
				this.cids.add(matcher.group(1));
			}
		}

		private String readText(Part part, ContentTypes.Type type) {
			int limit = EmailParser.this.limits.maxTextBytes();
			byte[] bytes;
			try (InputStream in = decodedStream(part)) {
				bytes = readAtMost(in, limit + 1);
			}
			catch (MessagingException | IOException | RuntimeException ex) {
				this.notes.add("unreadable " + type.baseType() + " part: " + describe(ex));
				return "";
			}
			if (bytes.length > limit) {
				this.notes.add("text longer than " + limit + " bytes cut");
				bytes = Arrays.copyOf(bytes, limit);
			}
			String label = type.parameter("charset");
			if (label == null && type.baseType().equals("text/html")) {
				label = HtmlCharset.declared(bytes);
			}
			MailCharsets.Decoded decoded = MailCharsets.decode(bytes, label);
			if (decoded.fellBack() && label != null) {
				this.notes.add("charset " + label + " read as " + decoded.charset());
			}
			return decoded.text();
		}

	}

	/**
	 * The part's bytes with its transfer encoding undone; when the declared encoding is
	 * unknown (e.g. {@code 8bits}), the raw bytes, as RFC 2045 suggests for unrecognized
	 * encodings that are plainly not encoded.
	 */
	private static InputStream decodedStream(Part part) throws MessagingException, IOException {
		try {
			return part.getInputStream();
		}
		catch (IOException | MessagingException ex) {
			if (part instanceof MimeBodyPart bodyPart) {
				return bodyPart.getRawInputStream();
			}
			if (part instanceof MimeMessage message) {
				return message.getRawInputStream();
			}
			throw ex;
		}
	}

	private static boolean isAttachment(Part part) {
		String disposition = disposition(part);
		return "attachment".equals(disposition);
	}

	private static boolean isPossiblePhoto(String base, String filename) {
		if (base.startsWith("image/")) {
			return true;
		}
		boolean generic = base.equals("application/octet-stream") || base.equals("application/x-octet-stream")
				|| base.equals("application/unknown") || base.isEmpty();
		return generic && IMAGE_EXTENSIONS.contains(extension(filename));
	}

	static byte[] readAtMost(InputStream in, long max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		byte[] buffer = new byte[(int) Math.min(8 * 1024, Math.max(1, max))];
		long total = 0;
		int read;
		while (total < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - total))) != -1) {
			out.write(buffer, 0, read);
			total += read;
		}
		return out.toByteArray();
	}

	/**
	 * Parser limits.
	 *
	 * @param maxDepth the deepest MIME nesting read
	 * @param maxParts the most parts read
	 * @param maxTextBytes the most bytes of one text part read
	 * @param maxAttachmentBytes the largest photo read
	 * @param maxTnefBytes the largest {@code winmail.dat} read
	 */
	public record Limits(int maxDepth, int maxParts, int maxTextBytes, long maxAttachmentBytes, long maxTnefBytes) {

		/** Depth: real mail nests 4–6 levels; 32 leaves room for forwards of forwards. */
		public static final int DEFAULT_MAX_DEPTH = 32;

		/** Parts: a mail with hundreds of parts is not a resident's report. */
		public static final int DEFAULT_MAX_PARTS = 500;

		/** Text: 1 MiB of text per part is far beyond any report. */
		public static final int DEFAULT_MAX_TEXT_BYTES = 1024 * 1024;

		/**
		 * Defaults with the given photo size limit.
		 * @param maxAttachmentBytes the largest photo read
		 * @param maxMessageBytes the largest message accepted (bounds TNEF)
		 * @return the limits
		 */
		public static Limits defaults(long maxAttachmentBytes, long maxMessageBytes) {
			return new Limits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_PARTS, DEFAULT_MAX_TEXT_BYTES, maxAttachmentBytes,
					maxMessageBytes);
		}

	}

	/**
	 * The outcome of parsing.
	 *
	 * @param email the parsed mail, or {@code null}
	 * @param failure why it could not be parsed, or {@code null}
	 */
	public record Result(ParsedEmail email, String failure) {

		static Result parsed(ParsedEmail email) {
			return new Result(email, null);
		}

		static Result failed(String reason) {
			return new Result(null, reason);
		}

		/**
		 * Whether parsing succeeded.
		 * @return {@code true} when {@link #email()} is set
		 */
		public boolean ok() {
			return this.email != null;
		}

	}

	/** Reads {@code <meta charset>} from HTML bytes that came without a MIME charset. */
	static final class HtmlCharset {

		private static final Pattern META = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)",
				Pattern.CASE_INSENSITIVE);

		private HtmlCharset() {
		}

		static String declared(byte[] bytes) {
			String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII);
			Matcher matcher = META.matcher(head);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

	/** Lenient content-type parsing. */
	static final class ContentTypes {

		private ContentTypes() {
		}

		static Type of(Part part) {
			String raw;
			try {
				String[] values = part.getHeader("Content-Type");
				raw = (values != null && values.length > 0) ? MailHeaders.unfold(values[0]) : null;
			}
			catch (MessagingException | RuntimeException ex) {
				raw = null;
			}
			return parse(raw);
		}

		static Type parse(String raw) {
			if (raw == null || raw.isBlank()) {
				return new Type("text/plain", Map.of());
			}
			String[] pieces = raw.split(";");
			String base = pieces[0].trim().toLowerCase(Locale.ROOT);
			if (!MEDIA_TYPE.matcher(base).matches()) {
				base = base.contains("/") ? NOT_TOKEN.matcher(base).replaceAll("") : "text/plain";
			}
			Map<String, String> parameters = new LinkedHashMap<>();
			try {
				ContentType parsed = new ContentType(raw);
				ParameterList list = parsed.getParameterList();
				if (list != null) {
					Enumeration<String> names = list.getNames();
					while (names.hasMoreElements()) {
						String name = names.nextElement();
						parameters.put(name.toLowerCase(Locale.ROOT), list.get(name));
					}
				}
			}
			catch (ParseException | RuntimeException ex) {
				for (int i = 1; i < pieces.length; i++) {
					int equals = pieces[i].indexOf('=');
					if (equals > 0) {
						String value = pieces[i].substring(equals + 1).trim();
						if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
							value = value.substring(1, value.length() - 1);
						}
						parameters.putIfAbsent(pieces[i].substring(0, equals).trim().toLowerCase(Locale.ROOT), value);
					}
				}
			}
			return new Type(base, parameters);
		}

		record Type(String baseType, Map<String, String> parameters) {

			boolean isMultipart() {
				return this.baseType.startsWith("multipart/");
			}

			String subtype() {
				int slash = this.baseType.indexOf('/');
				return this.baseType.substring(slash + 1);
			}

			String parameter(String name) {
				return this.parameters.get(name);
			}

		}

	}

}
