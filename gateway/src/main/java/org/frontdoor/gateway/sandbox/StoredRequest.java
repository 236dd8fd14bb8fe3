package org.frontdoor.gateway.sandbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A service request as the sandbox stores it ({@code sandbox_request}).
 *
 * @param id the {@code service_request_id}
 * @param serviceCode the service
 * @param status {@code open} or {@code closed}
 * @param statusNotes the latest status notes, or {@code null}
 * @param description the resident's description, or {@code null}
 * @param agencyResponsible the agency handling it
 * @param serviceNotice what the resident was told to expect
 * @param addressString the address as sent, or {@code null}
 * @param addressId the address id as sent, or {@code null}
 * @param lat latitude, or {@code null}
 * @param lon longitude, or {@code null}
 * @param mediaUrl the media URL the client sent, or {@code null}
 * @param mediaId the first uploaded photo, or {@code null}
 * @param contact the resident's contact details (PII)
 * @param externalId the client's idempotency key, or {@code null}
 * @param requestedAt when it was submitted
 * @param updatedAt when it last changed
 * @param expectedAt when it is expected to be done, or {@code null}
 * @param publishedAt when it became (or becomes) visible through GET
 */
public record StoredRequest(long id, String serviceCode, String status, String statusNotes, String description,
		String agencyResponsible, String serviceNotice, String addressString, String addressId, Double lat, Double lon,
		String mediaUrl, UUID mediaId, Contact contact, String externalId, OffsetDateTime requestedAt,
		OffsetDateTime updatedAt, OffsetDateTime expectedAt, OffsetDateTime publishedAt) {

	/**
	 * Who submitted a request: personal data, never returned by the GeoReport API and
	 * masked on the staff pages.
	 *
	 * @param email email, or {@code null}
	 * @param phone phone number, or {@code null}
	 * @param firstName given name, or {@code null}
	 * @param lastName family name, or {@code null}
	 * @param deviceId device id, or {@code null}
	 * @param accountId account id, or {@code null}
	 */
	public record Contact(String email, String phone, String firstName, String lastName, String deviceId,
			String accountId) {

	}

}
