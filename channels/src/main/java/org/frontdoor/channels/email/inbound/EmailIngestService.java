package org.frontdoor.channels.email.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.DeadLetterSink;
import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.core.InboundMessageStore;
import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.channels.core.media.MediaPolicy;
import org.frontdoor.channels.core.media.MediaSanitizer;
import org.frontdoor.channels.email.EmailMetadata;
import org.frontdoor.channels.email.EmailProperties;
import org.frontdoor.channels.email.EmailThreading;
import org.frontdoor.channels.email.Subjects;
import org.frontdoor.channels.email.inbound.EmailDecision.Action;
import org.frontdoor.channels.email.inbound.EmailDecision.Reason;

/**
 * Turns one fetched mail into exactly one durable outcome, before the mailbox is touched
 * (blueprint §3.1, §3.4):
 * <ul>
 * <li>{@link Action#PROCESS}: photos sanitized and saved to the {@link MediaStore}, then
 * the {@link InboundMessage} stored in the {@link InboundMessageStore} (dedupe key: the
 * Message-ID, or a SHA-256 of the bytes when there is none);</li>
 * <li>{@link Action#IGNORE}: nothing stored (automatic mail, never answered);</li>
 * <li>{@link Action#REJECT}: the raw mail dead-lettered with its reason.</li>
 * </ul>
 * When this returns, the outcome is committed and the caller may acknowledge (mark and
 * move) the mail. Store failures are thrown unchanged: the mail then stays unacknowledged
 * and is fetched again later; the stores' idempotency makes the retry harmless.
 */
public final class EmailIngestService {

	/** The dead-letter source for mail. */
	public static final String DEAD_LETTER_SOURCE = "email.inbound";

	/** The provider name on inbound messages. */
	public static final String PROVIDER = "imap";

	static final int MAX_FORWARDED_TEXT = 4000;

	private static final Log logger = LogFactory.getLog(EmailIngestService.class);

	private final EmailProperties properties;

	private final EmailParser parser;

	private final LoopRules loopRules;

	private final PhotoSelector photoSelector;

	private final InboundMessageStore messageStore;

	private final MediaStore mediaStore;

	private final DeadLetterSink deadLetters;

	/**
	 * Create the service.
	 * @param properties the channel configuration
	 * @param parser the MIME parser
	 * @param loopRules the rules for mail never to answer
	 * @param photoSelector the photo selection
	 * @param messageStore where inbound messages go
	 * @param mediaStore where sanitized photos go
	 * @param deadLetters where unusable mail goes
	 */
	public EmailIngestService(EmailProperties properties, EmailParser parser, LoopRules loopRules,
			PhotoSelector photoSelector, InboundMessageStore messageStore, MediaStore mediaStore,
			DeadLetterSink deadLetters) {
		this.properties = properties;
		this.parser = parser;
		this.loopRules = loopRules;
		this.photoSelector = photoSelector;
		this.messageStore = messageStore;
		this.mediaStore = mediaStore;
		this.deadLetters = deadLetters;
	}

	/**
	 * Build the service and its parts from the configuration.
	 * @param properties the channel configuration
	 * @param messageStore where inbound messages go
	 * @param mediaStore where sanitized photos go
	 * @param deadLetters where unusable mail goes
	 * @return the service
	 */
	public static EmailIngestService create(EmailProperties properties, InboundMessageStore messageStore,
			MediaStore mediaStore, DeadLetterSink deadLetters) {
		long maxPhoto = properties.maxAttachmentBytes().toBytes();
		EmailParser parser = new EmailParser(
				EmailParser.Limits.defaults(maxPhoto, properties.maxMessageBytes().toBytes()));
		LoopRules loopRules = new LoopRules(properties.address(), Set.copyOf(properties.aliases()));
		MediaSanitizer sanitizer = new MediaSanitizer(new MediaPolicy(maxPhoto, properties.photoFormats()));
		PhotoSelector photoSelector = new PhotoSelector(sanitizer, properties.maxPhotos(),
				properties.minInlinePhotoBytes().toBytes(), properties.minInlinePhotoPixels());
		return new EmailIngestService(properties, parser, loopRules, photoSelector, messageStore, mediaStore,
				deadLetters);
	}

	/**
	 * Ingest a whole mail. Reading the mail never throws: a mail that breaks the parser
	 * or the text cleaning in any way is rejected to the dead letters. Only the stores'
	 * own failures are thrown.
	 * @param raw the bytes as fetched
	 * @param receivedAt when the server received it (IMAP INTERNALDATE), or {@code null}
	 * for now
	 * @return what was done
	 */
	public Outcome ingest(byte[] raw, Instant receivedAt) {
		Plan plan;
		try {
			plan = plan(raw, (receivedAt != null) ? receivedAt : Instant.now());
		}
		catch (RuntimeException | StackOverflowError ex) {
			plan = new Reject(syntheticMessageId(raw), raw, "message/rfc822", EmailDecision.reject(Reason.UNPARSEABLE,
					"internal error while reading the mail: " + ex.getClass().getSimpleName()));
		}
		return execute(plan);
	}

