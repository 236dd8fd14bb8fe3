package org.frontdoor.gateway.reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.templates.RenderedMessage;
import org.frontdoor.templates.TemplateChannel;
import org.frontdoor.templates.TemplateKey;
import org.frontdoor.templates.Templates;

/**
 * Turns a template key, a model and an {@link Audience} into an outbound message that
 * fits its channel (template × channel × locale): short text for SMS and WhatsApp, a
 * threaded email with subject, text and HTML, chat text with quick-reply buttons, and the
 * headers each channel's sender reads (chat kind and language, email threading and
 * {@code Auto-Submitted}, a WhatsApp template outside the 24-hour window).
 */
public final class ReplyComposer {

	private final Templates templates;

	/**
	 * A composer.
	 * @param templates the renderer
	 */
	public ReplyComposer(Templates templates) {
		this.templates = templates;
	}

	/**
	 * Compose one message.
	 * @param id the outbound message id
	 * @param to the audience
	 * @param key what to say
	 * @param model the template values (by {@code TemplateVariable} id)
	 * @param extras what the message is about, and whether it must go as a WhatsApp
	 * template
	 * @return the rendered text and the message to queue
	 */
	public Composed compose(UUID id, Audience to, TemplateKey key, Map<String, ?> model, Extras extras) {
		RenderedMessage rendered = this.templates.render(key, TemplateChannel.of(to.channel().name()), to.locale(),
				model);
		Map<String, String> headers = new LinkedHashMap<>();
		switch (to.channel()) {
			case CHAT -> chatHeaders(headers, rendered, extras);
			case EMAIL -> emailHeaders(headers, to, extras);
			case WHATSAPP -> {
				if (extras.whatsappTemplate() != null) {
					headers.put(ReplyHeaders.TWILIO_TEMPLATE, extras.whatsappTemplate());
					headers.put(ReplyHeaders.TWILIO_CONTENT_VARIABLES, templateVariables(extras));
				}
			}
			case SMS -> {
			}
		}
		List<OutboundMessage.QuickReply> quickReplies = new ArrayList<>();
		rendered.quickReplies().forEach((q) -> quickReplies.add(new OutboundMessage.QuickReply(q.label(), q.value())));
		OutboundMessage message = new OutboundMessage(id, to.channel(), to.address(), to.cityAddress(), rendered.text(),
				subject(to, rendered), rendered.html(), quickReplies, List.of(), headers);
		return new Composed(message, rendered);
	}

	/**
	 * The subject: in an email thread, the resident's own (the sender makes it
	 * {@code Re: <subject>}), so the confirmation and every later update stay one thread
	 * in clients that group by subject too; otherwise the template's.
	 */
	private static String subject(Audience to, RenderedMessage rendered) {
		if (to.channel() == Channel.EMAIL) {
			String threadSubject = to.emailThread().get(ReplyHeaders.EMAIL_SUBJECT_META);
			String messageId = to.emailThread().get(ReplyHeaders.EMAIL_MESSAGE_ID);
			if (threadSubject != null && !threadSubject.isBlank() && messageId != null && !messageId.isBlank()) {
				return threadSubject.strip();
			}
		}
		return rendered.subject();
	}

	private static void chatHeaders(Map<String, String> headers, RenderedMessage rendered, Extras extras) {
		headers.put(ReplyHeaders.CHAT_KIND, extras.status() ? ReplyHeaders.KIND_STATUS : ReplyHeaders.KIND_REPLY);
		headers.put(ReplyHeaders.CHAT_LANGUAGE, rendered.locale().toLanguageTag());
		if (extras.serviceRequestId() != null) {
			headers.put(ReplyHeaders.CHAT_SERVICE_REQUEST_ID, extras.serviceRequestId());
		}
		if (extras.requestStatus() != null) {
			headers.put(ReplyHeaders.CHAT_STATUS, extras.requestStatus());
		}
		if (extras.statusDetail() != null) {
			headers.put(ReplyHeaders.CHAT_STATUS_DETAIL, extras.statusDetail());
		}
	}

	private static void emailHeaders(Map<String, String> headers, Audience to, Extras extras) {
		String messageId = to.emailThread().get(ReplyHeaders.EMAIL_MESSAGE_ID);
		if (messageId != null && !messageId.isBlank()) {
			List<String> chain = new ArrayList<>();
			// the parent's References, or without them its In-Reply-To (RFC 5322 §3.6.4)
			String references = to.emailThread().getOrDefault(ReplyHeaders.EMAIL_REFERENCES_META, "");
			if (references.isBlank()) {
				references = to.emailThread().getOrDefault(ReplyHeaders.EMAIL_IN_REPLY_TO_META, "");
			}
			for (String reference : references.split("\\s+")) {
				if (!reference.isBlank() && !chain.contains(reference)) {
					chain.add(reference);
				}
			}
			chain.remove(messageId.strip());
			chain.add(messageId.strip());
			headers.put(ReplyHeaders.EMAIL_IN_REPLY_TO, messageId.strip());
			headers.put(ReplyHeaders.EMAIL_REFERENCES, String.join(" ", chain));
		}
		headers.put(ReplyHeaders.EMAIL_AUTO_SUBMITTED, extras.status() ? "auto-generated" : "auto-replied");
	}

	/**
	 * {"1": "#<id>", "2": "<status>"}: the variables of the configured status template.
	 */
	private static String templateVariables(Extras extras) {
		return "{\"1\":\"" + jsonText("#" + ((extras.serviceRequestId() != null) ? extras.serviceRequestId() : ""))
				+ "\",\"2\":\"" + jsonText((extras.statusDetail() != null) ? extras.statusDetail()
						: (extras.requestStatus() != null) ? extras.requestStatus() : "")
				+ "\"}";
	}

	private static String jsonText(String value) {
		StringBuilder out = new StringBuilder();
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	/**
	 * What a message is about beyond its words.
	 *
	 * @param status whether it is a status update FrontDoor sends on its own (chat kind
	 * {@code status}, email {@code Auto-Submitted: auto-generated})
	 * @param serviceRequestId the service request it is about, or {@code null}
	 * @param requestStatus the request's Open311 status, or {@code null}
	 * @param statusDetail the backend's own status wording, or {@code null}
	 * @param whatsappTemplate the WhatsApp template purpose to send it with (outside the
	 * 24-hour window), or {@code null}
	 */
	public record Extras(boolean status, String serviceRequestId, String requestStatus, String statusDetail,
			String whatsappTemplate) {

		/** A plain reply. */
		public static final Extras REPLY = new Extras(false, null, null, null, null);

		/**
		 * A reply about a service request (a confirmation).
		 * @param serviceRequestId the request id
		 * @return the extras
		 */
		public static Extras about(String serviceRequestId) {
			return new Extras(false, serviceRequestId, null, null, null);
		}

	}

	/**
	 * A composed message.
	 *
	 * @param message the message to queue
	 * @param rendered what the templates produced (text, locale, sources)
	 */
	public record Composed(OutboundMessage message, RenderedMessage rendered) {

	}

}
