package org.frontdoor.gateway.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A GeoReport v2 service's {@code type}: what {@code POST requests} answers.
 */
public enum ServiceType {

	/** The {@code service_request_id} is returned at once. */
	REALTIME,

	/**
	 * A {@code token} is returned at once; {@code GET tokens/{token}} gives the
	 * {@code service_request_id} later.
	 */
	BATCH,

	/** No id is returned at all. */
	BLACKBOX;

	/**
	 * The value as written in the catalog and on the wire.
	 * @return e.g. {@code realtime}
	 */
	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Read a catalog value.
	 * @param value e.g. {@code batch}
	 * @return the type, or empty when unknown
	 */
	public static Optional<ServiceType> of(String value) {
		return Arrays.stream(values()).filter((type) -> type.wireValue().equalsIgnoreCase(value.trim())).findFirst();
	}

}
