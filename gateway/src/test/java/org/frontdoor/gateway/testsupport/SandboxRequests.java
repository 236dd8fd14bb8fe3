package org.frontdoor.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox Open311 backend of a gateway under test, over real HTTP: a request as its
 * GeoReport API shows it, and city staff changing a request's status (with the staff
 * password of {@link GatewayTestProperties#fastQueues}).
 */
public final class SandboxRequests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SandboxRequests() {
	}

	/**
	 * A request as the sandbox's GeoReport API shows it.
	 * @param port the gateway's port
	 * @param id the service request id
	 * @return the request
	 */
	public static JsonNode request(int port, String id) {
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/sandbox/open311/v2/requests/" + id + ".json"))
			.GET()
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get(0);
	}

	/**
	 * Change a request's status as city staff.
	 * @param port the gateway's port
	 * @param id the request
	 * @param status {@code open} or {@code closed}
	 * @param notes the notes
	 */
	public static void staffSets(int port, String id, String status, String notes) {
		String auth = Base64.getEncoder()
			.encodeToString(("staff:" + GatewayTestProperties.STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/admin/requests/" + id))
					.header("Authorization", "Basic " + auth)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(
							"status=" + status + "&status_notes=" + URLEncoder.encode(notes, StandardCharsets.UTF_8)))
					.build());
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 303);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
