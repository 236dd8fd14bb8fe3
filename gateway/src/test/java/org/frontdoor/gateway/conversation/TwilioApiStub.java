package org.frontdoor.gateway.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * WireMock standing in for Twilio's REST API on loopback: {@code POST …/Messages.json}
 * answers like Twilio (a {@code 201} with a fresh {@code sid}), media URLs serve test
 * photos, and failures can be queued (429, 500). Tests read what FrontDoor sent from its
 * journal.
 */
final class TwilioApiStub {

	static final String MESSAGES = "/2010-04-01/Accounts/" + IntakeTestSupport.ACCOUNT_SID + "/Messages.json";

	private final WireMockServer server = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));

	void start() {
		this.server.start();
		reset();
	}

	void stop() {
		this.server.stop();
	}

	String baseUrl() {
		return "http://localhost:" + this.server.port();
	}

	/** Twilio accepts every message. */
	void reset() {
		this.server.resetAll();
		this.server.stubFor(WireMock.post(WireMock.urlPathEqualTo(MESSAGES))
			.atPriority(10)
			.willReturn(WireMock.aResponse()
				.withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(resource("message_created.json").replace("SM3e5a7c9b1d2f4e6a8c0b2d4f6a8c0e13",
						"SM{{randomValue length=32 type='HEXADECIMAL'}}"))));
	}

	/**
	 * The next sends to a number fail with these statuses, in order, then succeed.
	 * @param to the resident's number as Twilio sees it ({@code +1…})
	 * @param statuses HTTP statuses (429 or 500)
	 */
	void failNext(String to, int... statuses) {
		String scenario = "fail-" + to;
		String state = com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
		for (int i = 0; i < statuses.length; i++) {
			String next = "after-" + i;
			this.server.stubFor(WireMock.post(WireMock.urlPathEqualTo(MESSAGES))
				.atPriority(1)
				.withRequestBody(WireMock.containing("To=" + encode(to)))
				.inScenario(scenario)
				.whenScenarioStateIs(state)
				.willSetStateTo(next)
				.willReturn(WireMock.aResponse()
					.withStatus(statuses[i])
					.withHeader("Content-Type", "application/json")
					.withHeader("Retry-After", "0")
					.withBody(resource((statuses[i] == 429) ? "error_20429.json" : "error_20500.json"))));
			state = next;
		}
	}

	/**
	 * Serve a photo at a Twilio-like media path (basic auth required, as Twilio does).
	 * @param path the path
	 * @param bytes the photo
	 * @param contentType its type
	 */
	void media(String path, byte[] bytes, String contentType) {
		this.server.stubFor(WireMock.get(WireMock.urlPathEqualTo(path))
			.withBasicAuth(IntakeTestSupport.ACCOUNT_SID, IntakeTestSupport.AUTH_TOKEN)
			.willReturn(WireMock.aResponse().withHeader("Content-Type", contentType).withBody(bytes)));
	}

	/**
	 * The messages FrontDoor posted to a number, oldest first (failed attempts included).
	 * @param to the number as Twilio sees it ({@code +1…} or {@code whatsapp:+1…})
	 * @return each request's form
	 */
	List<Map<String, String>> sentTo(String to) {
		List<Map<String, String>> sent = new ArrayList<>();
		for (LoggedRequest request : this.server
			.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(MESSAGES)))) {
			Map<String, String> form = parse(request.getBodyAsString());
			if (to.equals(form.get("To"))) {
				sent.add(form);
			}
		}
		return sent;
	}

	/**
	 * The bodies FrontDoor posted to a number.
	 * @param to the number as Twilio sees it
	 * @return the bodies, oldest first
	 */
	List<String> bodiesTo(String to) {
		return sentTo(to).stream().map((form) -> form.getOrDefault("Body", "")).toList();
	}

	static Map<String, String> parse(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (!pair.isEmpty()) {
				String[] parts = pair.split("=", 2);
				form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return form;
	}

	static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String resource(String name) {
		return new String(bytes("/twilio/" + name), StandardCharsets.UTF_8);
	}

	static byte[] bytes(String path) {
		try (InputStream in = TwilioApiStub.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
