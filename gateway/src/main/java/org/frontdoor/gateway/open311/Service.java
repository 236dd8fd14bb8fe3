package org.frontdoor.gateway.open311;

import java.util.List;

/**
 * One entry of the backend's service list ({@code GET services}).
 *
 * @param code the {@code service_code} (integers and 24-hex ids alike, as text)
 * @param name the {@code service_name}
 * @param description the description, or {@code null}
 * @param metadata whether the service has a definition with attributes
 * @param type {@code realtime}, {@code batch} (answers with tokens) or {@code blackbox}
 * @param keywords the keywords, split on commas
 * @param group the group, or {@code null}
 */
public record Service(String code, String name, String description, boolean metadata, Type type, List<String> keywords,
		String group) {

	/** How the backend answers a POST for this service. */
	public enum Type {

		/** A service request id at once. */
		REALTIME,

		/** A token first; the id later through {@code tokens/{token}}. */
		BATCH,

		/** Nothing to follow up on. */
		BLACKBOX

	}

}
