package org.frontdoor.channels.core;

/**
 * Delivers rendered messages on one channel. Called from the outbound outbox worker,
 * never from a webhook thread.
 */
public interface OutboundSender {

	/**
	 * Whether this sender delivers messages for the channel.
	 * @param channel a channel
	 * @return {@code true} if it does
	 */
	boolean supports(Channel channel);

	/**
	 * Deliver one message.
	 * @param message the message
	 * @return the provider's receipt
	 * @throws SendException with the policy the outbox must apply
	 */
	SendReceipt send(OutboundMessage message) throws SendException;

	/**
	 * What the provider said when it accepted a message.
	 *
	 * @param providerMessageId the provider's id (Twilio {@code MessageSid}, SMTP
	 * {@code Message-ID}, chat event id)
	 * @param status the provider's initial status, or {@code null}
	 */
	record SendReceipt(String providerMessageId, String status) {

	}

}
