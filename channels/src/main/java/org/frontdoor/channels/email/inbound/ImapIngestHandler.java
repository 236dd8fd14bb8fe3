package org.frontdoor.channels.email.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.frontdoor.channels.email.EmailMessageChannels;
import org.springframework.messaging.MessageHandler;

/**
 * Subscribed to {@link EmailMessageChannels#INBOUND}: for each fetched IMAP message,
 * download it (unless it is over the size limit), hand it to the
 * {@link EmailIngestService}, and only when that returned, acknowledge it in the mailbox
 * with the {@link ImapAcknowledger} (persist, then acknowledge).
 * <p>
 * It never throws into the IMAP listener. When the mailbox connection fails mid-fetch,
 * the mail is left unseen and the listener reconnects; when a store fails (database
 * down), the mail is left unseen and further fetching pauses with exponential backoff.
 * Either way the mail is fetched again later, and the idempotent stores make the second
 * attempt harmless. A mail that cannot be read at all is dead-lettered and moved aside by
 * the ingest service, so no single mail can block the mailbox; a stored mail the server
 * refuses three times to mark and move is left where it is and skipped from then on.
 */
public final class ImapIngestHandler implements MessageHandler {

	/**
	 * Failed downloads of one mail, with the connection up, before it is dead-lettered.
	 */
	static final int MAX_FETCH_FAILURES = 3;

	/** Failed acknowledgements of one (stored) mail before it is left alone. */
	static final int MAX_ACK_FAILURES = 3;

	private static final Log logger = LogFactory.getLog(ImapIngestHandler.class);

	private final EmailIngestService ingest;

	private final ImapAcknowledger acknowledger;

	private final ReconnectBackoff storeBackoff;

	private final long maxMessageBytes;

	private volatile boolean busy;

	private final Map<String, Integer> fetchFailures = new ConcurrentHashMap<>();

	private final Map<String, Integer> ackFailures = new ConcurrentHashMap<>();

	/**
	 * Mails whose outcome is durable but that the server refused again and again to mark
	 * and move: skipped (not even downloaded) so they cannot starve the others.
	 */
	private final Set<String> abandoned = ConcurrentHashMap.newKeySet();

	/**
	 * Create the handler.
	 * @param ingest the ingest service
	 * @param acknowledger the mailbox acknowledger
	 * @param storeBackoff the pause applied after a failure to persist
	 * @param maxMessageBytes mail larger than this is not downloaded
	 */
	public ImapIngestHandler(EmailIngestService ingest, ImapAcknowledger acknowledger, ReconnectBackoff storeBackoff,
			long maxMessageBytes) {
		this.ingest = ingest;
		this.acknowledger = acknowledger;
		this.storeBackoff = storeBackoff;
		this.maxMessageBytes = maxMessageBytes;
	}

	@Override
	public void handleMessage(org.springframework.messaging.Message<?> message) {
		if (!(message.getPayload() instanceof MimeMessage mail)) {
			logger.error("Unexpected payload on " + EmailMessageChannels.INBOUND + ": "
					+ message.getPayload().getClass().getName());
			return;
		}
		this.busy = true;
		try {
			handle(mail);
		}
		finally {
			this.busy = false;
		}
	}

