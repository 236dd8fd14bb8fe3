package org.frontdoor.channels.email.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Mails built in tests: a resident's report with a photo, automatic mail, and the poison
 * cases (malformed MIME, 8,000-deep nesting, an empty multipart, an unknown charset, a
 * huge attachment), generated here rather than committed.
 */
public final class MailFixtures {

	private static final Session SESSION = Session.getInstance(new Properties());

	private MailFixtures() {
	}

	/**
	 * A resident's mail with a text and one attachment.
	 * @param from the resident's address
	 * @param messageId the Message-ID (with angle brackets)
	 * @param subject the subject
	 * @param text the text
	 * @param attachment the attachment bytes, or {@code null}
	 * @param attachmentType its content type
	 * @param filename its file name
	 * @return the mail
	 */
	public static MimeMessage residentMail(String from, String messageId, String subject, String text,
			byte[] attachment, String attachmentType, String filename) {
		try {
			MimeMessage message = new IdMimeMessage(messageId);
			message.setFrom(new InternetAddress(from, "Resident Name"));
			message.setRecipients(jakarta.mail.Message.RecipientType.TO, TestEmailProperties.CITY);
			message.setSubject(subject, "UTF-8");
			message.setHeader("Authentication-Results",
					"mx.city.example; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org; dmarc=pass");
			if (attachment == null) {
				message.setText(text, "UTF-8");
			}
			else {
				MimeBodyPart body = new MimeBodyPart();
				body.setText(text, "UTF-8");
				MimeBodyPart file = new MimeBodyPart();
				file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, attachmentType)));
				file.setFileName(filename);
				file.setDisposition(MimeBodyPart.ATTACHMENT);
				file.setHeader("Content-Transfer-Encoding", "base64");
				MimeMultipart mixed = new MimeMultipart("mixed");
				mixed.addBodyPart(body);
				mixed.addBodyPart(file);
				message.setContent(mixed);
			}
			message.saveChanges();
			return message;
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An out-of-office reply (RFC 3834 headers, Exchange subject).
	 * @param from the auto-replier's address
	 * @return the mail
	 */
	public static byte[] autoReply(String from) {
		return ("From: Auto Replier <" + from + ">\r\nTo: " + TestEmailProperties.CITY
				+ "\r\nSubject: Automatic reply: Your report\r\nMessage-ID: <auto-reply-1@example.org>\r\n"
				+ "Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: text/plain; charset=us-ascii\r\n\r\nI am out of the office until Monday.\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A mail whose MIME structure is broken: a multipart whose boundary never appears,
	 * binary garbage and a header line without a colon.
	 * @param from the sender
	 * @return the raw mail
	 */
	public static byte[] malformedMime(String from) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("From: " + from + "\r\nTo: " + TestEmailProperties.CITY
				+ "\r\nMessage-ID: <malformed-1@example.org>\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"never-used\"\r\nthis line is not a header\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		byte[] garbage = new byte[2048];
		new Random(7).nextBytes(garbage);
		out.writeBytes(garbage);
		return out.toByteArray();
	}

	/**
	 * A mail nested {@code depth} multiparts deep around one text part.
	 * @param from the sender
	 * @param depth the nesting depth
	 * @return the raw mail
	 */
	public static byte[] deeplyNested(String from, int depth) {
		StringBuilder mail = new StringBuilder(depth * 80);
		mail.append("From: ")
			.append(from)
			.append("\r\nTo: ")
			.append(TestEmailProperties.CITY)
			.append("\r\nMessage-ID: <nested-")
			.append(depth)
			.append("@example.org>\r\nMIME-Version: 1.0\r\n");
		for (int i = 0; i < depth; i++) {
			mail.append("Content-Type: multipart/mixed; boundary=\"b")
				.append(i)
				.append("\"\r\n\r\n--b")
				.append(i)
				.append("\r\n");
		}
		mail.append("Content-Type: text/plain\r\n\r\nburied text\r\n");
		for (int i = depth - 1; i >= 0; i--) {
			mail.append("--b").append(i).append("--\r\n");
		}
		return mail.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A mail that is an empty multipart: only the closing boundary.
	 * @param from the sender
	 * @return the raw mail
	 */
	public static byte[] emptyMultipart(String from) {
		return ("From: " + from + "\r\nTo: " + TestEmailProperties.CITY
				+ "\r\nMessage-ID: <empty-multipart-1@example.org>\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=\"empty\"\r\n\r\n--empty--\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A resident's mail in a charset nobody knows (Latin-1 bytes).
	 * @param from the sender
	 * @return the raw mail
	 */
	public static byte[] unknownCharset(String from) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("From: " + from + "\r\nTo: " + TestEmailProperties.CITY
				+ "\r\nMessage-ID: <unknown-charset-1@example.org>\r\nSubject: =?x-klingon?Q?Bache_en_la_calle?=\r\n"
				+ "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-klingon\r\n"
				+ "Content-Transfer-Encoding: 8bit\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(
				"Hay un bache enorme en la calle Mayor, esquina con Jesús.\r\n".getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

	/**
	 * Random bytes (not compressible, like a photo).
	 * @param size the size
	 * @param seed the seed
	 * @return the bytes
	 */
	public static byte[] randomBytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	/**
	 * The raw bytes of a message.
	 * @param message the message
	 * @return the bytes
	 */
	public static byte[] bytes(MimeMessage message) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Parse raw bytes into a message.
	 * @param raw the bytes
	 * @return the message
	 */
	public static MimeMessage parse(byte[] raw) {
		try {
			return new MimeMessage(SESSION, new java.io.ByteArrayInputStream(raw));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class IdMimeMessage extends MimeMessage {

		private final String id;

		IdMimeMessage(String id) {
			super(SESSION);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.id);
		}

	}

}
