package org.frontdoor.gateway.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that could not be processed, kept with its reason (blueprint §3.4).
 *
 * @param id the dead letter's id
 * @param source where it came from (e.g. {@code outbox.submission},
 * {@code email.inbound}); replay handlers are chosen by it
 * @param key the idempotency key within the source (e.g. a submission id)
 * @param payload the raw payload (PII: never logged)
 * @param contentType the payload's content type
 * @param size the payload's size in bytes
 * @param reason why it could not be processed
 * @param failures how often it failed (a replay that fails again counts)
 * @param createdAt when it was first recorded
 * @param updatedAt when it last changed
 * @param replayState {@code NEW}, {@code REPLAYED}, {@code FAILED} or {@code DISCARDED}
 * @param replayCount how often it was replayed
 * @param replayedAt when it was last replayed, or {@code null}
 * @param replayError why the last replay failed, or {@code null}
 */
public record DeadLetter(UUID id, String source, String key, byte[] payload, String contentType, long size,
		String reason, int failures, Instant createdAt, Instant updatedAt, String replayState, int replayCount,
		Instant replayedAt, String replayError) {

}
