package org.frontdoor.gateway.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * A service request FrontDoor tracks: created by one of its submissions, or one a
 * resident subscribed to (a duplicate they follow).
 *
 * @param id FrontDoor's id of the link
 * @param submissionId the submission that created it, or {@code null}
 * @param token the backend's token (batch services) until resolved, or {@code null}
 * @param serviceRequestId the backend's {@code service_request_id}, or {@code null} while
 * only a token is known
 * @param serviceCode the service code, or {@code null}
 * @param status the last seen status, normalized ({@code open}/{@code closed}), or
 * {@code null} before the first poll
 * @param rawStatus the last seen status as the backend wrote it
 * @param statusNotes the last seen status notes
 * @param backendUpdatedAt the last seen {@code updated_datetime}
 * @param lastPolledAt when the poller last saw it
 * @param nextPollAt when it is polled next, or {@code null} when no longer polled
 * @param createdAt when FrontDoor started tracking it
 */
public record ServiceRequestLink(UUID id, UUID submissionId, String token, String serviceRequestId, String serviceCode,
		String status, String rawStatus, String statusNotes, Instant backendUpdatedAt, Instant lastPolledAt,
		Instant nextPollAt, Instant createdAt) {

}
