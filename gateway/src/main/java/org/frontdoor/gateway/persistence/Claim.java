package org.frontdoor.gateway.persistence;

import java.util.UUID;

/**
 * A row a worker claimed from a durable queue. Every outcome written back is fenced by
 * ({@link #id()}, {@link #worker()}, {@link #attempts()}), so a worker whose lease
 * expired can never overwrite the work of the instance that took over.
 *
 * @param id the row id
 * @param attempts the attempt number this claim is (1 for the first)
 * @param worker the claiming worker's id
 * @param leaseExpired whether the previous claim's lease ran out without an outcome (the
 * process died or hung mid-attempt: whatever it sent may have arrived)
 */
public record Claim(UUID id, int attempts, String worker, boolean leaseExpired) {

}
