package org.frontdoor.gateway.outbox;

import java.util.UUID;

/**
 * A batch service accepted a submission with a token only; the id follows later as a
 * {@link SubmissionResolvedEvent}. Published inside the transaction that records the
 * token (same rules as {@link SubmissionResolvedEvent}).
 *
 * @param submissionId FrontDoor's id of the submission
 * @param conversationId the conversation, or {@code null}
 * @param linkId the link tracking it
 * @param token the backend's token
 */
public record SubmissionAcceptedEvent(UUID submissionId, UUID conversationId, UUID linkId, String token) {

}
