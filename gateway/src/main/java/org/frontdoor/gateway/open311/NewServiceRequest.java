package org.frontdoor.gateway.open311;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What FrontDoor asks the backend to create ({@code POST requests}). Location is a point
 * ({@link #lat()}/{@link #lon()}), an {@link #addressString()}, or both.
 *
 * @param serviceCode the service code
 * @param lat WGS84 latitude, or {@code null}
 * @param lon WGS84 longitude, or {@code null}
 * @param addressString a human-readable address, or {@code null}
 * @param addressId the backend's address id, or {@code null}
 * @param description the resident's description, or {@code null}
 * @param attributes attribute values by code (several values for multivaluelist)
 * @param mediaUrl a public URL of a photo, or {@code null}
 * @param mediaId FrontDoor's stored media id to upload as multipart {@code media} when
 * enabled, or {@code null}
 * @param email the resident's email, or {@code null}
 * @param phone the resident's phone, or {@code null}
 * @param firstName the resident's first name, or {@code null}
 * @param lastName the resident's last name, or {@code null}
 * @param deviceId a device id, or {@code null}
 * @param accountId an account id, or {@code null}
 */
public record NewServiceRequest(String serviceCode, Double lat, Double lon, String addressString, String addressId,
		String description, Map<String, List<String>> attributes, String mediaUrl, String mediaId, String email,
		String phone, String firstName, String lastName, String deviceId, String accountId) {

	public NewServiceRequest {
		Objects.requireNonNull(serviceCode, "serviceCode");
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

	/**
	 * A request with only the essentials.
	 * @param serviceCode the service code
	 * @param lat latitude
	 * @param lon longitude
	 * @param description the description
	 * @return the request
	 */
	public static NewServiceRequest of(String serviceCode, Double lat, Double lon, String description) {
		return new NewServiceRequest(serviceCode, lat, lon, null, null, description, Map.of(), null, null, null, null,
				null, null, null, null);
	}

	/**
	 * This request with one more attribute value set.
	 * @param code the attribute code
	 * @param values its values
	 * @return a copy
	 */
	public NewServiceRequest withAttribute(String code, List<String> values) {
		Map<String, List<String>> copy = new java.util.LinkedHashMap<>(this.attributes);
		copy.put(code, List.copyOf(values));
		return new NewServiceRequest(this.serviceCode, this.lat, this.lon, this.addressString, this.addressId,
				this.description, copy, this.mediaUrl, this.mediaId, this.email, this.phone, this.firstName,
				this.lastName, this.deviceId, this.accountId);
	}

}
