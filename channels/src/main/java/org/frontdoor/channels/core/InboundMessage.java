package org.frontdoor.channels.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One normalized message from a resident, whatever channel and provider it came from.
 * <p>
 * The pair ({@link #channel()}, {@link #providerMessageId()}) is the idempotency key
 * (blueprint §3.2): Twilio {@code MessageSid}, email {@code Message-ID}, chat client
 * message id. Text, addresses and media are PII: never log them at INFO.
 *
 * @param id FrontDoor's own id for this message
 * @param channel the medium it arrived on
 * @param provider the vendor behind the channel ({@code twilio}, {@code imap},
 * {@code chat})
 * @param providerMessageId the provider's id for this message, unique per channel
 * @param from the resident's address: {@code tel:+1…}, {@code whatsapp:+1…},
 * {@code mailto:…}, {@code chat:<session>}
 * @param to the city's address the message was sent to
 * @param text the resident's words, already cleaned (quoted history and signatures
 * removed for email); may be empty, never {@code null}
 * @param subject the email subject, or {@code null}
 * @param media photos and other media that came with the message
 * @param sharedLocation a location pin the resident shared (WhatsApp, chat), or
 * {@code null}; never the provider's caller-location fields
 * @param threadKey what ties replies together beyond the address (email thread root
 * Message-ID, chat session id), or {@code null}
 * @param metadata provider extras worth keeping (e.g. {@code In-Reply-To},
 * {@code Authentication-Results}, WhatsApp profile name)
 * @param receivedAt when the provider handed it to us
 */
public record InboundMessage(UUID id, Channel channel, String provider, String providerMessageId, String from,
		String to, String text, String subject, List<InboundMedia> media, SharedLocation sharedLocation,
		String threadKey, Map<String, String> metadata, Instant receivedAt) {

	public InboundMessage {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(provider, "provider");
		Objects.requireNonNull(providerMessageId, "providerMessageId");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(receivedAt, "receivedAt");
		text = (text != null) ? text : "";
		media = (media != null) ? List.copyOf(media) : List.of();
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
	}

}
