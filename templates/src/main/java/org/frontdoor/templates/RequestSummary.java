package org.frontdoor.templates;

import java.util.Objects;

/**
 * One of a resident's service requests, as listed by
 * {@link TemplateKey#STATUS_REPLY_LIST}.
 *
 * @param requestId the backend's {@code service_request_id}
 * @param serviceName the service's name, or {@code null}
 * @param status the backend's raw status
 */
public record RequestSummary(String requestId, String serviceName, String status) {

	public RequestSummary {
		Objects.requireNonNull(requestId, "requestId");
	}

}