	private void handle(MimeMessage mail) {
		if (this.storeBackoff.remainingPause().compareTo(Duration.ZERO) > 0) {
			return;
		}
		String uid = uidKey(mail);
		if (this.abandoned.contains(uid)) {
			return;
		}
		EmailIngestService.Outcome outcome;
		try {
			outcome = ingest(mail);
		}
		catch (MessagingException | IOException ex) {
			if (isFolderOpen(mail) && recordFetchFailure(mail) >= MAX_FETCH_FAILURES) {
				outcome = poison(mail, ex);
				if (outcome == null) {
					return;
				}
			}
			else {
				logger.warn("IMAP fetch failed; the mail stays unseen and is fetched again: "
						+ ex.getClass().getSimpleName());
				return;
			}
		}
		catch (RuntimeException ex) {
			Duration pause = this.storeBackoff.failure();
			logger.warn("Could not persist a fetched mail (" + ex.getClass().getSimpleName() + ": " + ex.getMessage()
					+ "); it stays unseen, fetching pauses for " + pause.toSeconds() + " s");
			return;
		}
		this.storeBackoff.success();
		this.fetchFailures.remove(uid);
		try {
			String folder = this.acknowledger.acknowledge(mail, outcome.decision().action());
			this.ackFailures.remove(uid);
			if (logger.isDebugEnabled()) {
				logger.debug("Email " + EmailIngestService.shortKey(outcome.key()) + " moved to " + folder);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			int failures = this.ackFailures.merge(uid, 1, Integer::sum);
			if (failures >= MAX_ACK_FAILURES) {
				this.abandoned.add(uid);
				this.ackFailures.remove(uid);
				logger
					.error("Email " + EmailIngestService.shortKey(outcome.key()) + " is stored but the server refused "
							+ MAX_ACK_FAILURES + " times to mark and move it (" + ex.getClass().getSimpleName()
							+ "); it is left in the inbox and no longer fetched by this instance");
				return;
			}
			Duration pause = this.storeBackoff.failure();
			logger.warn("Email " + EmailIngestService.shortKey(outcome.key())
					+ " is stored but could not be marked and moved (" + ex.getClass().getSimpleName()
					+ "); it will be fetched again and recognized as a duplicate (fetching pauses for "
					+ pause.toMillis() + " ms)");
		}
	}

	/**
	 * A mail the server fails to deliver again and again while the connection is fine (a
	 * corrupt message in the server's store) is dead-lettered with whatever headers can
	 * be read and moved aside, so it cannot be retried forever.
	 */
	private EmailIngestService.Outcome poison(MimeMessage mail, Exception cause) {
		byte[] headers;
		try {
			headers = headerBytes(mail);
		}
		catch (MessagingException | RuntimeException ex) {
			headers = new byte[0];
		}
		try {
			return this.ingest.undeliverable(headers, uidKey(mail), "the IMAP server failed " + MAX_FETCH_FAILURES
					+ " times to deliver this mail: " + cause.getClass().getSimpleName());
		}
		catch (RuntimeException ex) {
			Duration pause = this.storeBackoff.failure();
			logger.warn("Could not dead-letter an undeliverable mail (" + ex.getClass().getSimpleName()
					+ "); fetching pauses for " + pause.toSeconds() + " s");
			return null;
		}
	}

	private int recordFetchFailure(MimeMessage mail) {
		return this.fetchFailures.merge(uidKey(mail), 1, Integer::sum);
	}

	private static boolean isFolderOpen(MimeMessage mail) {
		try {
			Folder folder = mail.getFolder();
			return folder != null && folder.isOpen() && folder.getStore().isConnected();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String uidKey(MimeMessage mail) {
		try {
			Folder folder = mail.getFolder();
			if (folder instanceof UIDFolder uidFolder) {
				return folder.getFullName() + ";" + uidFolder.getUIDValidity() + ";" + uidFolder.getUID(mail);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// fall through to the message number
		}
		return "#" + mail.getMessageNumber();
	}

	private EmailIngestService.Outcome ingest(MimeMessage mail) throws MessagingException, IOException {
		Date received = mail.getReceivedDate();
		Instant receivedAt = (received != null) ? received.toInstant() : null;
		int size = mail.getSize();
		if (size > this.maxMessageBytes) {
			return this.ingest.tooLarge(headerBytes(mail), size);
		}
		long start = System.nanoTime();
		LimitedOutputStream out = new LimitedOutputStream(this.maxMessageBytes);
		try {
			mail.writeTo(out);
		}
		catch (LimitExceededException ex) {
			return this.ingest.tooLarge(headerBytes(mail), out.size());
		}
		long downloaded = System.nanoTime();
		EmailIngestService.Outcome outcome = this.ingest.ingest(out.toByteArray(), receivedAt);
		if (logger.isDebugEnabled()) {
			logger.debug("Email " + EmailIngestService.shortKey(outcome.key()) + ": " + out.size()
					+ " bytes downloaded in " + (downloaded - start) / 1_000_000 + " ms, handled in "
					+ (System.nanoTime() - downloaded) / 1_000_000 + " ms: " + outcome.decision().reason().code());
		}
		return outcome;
	}

	private static byte[] headerBytes(Message mail) throws MessagingException {
		StringBuilder headers = new StringBuilder();
		if (mail instanceof MimeMessage mime) {
			Enumeration<String> lines = mime.getAllHeaderLines();
			while (lines.hasMoreElements()) {
				headers.append(lines.nextElement()).append("\r\n");
			}
		}
		return headers.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Whether a mail is being handled right now.
	 * @return {@code true} while a mail is in flight
	 */
	public boolean isBusy() {
		return this.busy;
	}

	/** Thrown when a mail is larger than announced and over the limit. */
	private static final class LimitExceededException extends IOException {

		private static final long serialVersionUID = 1L;

		LimitExceededException() {
			super("message over the size limit");
		}

	}

	private static final class LimitedOutputStream extends OutputStream {

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		private final long limit;

		LimitedOutputStream(long limit) {
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			check(1);
			this.buffer.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			check(length);
			this.buffer.write(bytes, offset, length);
		}

		private void check(int length) throws LimitExceededException {
			if (this.buffer.size() + (long) length > this.limit) {
				throw new LimitExceededException();
			}
		}

		int size() {
			return this.buffer.size();
		}

		byte[] toByteArray() {
			return this.buffer.toByteArray();
		}

	}

}