	/**
	 * Handle a mail over {@code max-message-bytes} without downloading it: automatic mail
	 * is ignored, anything else dead-lettered with its headers.
	 * @param headerBytes the mail's header section
	 * @param size the mail's size on the server
	 * @return what was done
	 */
	public Outcome tooLarge(byte[] headerBytes, long size) {
		String detail = "message of " + size + " bytes is over the limit of "
				+ this.properties.maxMessageBytes().toBytes() + "; only its headers are kept here, the full mail is in "
				+ this.properties.imap().rejectedFolder();
		Plan plan;
		try {
			EmailParser.Result result = this.parser.parse(withEmptyBody(headerBytes));
			String key = (result.ok() && result.email().messageId() != null) ? result.email().messageId()
					: syntheticMessageId(headerBytes);
			EmailDecision decision = result.ok() ? this.loopRules.classify(result.email()) : null;
			plan = (decision != null && decision.action() == Action.IGNORE) ? new Ignore(key, decision) : new Reject(
					key, headerBytes, "text/rfc822-headers", EmailDecision.reject(Reason.TOO_LARGE, detail));
		}
		catch (RuntimeException | StackOverflowError ex) {
			plan = new Reject(syntheticMessageId(headerBytes), headerBytes, "text/rfc822-headers",
					EmailDecision.reject(Reason.TOO_LARGE, detail));
		}
		return execute(plan);
	}

	/**
	 * Dead-letter a mail the IMAP server repeatedly failed to deliver.
	 * @param headerBytes whatever headers could be read (possibly none)
	 * @param fallbackKey a key for the mail when its headers have no Message-ID (its
	 * folder, UIDVALIDITY and UID)
	 * @param reason why
	 * @return what was done
	 */
	public Outcome undeliverable(byte[] headerBytes, String fallbackKey, String reason) {
		String key = null;
		try {
			EmailParser.Result result = this.parser.parse(withEmptyBody(headerBytes));
			key = result.ok() ? result.email().messageId() : null;
		}
		catch (RuntimeException | StackOverflowError ex) {
			key = null;
		}
		if (key == null) {
			key = syntheticMessageId(fallbackKey.getBytes(StandardCharsets.UTF_8));
		}
		return execute(
				new Reject(key, headerBytes, "text/rfc822-headers", EmailDecision.reject(Reason.UNPARSEABLE, reason)));
	}

	/** Decide everything about a mail without side effects. */
	private Plan plan(byte[] raw, Instant receivedAt) {
		EmailParser.Result result = this.parser.parse(raw);
		if (!result.ok()) {
			return new Reject(syntheticMessageId(raw), raw, "message/rfc822",
					EmailDecision.reject(Reason.UNPARSEABLE, result.failure()));
		}
		ParsedEmail email = result.email();
		String key = (email.messageId() != null) ? email.messageId() : syntheticMessageId(raw);
		EmailDecision decision = this.loopRules.classify(email);
		if (decision.action() == Action.IGNORE) {
			return new Ignore(key, decision);
		}
		if (decision.action() == Action.REJECT) {
			return new Reject(key, raw, "message/rfc822", decision);
		}
		String domain = this.properties.effectiveMessageIdDomain();
		boolean replyToFrontDoor = email.inReplyTo()
			.stream()
			.anyMatch((id) -> EmailThreading.isFrontDoorMessageId(id, domain))
				|| email.references().stream().anyMatch((id) -> EmailThreading.isFrontDoorMessageId(id, domain));
		boolean attachedForward = email.body().isBlank() && !email.forwardedBody().isBlank();
		String body = attachedForward ? email.forwardedBody() : email.body();
		ReplyStripper.Result stripped = ReplyStripper.strip(body, email.subject(), replyToFrontDoor);
		String subject = Subjects.normalize(email.subject());
		PhotoSelector.Selection selection = this.photoSelector.select(email.attachments());
		boolean noSubject = subject == null || subject.isBlank();
		if (stripped.text().isBlank() && noSubject && selection.photos().isEmpty()) {
			String detail = "no text, subject or usable photo"
					+ (selection.skipped().isEmpty() ? ""
							: "; images skipped: " + String.join("; ", selection.skipped()))
					+ (email.notes().isEmpty() ? "" : "; parser: " + String.join("; ", email.notes()));
			return new Reject(key, raw, "message/rfc822", EmailDecision.reject(Reason.NO_CONTENT, detail));
		}
		Map<String, String> metadata = metadata(email, key, raw, stripped, selection, replyToFrontDoor,
				attachedForward);
		return new Process(key, selection.photos(), "mailto:" + email.from().address(), stripped.text(),
				noSubject ? null : subject, EmailThreading.threadKey(key, email.inReplyTo(), email.references()),
				metadata, receivedAt);
	}

