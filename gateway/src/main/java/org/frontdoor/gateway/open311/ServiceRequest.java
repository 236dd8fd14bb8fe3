package org.frontdoor.gateway.open311;

import java.time.Instant;
import java.util.Map;

/**
 * A service request as the backend reports it ({@code GET requests}).
 *
 * @param serviceRequestId the id
 * @param status {@code open} or {@code closed}, normalized by the status table
 * @param rawStatus the status exactly as the backend wrote it
 * @param statusNotes the backend's notes, or {@code null}
 * @param serviceName the service name, or {@code null}
 * @param serviceCode the service code, or {@code null}
 * @param description the description, or {@code null}
 * @param agencyResponsible the agency, or {@code null}
 * @param serviceNotice the notice, or {@code null}
 * @param requestedAt when it was created, or {@code null}
 * @param updatedAt when it last changed, or {@code null}
 * @param expectedAt when the backend expects to be done, or {@code null}
 * @param address the address, or {@code null}
 * @param addressId the address id, or {@code null}
 * @param zipcode the postal code ({@code zipcode} or Helsinki's {@code zip_code}), or
 * {@code null}
 * @param lat latitude, or {@code null} (also when the backend wrote 0,0)
 * @param lon longitude, or {@code null}
 * @param mediaUrl a photo URL, or {@code null}
 * @param token the token it was created from, or {@code null}
 * @param extendedAttributes extension fields ({@code extended_attributes}, e.g.
 * Helsinki's {@code detailed_status}), flattened to text
 */
public record ServiceRequest(String serviceRequestId, RequestStatus status, String rawStatus, String statusNotes,
		String serviceName, String serviceCode, String description, String agencyResponsible, String serviceNotice,
		Instant requestedAt, Instant updatedAt, Instant expectedAt, String address, String addressId, String zipcode,
		Double lat, Double lon, String mediaUrl, String token, Map<String, String> extendedAttributes) {

}
