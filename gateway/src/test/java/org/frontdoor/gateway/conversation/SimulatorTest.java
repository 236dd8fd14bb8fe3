package org.frontdoor.gateway.conversation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.frontdoor.gateway.testsupport.GatewayTestProperties;
import org.frontdoor.gateway.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The newcomer's walkthrough on the embedded default configuration: the simulator page
 * posts a signed webhook over HTTP, FrontDoor files the report with the sandbox and
 * replies through its real Twilio sender to the simulated Twilio API, which reports the
 * delivery back with a signed callback; a staff status change arrives the same way.
 */
@SpringBootTest(classes = org.frontdoor.gateway.FrontDoorApplication.class,
		webEnvironment = WebEnvironment.DEFINED_PORT)
@PostgresTest
@org.springframework.test.annotation.DirtiesContext
class SimulatorTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	static final int PORT = freePort();

	static final String BASE = "http://localhost:" + PORT;

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		GatewayTestProperties.intake(BASE + "/sandbox/open311/v2").forEach((k, v) -> registry.add(k, () -> v));
		registry.add("server.port", () -> PORT);
		registry.add("frontdoor.simulator.delivery-delay", () -> "100ms");
		registry.add("frontdoor.relay.quiet-hours.start", () -> "00:00");
		registry.add("frontdoor.relay.quiet-hours.end", () -> "00:00");
	}

	@Test
	void theWalkthroughWorksOnTheEmbeddedDefaults() throws Exception {
		String phone = "+1617555" + String.format("01%02d", (int) (Math.random() * 100));
		String page = get("/simulator/index.html").body();
		assertThat(page).contains("Simulator — not a real phone");
		assertThat(get("/simulator").statusCode()).isEqualTo(302);

		HttpResponse<String> sent = sendFromPage(phone, "sms", "huge pothole at mass ave and prospect st", null);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(JSON.readTree(sent.body()).path("webhookStatus").asInt()).isEqualTo(200);

		JsonNode confirmation = awaitOut(phone, 1).get(0);
		String id = confirmation.path("body").asString().replaceAll("(?s).*#(\\d+).*", "$1");
		assertThat(confirmation.path("body").asString()).contains("#" + id);
		JsonNode request = JSON.readTree(get("/sandbox/open311/v2/requests/" + id + ".json").body()).get(0);
		assertThat(request.path("service_code").asString()).isEqualTo("pothole");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(awaitOut(phone, 1).get(0).path("status").asString()).isEqualTo("delivered"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(get("/sandbox/open311/v2/requests/" + id + ".json").statusCode()).isEqualTo(200));

		String staff = Base64.getEncoder().encodeToString("staff:staff-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> closed = HTTP
			.send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/requests/" + id))
				.header("Authorization", "Basic " + staff)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("status=closed&status_notes=Filled+today"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(closed.statusCode()).isBetween(200, 303);
		assertThat(awaitOut(phone, 2).get(1).path("body").asString()).contains("closed your report #" + id)
			.contains("Filled today");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveryStatuses(phone)).containsExactly("delivered", "delivered"));
	}

	@Test
	void aPhotoFromThePageIsFetchedLikeTwilioMediaAndItsGpsUsed() throws Exception {
		String phone = "+1857555" + String.format("01%02d", (int) (Math.random() * 100));
		byte[] photo = TwilioApiStub.bytes("/sandbox/iphone_photo_gps.jpg");
		HttpResponse<String> sent = sendFromPage(phone, "sms", "overflowing trash can", photo);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		String body = awaitOut(phone, 1).get(0).path("body").asString();
		String id = body.replaceAll("(?s).*#(\\d+).*", "$1");
		JsonNode request = JSON.readTree(get("/sandbox/open311/v2/requests/" + id + ".json").body()).get(0);
		assertThat(request.path("lat").asDouble()).isCloseTo(42.367320, within(0.00001));
		assertThat(request.path("media_url").asString()).startsWith(BASE + "/media/");
	}

	@Test
	void theSimulatedTwilioApiChecksTheAccountCredentials() throws Exception {
		HttpResponse<String> refused = HTTP.send(HttpRequest
			.newBuilder(URI.create(
					BASE + "/simulator/twilio/2010-04-01/Accounts/AC5100000000000000000000000000051a/Messages.json"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("AC5100000000000000000000000000051a:wrong".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("To=%2B16175550123&Body=hi"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(refused.body()).path("code").asInt()).isEqualTo(20003);
		HttpResponse<String> badRequest = sendFromPage("not a number", "sms", "hello", null);
		assertThat(badRequest.statusCode()).isEqualTo(400);
		assertThat(badRequest.body()).contains("phone must be a phone number");
	}

	/** What FrontDoor recorded from the simulated Twilio's status callbacks. */
	private List<String> deliveryStatuses(String phone) {
		return this.jdbc.sql("select delivery_status from outbound_message where recipient = :to order by created_at")
			.param("to", "tel:" + phone)
			.query(String.class)
			.list();
	}

	static List<JsonNode> awaitOut(String phone, int count) {
		List<JsonNode>[] holder = new List[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			List<JsonNode> out = new java.util.ArrayList<>();
			for (JsonNode message : JSON
				.readTree(get("/simulator/api/messages?phone=" + phone.replace("+", "%2B")).body())) {
				if ("OUT".equals(message.path("direction").asString())) {
					out.add(message);
				}
			}
			assertThat(out).hasSizeGreaterThanOrEqualTo(count);
			holder[0] = out;
		});
		return holder[0];
	}

	static HttpResponse<String> sendFromPage(String phone, String channel, String text, byte[] photo)
			throws IOException, InterruptedException {
		String boundary = "sim-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		part(body, boundary, "phone", phone);
		part(body, boundary, "channel", channel);
		part(body, boundary, "text", text);
		if (photo != null) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\n"
					+ "Content-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(photo);
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/simulator/api/messages"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void part(ByteArrayOutputStream body, String boundary, String name, String value)
			throws IOException {
		body.write(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
	}

	static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
