package org.frontdoor.gateway.outbox;

import java.time.Instant;
import java.util.UUID;

import org.frontdoor.gateway.open311.NewServiceRequest;

/**
 * One row of the Open311 outbox ({@code submission}).
 *
 * @param id FrontDoor's own id of the submission (sent as {@code attribute[external_id]}
 * where the service defines it)
 * @param request what to create
 * @param conversationId the conversation that decided to submit, or {@code null}
 * @param phase {@code POST} until the backend accepted it, {@code RESOLVE_TOKEN} while
 * only a token is known
 * @param ambiguous whether an earlier attempt may have created the request (reconcile
 * before posting again)
 * @param token the backend's token, or {@code null}
 * @param serviceRequestId the backend's id once known, or {@code null}
 * @param state the queue state ({@code PENDING}, {@code IN_FLIGHT}, {@code DONE},
 * {@code DEAD})
 * @param attempts attempts in the current phase
 * @param lastError the last failure, or {@code null}
 * @param firstAttemptAt when the first attempt started, or {@code null}
 * @param createdAt when it was queued
 */
public record Submission(UUID id, NewServiceRequest request, UUID conversationId, String phase, boolean ambiguous,
		String token, String serviceRequestId, String state, int attempts, String lastError, Instant firstAttemptAt,
		Instant createdAt) {

	/** Phase: posting the request. */
	public static final String POST = "POST";

	/** Phase: waiting for a token to become a service request id. */
	public static final String RESOLVE_TOKEN = "RESOLVE_TOKEN";

}
