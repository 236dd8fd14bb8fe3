package org.frontdoor.gateway.persistence;

/**
 * Thrown inside a worker's outcome transaction when the claim no longer holds: the lease
 * ran out and another instance took the row over. Rolling back voids this attempt's
 * outcome (and anything written with it), so the row's work counts once.
 */
public class LostClaimException extends RuntimeException {

	/**
	 * Create one for a claim.
	 * @param claim the claim that was lost
	 */
	public LostClaimException(Claim claim) {
		super("lost the claim on " + claim.id() + " (attempt " + claim.attempts() + ") to another worker");
	}

}
