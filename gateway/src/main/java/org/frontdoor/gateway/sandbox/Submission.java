package org.frontdoor.gateway.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code POST requests} that passed validation: what the sandbox stores.
 *
 * @param service the service asked for
 * @param lat latitude (WGS84), or {@code null} when the location is an address
 * @param lon longitude (WGS84), or {@code null}
 * @param addressString the human-entered address, or {@code null}
 * @param addressId the jurisdiction's address id, or {@code null}
 * @param email the resident's email, or {@code null}
 * @param deviceId the submitting device's id, or {@code null}
 * @param accountId the resident's account id, or {@code null}
 * @param firstName the resident's given name, or {@code null}
 * @param lastName the resident's family name, or {@code null}
 * @param phone the resident's phone number, or {@code null}
 * @param description the free-text description, or {@code null}
 * @param mediaUrl a URL of a photo, or {@code null}
 * @param attributes attribute code → values, in the definition's order (one value except
 * for {@code multivaluelist})
 */
public record Submission(SandboxService service, Double lat, Double lon, String addressString, String addressId,
		String email, String deviceId, String accountId, String firstName, String lastName, String phone,
		String description, String mediaUrl, Map<String, List<String>> attributes) {

	public Submission {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		attributes.forEach((code, values) -> copy.put(code, List.copyOf(values)));
		attributes = Collections.unmodifiableMap(copy);
	}

	/**
	 * The client's own id for this submission, the idempotency key.
	 * @return {@code attribute[external_id]}, or {@code null}
	 */
	public String externalId() {
		List<String> values = this.attributes.get(SandboxCatalog.EXTERNAL_ID);
		return (values == null || values.isEmpty()) ? null : values.getFirst();
	}

}
