package org.frontdoor.gateway.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Properties that make queues and the poller fast enough for tests, pointed at a test
 * backend.
 */
public final class GatewayTestProperties {

	private GatewayTestProperties() {
	}

	/**
	 * Fast-queue properties.
	 * @param open311BaseUrl the backend
	 * @return the properties
	 */
	public static Map<String, Object> fastQueues(String open311BaseUrl) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("frontdoor.open311.base-url", open311BaseUrl);
		properties.put("frontdoor.open311.read-timeout", "1s");
		properties.put("frontdoor.open311.connect-timeout", "1s");
		properties.put("frontdoor.open311.catalog-retry", "1s");
		properties.put("frontdoor.outbox.poll-interval", "100ms");
		properties.put("frontdoor.outbox.initial-backoff", "100ms");
		properties.put("frontdoor.outbox.max-backoff", "400ms");
		properties.put("frontdoor.outbox.lease", "3s");
		properties.put("frontdoor.outbox.token-poll-interval", "200ms");
		properties.put("frontdoor.admin.password", "admin-secret");
		properties.put("frontdoor.admin.staff.password", "staff-secret");
		properties.put("server.shutdown", "immediate");
		properties.put("spring.lifecycle.timeout-per-shutdown-phase", "2s");
		return properties;
	}

}