	private Outcome execute(Plan plan) {
		return switch (plan) {
			case Ignore ignore -> ignore(ignore.key(), ignore.decision());
			case Reject reject -> reject(reject.key(), reject.payload(), reject.contentType(), reject.decision());
			case Process process -> store(process);
		};
	}

	private Outcome store(Process process) {
		List<InboundMedia> media = new ArrayList<>();
		for (PhotoSelector.Photo photo : process.photos()) {
			MediaStore.StoredMedia stored = this.mediaStore.save(photo.image().bytes(), photo.image().contentType(),
					photo.filename());
			media.add(new InboundMedia(null, photo.image().contentType(), stored.id(), photo.filename(),
					photo.image().exifLocation()));
		}
		InboundMessage message = new InboundMessage(
				UUID.nameUUIDFromBytes(("email:" + process.key()).getBytes(StandardCharsets.UTF_8)), Channel.EMAIL,
				PROVIDER, process.key(), process.from(), "mailto:" + this.properties.address(), process.text(),
				process.subject(), media, null, process.threadKey(), process.metadata(), process.receivedAt());
		InboundMessageStore.StoreOutcome stored = this.messageStore.store(message);
		if (logger.isInfoEnabled()) {
			logger.info("Email " + shortKey(process.key()) + " stored: " + stored.name().toLowerCase(Locale.ROOT) + " ("
					+ media.size() + " photo(s))");
		}
		return new Outcome(EmailDecision.process(), process.key(), stored, message);
	}

	private Map<String, String> metadata(ParsedEmail email, String key, byte[] raw, ReplyStripper.Result stripped,
			PhotoSelector.Selection selection, boolean replyToFrontDoor, boolean attachedForward) {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put(EmailMetadata.MESSAGE_ID, key);
		if (email.messageId() == null) {
			metadata.put(EmailMetadata.MESSAGE_ID_SYNTHESIZED, "true");
		}
		putIfPresent(metadata, EmailMetadata.IN_REPLY_TO, String.join(" ", email.inReplyTo()));
		putIfPresent(metadata, EmailMetadata.REFERENCES, String.join(" ", email.references()));
		if (replyToFrontDoor) {
			metadata.put(EmailMetadata.REPLY_TO_FRONTDOOR, "true");
		}
		putIfPresent(metadata, EmailMetadata.SUBJECT, email.subject());
		if (email.replyTo() != null && !email.replyTo().address().equals(email.from().address())) {
			metadata.put(EmailMetadata.REPLY_TO, email.replyTo().address());
		}
		putIfPresent(metadata, EmailMetadata.FROM_NAME, email.from().name());
		if (email.sentAt() != null) {
			metadata.put(EmailMetadata.SENT_AT, email.sentAt().toString());
		}
		if (stripped.quoteRemoved()) {
			metadata.put(EmailMetadata.QUOTE_STRIPPED, "true");
		}
		if (stripped.signatureRemoved()) {
			metadata.put(EmailMetadata.SIGNATURE_STRIPPED, "true");
		}
		if (stripped.forwarded() || attachedForward) {
			metadata.put(EmailMetadata.FORWARDED, "true");
		}
		String forwarded = (stripped.forwardedText() != null) ? stripped.forwardedText()
				: (!attachedForward ? email.forwardedBody() : "");
		if (forwarded != null && !forwarded.isBlank()) {
			metadata.put(EmailMetadata.FORWARDED_TEXT,
					forwarded.length() > MAX_FORWARDED_TEXT ? forwarded.substring(0, MAX_FORWARDED_TEXT) : forwarded);
			metadata.put(EmailMetadata.FORWARDED, "true");
		}
		if (email.bodyFromHtml()) {
			metadata.put(EmailMetadata.BODY_FROM_HTML, "true");
		}
		if (!selection.ignored().isEmpty()) {
			metadata.put(EmailMetadata.ATTACHMENTS_IGNORED,
					selection.ignored().size() + ": " + String.join("; ", selection.ignored()));
		}
		if (!selection.skipped().isEmpty()) {
			metadata.put(EmailMetadata.PHOTOS_SKIPPED,
					selection.skipped().size() + ": " + String.join("; ", selection.skipped()));
		}
		if (!email.notes().isEmpty()) {
			metadata.put(EmailMetadata.PARSE_NOTES, String.join("; ", email.notes()));
		}
		authentication(email, metadata);
		return metadata;
	}

