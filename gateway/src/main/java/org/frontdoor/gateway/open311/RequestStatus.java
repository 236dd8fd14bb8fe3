package org.frontdoor.gateway.open311;

/**
 * GeoReport v2's two statuses; anything else a backend writes is mapped to one of them by
 * {@link StatusMapper}, with the raw value kept beside it.
 */
public enum RequestStatus {

	/** Still being worked on. */
	OPEN,

	/** Done, rejected or otherwise finished. */
	CLOSED;

	/**
	 * The wire value.
	 * @return {@code open} or {@code closed}
	 */
	public String wire() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
