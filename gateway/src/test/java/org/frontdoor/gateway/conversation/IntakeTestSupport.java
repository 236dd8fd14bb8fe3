package org.frontdoor.gateway.conversation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import org.frontdoor.channels.sms.twilio.TwilioSignature;
import org.frontdoor.gateway.testsupport.GatewayTestProperties;
import org.frontdoor.gateway.testsupport.PostgresTest;
import org.frontdoor.gateway.testsupport.SandboxRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole gateway on a real port, with the sandbox Open311 backend, real PostgreSQL,
 * the Twilio channel signed like Twilio, and WireMock standing in for Twilio's REST API.
 * Residents text in through the real webhook; tests read FrontDoor's replies from the
 * stub's journal and the requests from the sandbox's GeoReport API. Each test uses its
 * own phone numbers, so tests share one context.
 */
@SpringBootTest(classes = org.frontdoor.gateway.FrontDoorApplication.class,
		webEnvironment = WebEnvironment.DEFINED_PORT)
@PostgresTest
@Import(IntakeTestSupport.Clocks.class)
abstract class IntakeTestSupport {

	static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

	static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";

	static final String CITY_NUMBER = "+16175550100";

	static final String WHATSAPP_TEMPLATE = "HX0123456789abcdef0123456789abcdef";

	static final ZoneId CITY = ZoneId.of("America/New_York");

	static final int PORT = freePort();

	static final TwilioApiStub twilio = new TwilioApiStub();

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static {
		twilio.start();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String base = "http://localhost:" + PORT;
		GatewayTestProperties.intake(base + "/sandbox/open311/v2").forEach((k, v) -> registry.add(k, () -> v));
		registry.add("server.port", () -> PORT);
		registry.add("frontdoor.simulator.enabled", () -> "false");
		// the production quiet hours (the simulator profile, on by default, turns them
		// off)
		registry.add("frontdoor.relay.quiet-hours.start", () -> "21:00");
		registry.add("frontdoor.relay.quiet-hours.end", () -> "08:00");
		registry.add("frontdoor.channels.sms.twilio.enabled", () -> "true");
		registry.add("frontdoor.channels.sms.twilio.account-sid", () -> ACCOUNT_SID);
		registry.add("frontdoor.channels.sms.twilio.auth-token", () -> AUTH_TOKEN);
		registry.add("frontdoor.channels.sms.twilio.from-number", () -> CITY_NUMBER);
		registry.add("frontdoor.channels.sms.twilio.whatsapp-from", () -> "whatsapp:" + CITY_NUMBER);
		registry.add("frontdoor.channels.sms.twilio.public-base-url", () -> base);
		registry.add("frontdoor.channels.sms.twilio.api-base-url", twilio::baseUrl);
		registry.add("frontdoor.channels.sms.twilio.media.allowed-hosts", () -> "localhost");
		registry.add("frontdoor.channels.sms.twilio.media.allow-http-loopback", () -> "true");
		registry.add("frontdoor.channels.sms.twilio.whatsapp.templates.status-update", () -> WHATSAPP_TEMPLATE);
		registry.add("frontdoor.conversation.sweep-interval", () -> "1h");
		registry.add("frontdoor.conversation.order-wait", () -> "2s");
	}

	@AfterAll
	static void keepStubForOtherClasses() {
		// the stub lives as long as the JVM: test classes share the application context
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@BeforeEach
	void noon() {
		this.clock.nextLocal(LocalTime.NOON, CITY);
	}

	private static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic.AtomicInteger(
			new java.util.Random().nextInt(40_000));

	/** A resident number no other test of this JVM uses. */
	static String newNumber() {
		int n = NUMBERS.getAndIncrement();
		return String.format("+1857%03d01%02d", 200 + (n / 100) % 800, n % 100);
	}

	/**
	 * A captured Twilio body, re-addressed: test account, fresh message id, this resident
	 * and text.
	 * @param fixture the file under {@code /twilio/}
	 * @param from the resident ({@code +1…} or {@code whatsapp:+1…})
	 * @param body what they wrote
	 * @return the form
	 */
	static Map<String, String> form(String fixture, String from, String body) {
		Map<String, String> form = TwilioApiStub.parse(TwilioApiStub.resource(fixture).strip());
		String sid = ((form.getOrDefault("NumMedia", "0").equals("0")) ? "SM" : "MM")
				+ UUID.randomUUID().toString().replace("-", "");
		form.put("AccountSid", ACCOUNT_SID);
		for (String key : List.of("MessageSid", "SmsSid", "SmsMessageSid")) {
			if (form.containsKey(key)) {
				form.put(key, sid);
			}
		}
		form.put("From", from);
		form.put("To", from.startsWith("whatsapp:") ? "whatsapp:" + CITY_NUMBER : CITY_NUMBER);
		form.put("Body", body);
		return form;
	}

	/**
	 * An SMS from a resident.
	 * @param from the resident's number
	 * @param body the text
	 * @return the webhook's HTTP status
	 */
	static int text(String from, String body) {
		return post(form("sms_inbound_messaging_service_tollfree.form", from, body));
	}

	/**
	 * Sign a form like Twilio and post it to the webhook.
	 * @param form the parameters
	 * @return the HTTP status
	 */
	static int post(Map<String, String> form) {
		String url = "http://localhost:" + PORT + "/channels/twilio/messages";
		Map<String, List<String>> params = new LinkedHashMap<>();
		form.forEach((k, v) -> params.put(k, new ArrayList<>(List.of(v))));
		return postSigned(url, form, new TwilioSignature(AUTH_TOKEN).sign(url, params)).statusCode();
	}

	static HttpResponse<String> postSigned(String url, Map<String, String> form, String signature) {
		StringJoiner body = new StringJoiner("&");
		form.forEach((k, v) -> body
			.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (signature != null) {
			request.header(TwilioSignature.HEADER, signature);
		}
		return send(request.build());
	}

	/**
	 * Wait until FrontDoor has sent a number this many messages.
	 * @param to the resident as Twilio sees them
	 * @param count how many
	 * @return the bodies so far
	 */
	static List<String> awaitReplies(String to, int count) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(
					() -> assertThat(twilio.bodiesTo(to)).as("messages to " + to).hasSizeGreaterThanOrEqualTo(count));
		return twilio.bodiesTo(to);
	}

	/**
	 * The latest reply after waiting for the n-th one.
	 * @param to the resident
	 * @param n the reply's number (1 for the first)
	 * @return its body
	 */
	static String reply(String to, int n) {
		return awaitReplies(to, n).get(n - 1);
	}

	/**
	 * A request as the sandbox's GeoReport API shows it.
	 * @param id the service request id
	 * @return the request
	 */
	static JsonNode request(String id) {
		return SandboxRequests.request(PORT, id);
	}

	/**
	 * Change a request's status as city staff.
	 * @param id the request
	 * @param status {@code open} or {@code closed}
	 * @param notes the notes
	 */
	static void staffSets(String id, String status, String notes) {
		SandboxRequests.staffSets(PORT, id, status, notes);
	}

	/** The request id in a confirmation ("… #1042 …"). */
	static String requestId(String confirmation) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("#(\\d+)").matcher(confirmation);
		assertThat(m.find()).as("a request id in: " + confirmation).isTrue();
		return m.group(1);
	}

	/** How many sandbox requests a resident's number created. */
	long requestsFrom(String phone) {
		return this.jdbc.sql("select count(*) from sandbox_request where phone = :phone")
			.param("phone", phone)
			.query(Long.class)
			.single();
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		TestClock testClock() {
			return new TestClock();
		}

	}

}
