package org.frontdoor.gateway.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Properties that make queues and the poller fast enough for tests, pointed at a test
 * backend.
 */
public final class GatewayTestProperties {

	/** The sandbox staff password these properties set. */
	public static final String STAFF_PASSWORD = "staff-secret";

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
		properties.put("frontdoor.outbox.shutdown-grace", "2s");
		// the fake backend does not deduplicate on external_id (the sandbox profile's
		// does)
		properties.put("frontdoor.open311.external-id-idempotent", "false");
		properties.put("frontdoor.admin.password", "admin-secret");
		properties.put("frontdoor.admin.staff.password", STAFF_PASSWORD);
		properties.put("server.shutdown", "immediate");
		properties.put("spring.lifecycle.timeout-per-shutdown-phase", "2s");
		return properties;
	}

	/**
	 * Fast-queue properties of a whole gateway filing into its own sandbox and relaying
	 * status changes, as the intake tests run it: the status poller fast, the Open311
	 * read timeout and the outbox lease long enough for a cold JVM's first calls (a
	 * shorter lease lets a second worker take a row whose send is still running, and send
	 * it again).
	 * @param open311BaseUrl the backend (a local URL with port 0 gets the bound port)
	 * @return the properties, to add to
	 */
	public static Map<String, Object> intake(String open311BaseUrl) {
		Map<String, Object> properties = fastQueues(open311BaseUrl);
		properties.put("frontdoor.outbox.lease", "30s");
		properties.put("frontdoor.open311.read-timeout", "5s");
		properties.put("frontdoor.status.poll-interval", "200ms");
		properties.put("frontdoor.status.young-interval", "300ms");
		properties.put("frontdoor.status.leader-heartbeat", "500ms");
		return properties;
	}

	/**
	 * Fast-queue properties of a whole extra instance ({@link Gateways}) on a random port
	 * and a given database.
	 * @param open311BaseUrl the backend
	 * @param database the database it shares with other instances
	 * @return the properties, to add to
	 */
	public static Map<String, Object> instance(String open311BaseUrl, TestPostgres.TestDatabase database) {
		Map<String, Object> properties = fastQueues(open311BaseUrl);
		properties.putAll(database.properties());
		properties.put("server.port", "0");
		return properties;
	}

}