	private void authentication(ParsedEmail email, Map<String, String> metadata) {
		AuthenticationResults.Evaluation evaluation = AuthenticationResults
			.evaluate(email.headers().all("Authentication-Results"), this.properties.trustedAuthservIdSet());
		putIfPresent(metadata, EmailMetadata.AUTH_SPF, evaluation.results().get("spf"));
		putIfPresent(metadata, EmailMetadata.AUTH_DKIM, evaluation.results().get("dkim"));
		putIfPresent(metadata, EmailMetadata.AUTH_DMARC, evaluation.results().get("dmarc"));
		putIfPresent(metadata, EmailMetadata.AUTH_SERV_ID, evaluation.authservId());
		if (evaluation.trusted()) {
			metadata.put(EmailMetadata.AUTH_TRUSTED, "true");
		}
		metadata.put(EmailMetadata.SENDER_AUTH, evaluation.verdict().value());
		boolean failed = evaluation.verdict() == AuthenticationResults.Verdict.FAIL
				|| (this.properties.unknownAuthenticationCountsAsFailed()
						&& evaluation.verdict() == AuthenticationResults.Verdict.UNKNOWN);
		boolean withhold = this.properties.requireAuthenticatedSenderForUpdates() && failed;
		metadata.put(EmailMetadata.STATUS_UPDATES,
				withhold ? EmailMetadata.STATUS_UPDATES_WITHHOLD : EmailMetadata.STATUS_UPDATES_ALLOW);
	}

	private Outcome ignore(String key, EmailDecision decision) {
		if (logger.isInfoEnabled()) {
			logger.info("Email " + shortKey(key) + " ignored: " + decision.reason().code() + " (" + decision.detail()
					+ ")");
		}
		return new Outcome(decision, key, null, null);
	}

	private Outcome reject(String key, byte[] payload, String contentType, EmailDecision decision) {
		this.deadLetters.deadLetter(DEAD_LETTER_SOURCE, key, payload, contentType,
				decision.reason().code() + ": " + decision.detail());
		if (logger.isWarnEnabled()) {
			logger.warn("Email " + shortKey(key) + " rejected to the dead letters: " + decision.reason().code());
		}
		return new Outcome(decision, key, null, null);
	}

	private static void putIfPresent(Map<String, String> metadata, String key, String value) {
		if (value != null && !value.isBlank()) {
			metadata.put(key, value);
		}
	}

	/**
	 * The dedupe key of a mail without Message-ID: a SHA-256 of its bytes, in Message-ID
	 * form so it can also be used in {@code In-Reply-To}.
	 * @param raw the bytes
	 * @return {@code <hex@sha256.frontdoor.invalid>}
	 */
	public static String syntheticMessageId(byte[] raw) {
		return "<" + sha256(raw) + "@sha256.frontdoor.invalid>";
	}

	/**
	 * A short, non-identifying handle on a key for logs (Message-IDs can contain
	 * addresses).
	 * @param key the key
	 * @return the first 12 hex digits of its SHA-256
	 */
	public static String shortKey(String key) {
		return sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] withEmptyBody(byte[] headerBytes) {
		byte[] result = new byte[headerBytes.length + 4];
		System.arraycopy(headerBytes, 0, result, 0, headerBytes.length);
		result[headerBytes.length] = '\r';
		result[headerBytes.length + 1] = '\n';
		result[headerBytes.length + 2] = '\r';
		result[headerBytes.length + 3] = '\n';
		return result;
	}

	/** What to do with a mail, decided without side effects. */
	private sealed interface Plan permits Ignore, Reject, Process {

	}

	private record Ignore(String key, EmailDecision decision) implements Plan {

	}

	private record Reject(String key, byte[] payload, String contentType, EmailDecision decision) implements Plan {

	}

	private record Process(String key, List<PhotoSelector.Photo> photos, String from, String text, String subject,
			String threadKey, Map<String, String> metadata, Instant receivedAt) implements Plan {

	}

	/**
	 * What happened to one mail.
	 *
	 * @param decision process, ignore or reject, with the reason
	 * @param key the dedupe key (Message-ID or synthesized)
	 * @param stored for processed mail, whether it was new or a redelivery; else
	 * {@code null}
	 * @param message the stored message for processed mail, else {@code null}
	 */
	public record Outcome(EmailDecision decision, String key, InboundMessageStore.StoreOutcome stored,
			InboundMessage message) {

	}

}
