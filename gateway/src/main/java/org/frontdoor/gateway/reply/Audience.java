package org.frontdoor.gateway.reply;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;

/**
 * Who a message goes to and how: the resident's address on a channel, the city's address
 * to send from, the language, and the thread it belongs to.
 *
 * @param residentId the resident (for the transcript), or {@code null}
 * @param conversationId the conversation it belongs to, or {@code null}
 * @param channel the channel
 * @param address the resident's address
 * @param cityAddress the city's address to send from, or {@code null} for the configured
 * default
 * @param locale the language to write in
 * @param emailThread the email thread's latest inbound details ({@code email.message-id},
 * {@code email.references}), empty elsewhere
 * @param lastInboundAt when the resident last wrote (the WhatsApp window), or
 * {@code null}
 */
public record Audience(UUID residentId, UUID conversationId, Channel channel, String address, String cityAddress,
		Locale locale, Map<String, String> emailThread, Instant lastInboundAt) {

	public Audience {
		emailThread = (emailThread != null) ? Map.copyOf(emailThread) : Map.of();
	}

}
