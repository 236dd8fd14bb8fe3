package org.frontdoor.channels.email.outbound;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.channels.core.SendException.Policy;
import org.frontdoor.channels.email.EmailHeaders;
import org.frontdoor.channels.email.EmailProperties;
import org.frontdoor.channels.email.EmailThreading;
import org.frontdoor.channels.email.Subjects;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends FrontDoor's replies and status updates by SMTP ({@link Channel#EMAIL}):
 * <ul>
 * <li>From the city's address with its display name, to the resident's address
 * ({@code mailto:} form);</li>
 * <li>{@code In-Reply-To} and {@code References} from the message's {@link EmailHeaders},
 * so the resident's client shows one thread; the subject is then
 * {@code Re: <original subject>}, never {@code Re: Re:};</li>
 * <li>{@code multipart/alternative} with the text and HTML renderings (text only when
 * there is no HTML), UTF-8;</li>
 * <li>{@code Auto-Submitted: auto-replied} (replies, the default) or
 * {@code auto-generated} (status updates) per RFC 3834, plus
 * {@code X-Auto-Response-Suppress: All} so Exchange sends no out-of-office back, and
 * {@code X-Loop} with the city's address;</li>
 * <li>a Message-ID derived from the outbound message id
 * ({@link EmailThreading#messageId}), returned as the receipt id so later updates can
 * thread to it, and stable across retries.</li>
 * </ul>
 * SMTP failures become {@link SendException}s with the policy of {@link SmtpFailures}.
 */
public final class EmailSender implements OutboundSender {

	private static final Log logger = LogFactory.getLog(EmailSender.class);

	private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");

	private static final Set<String> AUTO_SUBMITTED_VALUES = Set.of(EmailHeaders.AUTO_REPLIED,
			EmailHeaders.AUTO_GENERATED);

	private final EmailProperties properties;

	private final JavaMailSender mailSender;

	private final Session session;

	/**
	 * Create a sender.
	 * @param properties the channel configuration
	 * @param mailSender the SMTP client
	 * @param session the mail session messages are built in (the client's)
	 */
	public EmailSender(EmailProperties properties, JavaMailSender mailSender, Session session) {
		this.properties = properties;
		this.mailSender = mailSender;
		this.session = session;
	}

	@Override
	public boolean supports(Channel channel) {
		return channel == Channel.EMAIL;
	}

	@Override
	public SendReceipt send(OutboundMessage message) throws SendException {
		if (message.channel() != Channel.EMAIL) {
			throw new SendException(Policy.GIVE_UP, null, "not an email message: " + message.channel());
		}
		String messageId = EmailThreading.messageId(message.id(), this.properties.effectiveMessageIdDomain());
		MimeMessage mime;
		try {
			mime = build(message, messageId);
		}
		catch (AddressException ex) {
			throw new SendException(Policy.GIVE_UP, null, "invalid address: " + SmtpFailures.mask(ex.getMessage()),
					null, ex);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new SendException(Policy.GIVE_UP, null, "message could not be built: " + ex.getMessage(), null, ex);
		}
		try {
			this.mailSender.send(mime);
		}
		catch (MailException ex) {
			SendException failure = SmtpFailures.classify(ex);
			logger.warn("Email " + message.id() + " not sent: " + failure.policy() + " " + failure.code() + " "
					+ failure.getMessage());
			throw failure;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Email " + message.id() + " sent as " + messageId);
		}
		return new SendReceipt(messageId, "sent");
	}

	private MimeMessage build(OutboundMessage message, String messageId)
			throws MessagingException, UnsupportedEncodingException {
		MimeMessage mime = new FixedIdMimeMessage(this.session, messageId);
		mime.setFrom(from(message));
		mime.setRecipient(Message.RecipientType.TO, address(message.to()));
		Map<String, String> headers = message.headers();
		String inReplyTo = messageIds(headers.get(EmailHeaders.IN_REPLY_TO), 1);
		String references = messageIds(headers.get(EmailHeaders.REFERENCES), EmailThreading.MAX_REFERENCES);
		if (inReplyTo != null) {
			mime.setHeader("In-Reply-To", inReplyTo);
			if (references == null) {
				references = inReplyTo;
			}
			else if (!references.contains(inReplyTo)) {
				references = references + " " + inReplyTo;
			}
		}
		if (references != null) {
			mime.setHeader("References", references);
		}
		String subject = singleLine(message.subject());
		mime.setSubject(
				(inReplyTo != null) ? Subjects.reply(subject, this.properties.defaultSubject())
						: ((subject == null || subject.isBlank()) ? this.properties.defaultSubject() : subject),
				StandardCharsets.UTF_8.name());
		String autoSubmitted = headers.getOrDefault(EmailHeaders.AUTO_SUBMITTED, EmailHeaders.AUTO_REPLIED)
			.trim()
			.toLowerCase(Locale.ROOT);
		mime.setHeader("Auto-Submitted",
				AUTO_SUBMITTED_VALUES.contains(autoSubmitted) ? autoSubmitted : EmailHeaders.AUTO_REPLIED);
		mime.setHeader("X-Auto-Response-Suppress", "All");
		mime.setHeader("X-Loop", this.properties.address());
		mime.setSentDate(new Date());
		if (message.html() != null && !message.html().isBlank()) {
			MimeBodyPart text = new MimeBodyPart();
			text.setText(message.text(), StandardCharsets.UTF_8.name());
			MimeBodyPart html = new MimeBodyPart();
			html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
			MimeMultipart alternative = new MimeMultipart("alternative");
			alternative.addBodyPart(text);
			alternative.addBodyPart(html);
			mime.setContent(alternative);
		}
		else {
			mime.setText(message.text(), StandardCharsets.UTF_8.name());
		}
		return mime;
	}

	private InternetAddress from(OutboundMessage message) throws AddressException, UnsupportedEncodingException {
		String address = (message.from() != null && !message.from().isBlank()) ? stripScheme(message.from())
				: this.properties.address();
		InternetAddress from = new InternetAddress(address, true);
		from.setPersonal(this.properties.displayName(), StandardCharsets.UTF_8.name());
		return from;
	}

	private static InternetAddress address(String resident) throws AddressException {
		String address = stripScheme(resident);
		if (address.isEmpty() || address.matches(".*[\\r\\n].*")) {
			throw new AddressException("empty or multi-line address");
		}
		InternetAddress parsed = new InternetAddress(address, true);
		parsed.validate();
		return parsed;
	}

	private static String stripScheme(String address) {
		String trimmed = address.trim();
		return trimmed.regionMatches(true, 0, "mailto:", 0, 7) ? trimmed.substring(7).trim() : trimmed;
	}

	/** Only well-formed {@code <id@host>} tokens survive (no header injection). */
	private static String messageIds(String value, int max) {
		if (value == null) {
			return null;
		}
		Matcher matcher = MESSAGE_ID.matcher(value);
		List<String> ids = new ArrayList<>();
		while (matcher.find()) {
			if (!ids.contains(matcher.group())) {
				ids.add(matcher.group());
			}
		}
		if (ids.isEmpty()) {
			return null;
		}
		List<String> kept = (ids.size() > max) ? trim(ids, max) : ids;
		return String.join(" ", kept);
	}

	private static List<String> trim(List<String> ids, int max) {
		if (max == 1) {
			return List.of(ids.get(ids.size() - 1));
		}
		List<String> kept = new ArrayList<>();
		kept.add(ids.get(0));
		kept.addAll(ids.subList(ids.size() - (max - 1), ids.size()));
		return kept;
	}

	private static String singleLine(String value) {
		return (value == null) ? null : value.replaceAll("[\\r\\n\\t]+", " ").strip();
	}

	/** A message whose Message-ID is ours, not the one Jakarta Mail generates on save. */
	private static final class FixedIdMimeMessage extends MimeMessage {

		private final String messageId;

		FixedIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
