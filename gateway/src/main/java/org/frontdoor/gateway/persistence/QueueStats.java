package org.frontdoor.gateway.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * How full a durable queue is.
 *
 * @param queue the queue name
 * @param pending rows waiting for their next attempt
 * @param inFlight rows a worker holds right now
 * @param dead rows given up on (dead-lettered)
 * @param oldestCreatedAt when the oldest waiting row was queued, or {@code null}
 * @param oldest the oldest waiting row, or {@code null}
 */
public record QueueStats(String queue, long pending, long inFlight, long dead, Instant oldestCreatedAt, Item oldest) {

	/**
	 * One queued row, for the admin.
	 *
	 * @param id the row id
	 * @param createdAt when it was queued
	 * @param attempts attempts so far
	 * @param nextAttemptAt when it is tried next
	 * @param lastError the last failure (no PII), or {@code null}
	 */
	public record Item(UUID id, Instant createdAt, int attempts, Instant nextAttemptAt, String lastError) {

	}

}
