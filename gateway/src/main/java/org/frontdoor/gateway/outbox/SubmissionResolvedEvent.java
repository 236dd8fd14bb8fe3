package org.frontdoor.gateway.outbox;

import java.util.UUID;

/**
 * A submission became a service request with a known {@code service_request_id}
 * (directly, through its token, or found by reconciliation).
 * <p>
 * Published inside the transaction that records the resolution: a plain
 * {@code @EventListener} (or {@code @TransactionalEventListener(phase = BEFORE_COMMIT)})
 * runs in it, so rows it queues (the resident's confirmation through
 * {@link OutboundOutbox#enqueue}, a subscription) commit together with the resolution,
 * and an exception rolls it all back (the submission is then retried and reconciled, so
 * the listener sees the event again, never a second service request).
 *
 * @param submissionId FrontDoor's id of the submission
 * @param conversationId the conversation that submitted it, or {@code null}
 * @param linkId the {@code service_request_link} now tracking the request
 * @param serviceRequestId the backend's id
 * @param serviceCode the service code
 * @param via how it was resolved: {@code post}, {@code token} or {@code reconciled}
 */
public record SubmissionResolvedEvent(UUID submissionId, UUID conversationId, UUID linkId, String serviceRequestId,
		String serviceCode, String via) {

}
