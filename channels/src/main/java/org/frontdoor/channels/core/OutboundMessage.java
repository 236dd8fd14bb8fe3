package org.frontdoor.channels.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One reply or status update on its way to a resident, as taken from the outbound outbox.
 * Rendering (templates) already happened; a sender only delivers.
 *
 * @param id FrontDoor's id; senders pass it to providers as an idempotency hint where
 * they can
 * @param channel the medium to send on
 * @param to the resident's address (same form as {@link InboundMessage#from()})
 * @param from the city's address to send from, or {@code null} for the configured default
 * @param text the plain-text body
 * @param subject the email subject, or {@code null}
 * @param html the HTML body for email, or {@code null}
 * @param quickReplies options a chat widget shows as buttons (label shown, value sent)
 * @param mediaUrls media to attach, if the channel can
 * @param headers channel-specific delivery hints (e.g. {@code In-Reply-To},
 * {@code References}, a WhatsApp template sid and its variables)
 */
public record OutboundMessage(UUID id, Channel channel, String to, String from, String text, String subject,
		String html, List<QuickReply> quickReplies, List<String> mediaUrls, Map<String, String> headers) {

	public OutboundMessage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(to, "to");
		text = (text != null) ? text : "";
		quickReplies = (quickReplies != null) ? List.copyOf(quickReplies) : List.of();
		mediaUrls = (mediaUrls != null) ? List.copyOf(mediaUrls) : List.of();
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	/**
	 * A button a chat client can show.
	 *
	 * @param label what the resident sees
	 * @param value what is sent back when pressed
	 */
	public record QuickReply(String label, String value) {

	}

}
