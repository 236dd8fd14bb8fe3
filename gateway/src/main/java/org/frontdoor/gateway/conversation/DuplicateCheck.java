package org.frontdoor.gateway.conversation;

/**
 * The outcome of looking for open requests of a service near a place.
 *
 * @param serviceCode the service looked for
 * @param lat the place's latitude
 * @param lon the place's longitude
 * @param requestId the nearest open request within the service's radius, or {@code null}
 * @param address that request's address, or {@code null}
 * @param distanceMeters how far it is, or 0
 * @param note why the check could not be made (backend unavailable), or {@code null}
 */
public record DuplicateCheck(String serviceCode, double lat, double lon, String requestId, String address,
		double distanceMeters, String note) {

	/**
	 * Whether this check was made for a service and place.
	 * @param code the service
	 * @param place the place
	 * @return {@code true} if it applies
	 */
	public boolean isFor(String code, Place place) {
		return this.serviceCode.equals(code) && Double.compare(this.lat, place.lat()) == 0
				&& Double.compare(this.lon, place.lon()) == 0;
	}

	/**
	 * Nothing nearby.
	 * @param code the service
	 * @param place the place
	 * @param note why the check could not be made, or {@code null}
	 * @return the outcome
	 */
	public static DuplicateCheck none(String code, Place place, String note) {
		return new DuplicateCheck(code, place.lat(), place.lon(), null, null, 0, note);
	}

}
