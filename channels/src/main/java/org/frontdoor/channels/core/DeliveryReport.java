package org.frontdoor.channels.core;

import java.time.Instant;

/**
 * What a provider later says about a message we sent (Twilio status callback, SMTP
 * bounce).
 *
 * @param channel the channel the message went out on
 * @param providerMessageId the provider's id from
 * {@link OutboundSender.SendReceipt#providerMessageId()}
 * @param status the provider's status, normalized to lower case (e.g. {@code queued},
 * {@code sent}, {@code delivered}, {@code undelivered}, {@code failed})
 * @param errorCode the provider's error code, or {@code null}
 * @param policy what the error means for the resident, or {@code null} when there is no
 * error
 * @param reportedAt when the report arrived
 */
public record DeliveryReport(Channel channel, String providerMessageId, String status, String errorCode,
		SendException.Policy policy, Instant reportedAt) {

}
