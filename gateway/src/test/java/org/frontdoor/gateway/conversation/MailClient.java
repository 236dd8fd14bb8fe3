package org.frontdoor.gateway.conversation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * A mail client on loopback, as a resident (or the city's staff) would use one: sends
 * through an SMTP server exactly the bytes given (no header rewritten), and reads a
 * mailbox over IMAP.
 */
final class MailClient {

	private final int smtpPort;

	private final int imapPort;

	private final Session session;

	MailClient(int smtpPort, int imapPort) {
		this.smtpPort = smtpPort;
		this.imapPort = imapPort;
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", "127.0.0.1");
		properties.setProperty("mail.smtp.port", Integer.toString(smtpPort));
		properties.setProperty("mail.smtp.connectiontimeout", "10000");
		properties.setProperty("mail.smtp.timeout", "30000");
		properties.setProperty("mail.imap.connectiontimeout", "10000");
		properties.setProperty("mail.imap.timeout", "30000");
		// reading never marks a message \Seen
		properties.setProperty("mail.imap.peek", "true");
		this.session = Session.getInstance(properties);
	}

	/**
	 * A resident's mail: text, and optionally a JPEG attached like a phone's mail app
	 * does.
	 * @param from the resident's address
	 * @param to the city's address
	 * @param messageId the Message-ID, with angle brackets
	 * @param subject the subject
	 * @param text the text
	 * @param jpeg a photo, or {@code null}
	 * @return the message, ready to {@link #send}
	 */
	MimeMessage compose(String from, String to, String messageId, String subject, String text, byte[] jpeg) {
		try {
			MimeMessage message = new MimeMessage(this.session);
			message.setFrom(new InternetAddress(from));
			message.setRecipients(Message.RecipientType.TO, to);
			message.setSubject(subject, "UTF-8");
			if (jpeg == null) {
				message.setText(text, "UTF-8");
			}
			else {
				MimeBodyPart body = new MimeBodyPart();
				body.setText(text, "UTF-8");
				MimeBodyPart photo = new MimeBodyPart();
				photo.setDataHandler(new DataHandler(new ByteArrayDataSource(jpeg, "image/jpeg")));
				photo.setFileName("IMG_0412.JPG");
				photo.setDisposition(Part.ATTACHMENT);
				MimeMultipart mixed = new MimeMultipart("mixed");
				mixed.addBodyPart(body);
				mixed.addBodyPart(photo);
				message.setContent(mixed);
			}
			message.saveChanges();
			message.setHeader("Message-ID", messageId);
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A raw mail, byte for byte.
	 * @param raw the RFC 5322 bytes
	 * @return the message, ready to {@link #send}
	 */
	MimeMessage parse(byte[] raw) {
		try {
			return new MimeMessage(this.session, new ByteArrayInputStream(raw));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Send a message through the SMTP server without touching its headers (no new
	 * Message-ID).
	 * @param message the message
	 * @param envelopeFrom the envelope sender ({@code MAIL FROM})
	 * @param recipients the envelope recipients
	 */
	void send(MimeMessage message, String envelopeFrom, String... recipients) {
		try (Transport transport = this.session.getTransport("smtp")) {
			this.session.getProperties().setProperty("mail.smtp.from", envelopeFrom);
			transport.connect("127.0.0.1", this.smtpPort, null, null);
			Address[] to = new Address[recipients.length];
			for (int i = 0; i < recipients.length; i++) {
				to[i] = new InternetAddress(recipients[i]);
			}
			transport.sendMessage(message, to);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The messages in a folder of a mailbox, oldest first, read into memory (empty when
	 * the mailbox does not exist yet).
	 * @param login the login
	 * @param password the password
	 * @param folderName the folder
	 * @return the messages
	 */
	List<MimeMessage> read(String login, String password, String folderName) {
		try (Store store = this.session.getStore("imap")) {
			try {
				store.connect("127.0.0.1", this.imapPort, login, password);
			}
			catch (AuthenticationFailedException ex) {
				// the mailbox is created when its first mail arrives
				return List.of();
			}
			Folder folder = store.getFolder(folderName.replace('/', store.getDefaultFolder().getSeparator()));
			if (!folder.exists()) {
				return List.of();
			}
			folder.open(Folder.READ_ONLY);
			try {
				List<MimeMessage> copies = new ArrayList<>();
				for (Message message : folder.getMessages()) {
					if (message.isSet(Flags.Flag.DELETED)) {
						continue;
					}
					ByteArrayOutputStream bytes = new ByteArrayOutputStream();
					message.writeTo(bytes);
					copies.add(new MimeMessage(this.session, new ByteArrayInputStream(bytes.toByteArray())));
				}
				return copies;
			}
			finally {
				folder.close(false);
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A header's first value.
	 * @param message the message
	 * @param name the header
	 * @return the value, or {@code null}
	 */
	static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name, null);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The decoded subject.
	 * @param message the message
	 * @return the subject
	 */
	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The content types of a message's leaf parts, and its text.
	 * @param message the message
	 * @return the parts
	 */
	static Parts parts(MimeMessage message) {
		try {
			Parts parts = new Parts(new ArrayList<>(), new StringBuilder(), new StringBuilder());
			collect(message, parts);
			return parts;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collect(Part part, Parts parts) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			parts.types().add(multipart.getContentType().replaceAll(";[\\s\\S]*", "").toLowerCase());
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), parts);
			}
			return;
		}
		String type = part.getContentType().replaceAll(";[\\s\\S]*", "").toLowerCase();
		parts.types().add(type);
		if (type.equals("text/plain")) {
			parts.text().append(part.getContent());
		}
		else if (type.equals("text/html")) {
			parts.html().append(part.getContent());
		}
	}

	/**
	 * A message's structure and text.
	 *
	 * @param types the content types, multipart containers first
	 * @param text the text/plain parts
	 * @param html the text/html parts
	 */
	record Parts(List<String> types, StringBuilder text, StringBuilder html) {

	}

}
