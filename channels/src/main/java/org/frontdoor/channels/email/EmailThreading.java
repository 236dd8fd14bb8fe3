package org.frontdoor.channels.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.channels.core.InboundMessage;

/**
 * Threading for email: the Message-IDs FrontDoor gives its own mail, and the
 * {@code In-Reply-To}/{@code References} headers (RFC 5322 §3.6.4) of replies and status
 * updates, so the resident's client shows one conversation.
 */
public final class EmailThreading {

	/** References are trimmed to this many ids (the root and the most recent ones). */
	public static final int MAX_REFERENCES = 20;

	private static final String PREFIX = "<frontdoor.";

	private EmailThreading() {
	}

	/**
	 * The Message-ID FrontDoor uses for an outbound message: derived from its id, so a
	 * retried send carries the same Message-ID and clients show it once.
	 * @param outboundId the outbound message id
	 * @param domain the domain part (the city's mail domain)
	 * @return {@code <frontdoor.<uuid>@domain>}
	 */
	public static String messageId(UUID outboundId, String domain) {
		return PREFIX + outboundId + "@" + domain.toLowerCase(Locale.ROOT) + ">";
	}

	/**
	 * Whether a message id is one FrontDoor generated for the domain.
	 * @param messageId a message id with angle brackets
	 * @param domain the domain FrontDoor uses
	 * @return {@code true} for our own ids
	 */
	public static boolean isFrontDoorMessageId(String messageId, String domain) {
		if (messageId == null || domain == null) {
			return false;
		}
		String id = messageId.toLowerCase(Locale.ROOT);
		return id.startsWith(PREFIX) && id.endsWith("@" + domain.toLowerCase(Locale.ROOT) + ">");
	}

	/**
	 * Headers for a reply to an inbound mail: {@code In-Reply-To} its Message-ID,
	 * {@code References} its references plus its Message-ID.
	 * @param inbound the mail answered
	 * @return the {@link EmailHeaders} entries for the outbound message
	 */
	public static Map<String, String> replyHeaders(InboundMessage inbound) {
		String id = inbound.metadata().getOrDefault(EmailMetadata.MESSAGE_ID, inbound.providerMessageId());
		String references = inbound.metadata().getOrDefault(EmailMetadata.REFERENCES, "");
		List<String> chain = new ArrayList<>();
		for (String reference : references.split("\\s+")) {
			if (!reference.isBlank()) {
				chain.add(reference);
			}
		}
		return headers(id, chain);
	}

	/**
	 * Headers for a mail in an existing thread (a status update): {@code In-Reply-To} the
	 * latest message, {@code References} the thread so far plus that message.
	 * @param inReplyTo the latest message id in the thread (e.g. the receipt id of
	 * FrontDoor's last mail, or the resident's last Message-ID)
	 * @param references the earlier ids, oldest first (the thread root first)
	 * @return the {@link EmailHeaders} entries
	 */
	public static Map<String, String> headers(String inReplyTo, List<String> references) {
		List<String> chain = new ArrayList<>();
		for (String reference : references) {
			if (reference != null && !reference.isBlank() && !chain.contains(reference.trim())) {
				chain.add(reference.trim());
			}
		}
		if (inReplyTo != null && !inReplyTo.isBlank() && !chain.contains(inReplyTo.trim())) {
			chain.add(inReplyTo.trim());
		}
		Map<String, String> headers = new LinkedHashMap<>();
		if (inReplyTo != null && !inReplyTo.isBlank()) {
			headers.put(EmailHeaders.IN_REPLY_TO, inReplyTo.trim());
		}
		if (!chain.isEmpty()) {
			headers.put(EmailHeaders.REFERENCES, String.join(" ", trim(chain)));
		}
		return headers;
	}

	/**
	 * Keep the root and the most recent ids when a chain is longer than
	 * {@link #MAX_REFERENCES} (RFC 5322 allows trimming the middle).
	 * @param chain the ids, oldest first
	 * @return the trimmed chain
	 */
	static List<String> trim(List<String> chain) {
		if (chain.size() <= MAX_REFERENCES) {
			return chain;
		}
		List<String> trimmed = new ArrayList<>();
		trimmed.add(chain.get(0));
		trimmed.addAll(chain.subList(chain.size() - (MAX_REFERENCES - 1), chain.size()));
		return trimmed;
	}

	/**
	 * The thread key of a mail: the first id of {@code References} (the thread root),
	 * else the first {@code In-Reply-To}, else its own Message-ID.
	 * @param messageId the mail's own id
	 * @param inReplyTo its {@code In-Reply-To} ids
	 * @param references its {@code References} ids, oldest first
	 * @return the thread key
	 */
	public static String threadKey(String messageId, List<String> inReplyTo, List<String> references) {
		if (!references.isEmpty()) {
			return references.get(0);
		}
		if (!inReplyTo.isEmpty()) {
			return inReplyTo.get(0);
		}
		return messageId;
	}

}
