package org.frontdoor.gateway.open311;

import java.util.List;

/**
 * A backend's discovery document.
 *
 * @param changeset when it last changed, or {@code null}
 * @param contact who runs it, or {@code null}
 * @param keyService where to ask for an API key, or {@code null}
 * @param endpoints the endpoints it lists
 */
public record Discovery(String changeset, String contact, String keyService, List<Endpoint> endpoints) {

	/**
	 * One endpoint.
	 *
	 * @param specification the specification URL (GeoReport v2:
	 * {@code http://wiki.open311.org/GeoReport_v2})
	 * @param url the base URL
	 * @param changeset its changeset, or {@code null}
	 * @param type {@code production}, {@code test}, …
	 * @param formats the content types it speaks (e.g. {@code application/json},
	 * {@code text/xml})
	 */
	public record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {

	}

}
