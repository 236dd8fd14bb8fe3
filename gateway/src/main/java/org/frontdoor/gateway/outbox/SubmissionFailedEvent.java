package org.frontdoor.gateway.outbox;

import java.util.List;
import java.util.UUID;

import org.frontdoor.gateway.open311.Open311Error;

/**
 * A submission will not become a service request: the backend rejected it (400 with field
 * errors, which the dialog can turn into a question), or it failed too often. It is
 * dead-lettered (source {@value SubmissionWorker#DEAD_LETTER_SOURCE}) in the same
 * transaction that publishes this event; listeners run inside it.
 *
 * @param submissionId FrontDoor's id of the submission
 * @param conversationId the conversation, or {@code null}
 * @param rejectedByBackend {@code true} for a permanent backend rejection, {@code false}
 * when retries ran out
 * @param errors the backend's {@code [{code, description}]} list (may be empty)
 * @param reason a summary for logs and admins (no PII)
 */
public record SubmissionFailedEvent(UUID submissionId, UUID conversationId, boolean rejectedByBackend,
		List<Open311Error> errors, String reason) {

}
