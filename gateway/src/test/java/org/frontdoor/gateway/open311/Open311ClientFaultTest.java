package org.frontdoor.gateway.open311;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every way a backend fails, and the policy the client attaches to it.
 */
class Open311ClientFaultTest {

	static WireMockServer server;

	static final String HTML = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";

	@BeforeAll
	static void start() {
		server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
	}

	static Stream<Arguments> postFailures() {
		return Stream.of(
				// name, response, kind, policy, ambiguous, error codes
				Arguments.of("400 JSON field errors",
						aResponse().withStatus(400)
							.withBody("[{\"code\":400,\"description\":\"lat/long required\"},"
									+ "{\"code\":\"attribute[size]\",\"description\":\"size is required\"}]"),
						Open311Exception.Kind.BAD_REQUEST, Open311Exception.Policy.PERMANENT, false,
						List.of("400", "attribute[size]")),
				Arguments.of("400 XML errors",
						aResponse().withStatus(400)
							.withHeader("Content-Type", "text/xml")
							.withBody("<?xml version=\"1.0\"?><errors><error><code>400</code>"
									+ "<description>service_code not found</description></error></errors>"),
						Open311Exception.Kind.BAD_REQUEST, Open311Exception.Policy.PERMANENT, false, List.of("400")),
				Arguments.of("400 bare object",
						aResponse().withStatus(400).withBody("{\"code\":\"email\",\"description\":\"invalid email\"}"),
						Open311Exception.Kind.BAD_REQUEST, Open311Exception.Policy.PERMANENT, false, List.of("email")),
				Arguments.of("401 bad key", aResponse().withStatus(401).withBody("Unauthorized"),
						Open311Exception.Kind.UNAUTHORIZED, Open311Exception.Policy.HALT, false, List.of()),
				Arguments.of("403 HTML page", aResponse().withStatus(403).withBody(HTML),
						Open311Exception.Kind.UNAUTHORIZED, Open311Exception.Policy.HALT, false, List.of()),
				Arguments.of("404", aResponse().withStatus(404).withBody("[{\"code\":404,\"description\":\"nope\"}]"),
						Open311Exception.Kind.NOT_FOUND, Open311Exception.Policy.PERMANENT, false, List.of("404")),
				Arguments.of("429", aResponse().withStatus(429).withHeader("Retry-After", "7"),
						Open311Exception.Kind.RATE_LIMITED, Open311Exception.Policy.RETRY, false, List.of()),
				Arguments.of("500 HTML page", aResponse().withStatus(500).withBody(HTML),
						Open311Exception.Kind.SERVER_ERROR, Open311Exception.Policy.RETRY, true, List.of()),
				Arguments.of("503", aResponse().withStatus(503).withBody(""), Open311Exception.Kind.SERVER_ERROR,
						Open311Exception.Policy.RETRY, true, List.of()),
				Arguments.of("200 HTML page", aResponse().withStatus(200).withBody(HTML),
						Open311Exception.Kind.MALFORMED_RESPONSE, Open311Exception.Policy.RETRY, true, List.of()),
				Arguments.of("200 truncated JSON",
						aResponse().withStatus(200).withBody("[{\"service_request_id\": \"1"),
						Open311Exception.Kind.MALFORMED_RESPONSE, Open311Exception.Policy.RETRY, true, List.of()),
				Arguments.of("200 garbage", aResponse().withStatus(200).withBody("OK thanks"),
						Open311Exception.Kind.MALFORMED_RESPONSE, Open311Exception.Policy.RETRY, true, List.of()),
				Arguments.of("200 without id or token", aResponse().withStatus(200).withBody("[{\"foo\":1}]"),
						Open311Exception.Kind.MALFORMED_RESPONSE, Open311Exception.Policy.RETRY, true, List.of()),
				Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
						Open311Exception.Kind.CONNECTION, Open311Exception.Policy.RETRY, true, List.of()),
				Arguments.of("read timeout", aResponse().withStatus(201).withFixedDelay(1500).withBody("[]"),
						Open311Exception.Kind.TIMEOUT, Open311Exception.Policy.RETRY, true, List.of()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("postFailures")
	void postFailureCarriesPolicy(String name, ResponseDefinitionBuilder response, Open311Exception.Kind kind,
			Open311Exception.Policy policy, boolean ambiguous, List<String> errorCodes) {
		server.stubFor(post(urlPathEqualTo("/v2/requests.json")).willReturn(response));
		Open311Client client = Open311Fixtures.client(Open311Fixtures.properties(server.baseUrl() + "/v2",
				Open311Properties.WireFormat.JSON, "key", null, Duration.ofMillis(700)));

		Open311Exception failure = catchThrowableOfType(Open311Exception.class,
				() -> client.post(NewServiceRequest.of("pothole", 42.37, -71.1, "hole")));

		assertThat(failure).as(name).isNotNull();
		assertThat(failure.kind()).isEqualTo(kind);
		assertThat(failure.policy()).isEqualTo(policy);
		assertThat(failure.ambiguous()).isEqualTo(ambiguous);
		assertThat(failure.errors()).extracting(Open311Error::code).containsExactlyElementsOf(errorCodes);
		if (name.equals("429")) {
			assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		}
	}

	@Test
	void aFailedGetIsNeverAmbiguous() {
		server.stubFor(get(urlPathEqualTo("/v2/requests.json")).willReturn(aResponse().withStatus(503)));
		Open311Exception failure = catchThrowableOfType(Open311Exception.class,
				() -> Open311Fixtures.client(server.baseUrl() + "/v2", Open311Properties.WireFormat.JSON)
					.requests(RequestQuery.ids(List.of("1"))));
		assertThat(failure.policy()).isEqualTo(Open311Exception.Policy.RETRY);
		assertThat(failure.ambiguous()).isFalse();
	}

	@Test
	void connectionRefusedIsRetryableAndNotAmbiguous() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Open311Client client = Open311Fixtures.client("http://localhost:" + closedPort + "/v2",
				Open311Properties.WireFormat.JSON);
		Open311Exception failure = catchThrowableOfType(Open311Exception.class,
				() -> client.post(NewServiceRequest.of("pothole", 42.37, -71.1, "hole")));
		assertThat(failure.kind()).isEqualTo(Open311Exception.Kind.CONNECTION);
		assertThat(failure.policy()).isEqualTo(Open311Exception.Policy.RETRY);
		assertThat(failure.ambiguous()).isFalse();
	}

	@Test
	void autoFormatFallsBackToXmlWhenJsonIsNotServed() {
		server.stubFor(get(urlPathEqualTo("/v2/services.json")).willReturn(aResponse().withStatus(404).withBody(HTML)));
		server.stubFor(
				get(urlPathEqualTo("/v2/services.xml")).willReturn(aResponse().withHeader("Content-Type", "text/xml")
					.withBody(Open311Fixtures.fixture("merton-uk/services.xml"))));
		Open311Client client = Open311Fixtures.client(server.baseUrl() + "/v2", Open311Properties.WireFormat.AUTO);

		assertThat(client.services()).extracting(Service::code).containsExactly("GR");
		assertThat(client.speaksXml()).isTrue();
	}

	@Test
	void idListsAreSentInChunksOfFifty() {
		server.stubFor(get(urlPathEqualTo("/v2/requests.json")).willReturn(aResponse().withBody("[]")));
		List<String> ids = java.util.stream.IntStream.rangeClosed(1, 120).mapToObj(Integer::toString).toList();
		Open311Fixtures.client(server.baseUrl() + "/v2", Open311Properties.WireFormat.JSON)
			.requests(RequestQuery.ids(ids));
		List<String> sent = server.getAllServeEvents()
			.stream()
			.map((event) -> event.getRequest().queryParameter("service_request_id").firstValue())
			.toList();
		assertThat(sent).hasSize(3);
		assertThat(sent).allSatisfy((list) -> assertThat(list.split(",").length).isLessThanOrEqualTo(50));
		assertThat(sent.stream().flatMap((list) -> Stream.of(list.split(","))).toList())
			.containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void multipartMediaUploadWhenEnabled() {
		server.stubFor(post(urlPathEqualTo("/v2/requests.json"))
			.willReturn(aResponse().withBody("[{\"service_request_id\":\"77\"}]")));
		Open311Properties base = Open311Fixtures.properties(server.baseUrl() + "/v2", Open311Properties.WireFormat.JSON,
				"key", null, Duration.ofSeconds(3));
		Open311Properties upload = new Open311Properties(base.baseUrl(), base.apiKey(), base.jurisdictionId(),
				base.format(), base.connectTimeout(), base.readTimeout(), base.catalogRefresh(), base.catalogRetry(),
				false, true, "external_id", base.timeZone(), base.statusMap());
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 };
		Open311Client client = new Open311Client(upload, upload::baseUrl,
				new Open311Reader(new StatusMapper(java.util.Map.of()), upload.timeZone()),
				(id) -> java.util.Optional.of(new Open311Client.MediaLoader.Media(jpeg, "image/jpeg", "p.jpg")));
		NewServiceRequest request = new NewServiceRequest("pothole", 42.0, -71.0, null, null, "hole", null,
				"http://localhost/media/x", "media-id", null, null, null, null, null, null);

		assertThat(client.post(request).serviceRequestId()).isEqualTo("77");
		var sent = server.getAllServeEvents().get(0).getRequest();
		assertThat(sent.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
		assertThat(sent.getPart("media").getBody().asBytes()).isEqualTo(jpeg);
		assertThat(sent.getPart("service_code").getBody().asString()).isEqualTo("pothole");
	}

	@Test
	void statusTableMapsRawValuesAndKeepsThem() {
		StatusMapper mapper = new StatusMapper(java.util.Map.of("Awaiting Parts", "open", "Work Done", "closed"));
		assertThat(mapper.map("closed")).isEqualTo(RequestStatus.CLOSED);
		assertThat(mapper.map("IN_PROCESS")).isEqualTo(RequestStatus.OPEN);
		assertThat(mapper.map("PROCESSED")).isEqualTo(RequestStatus.CLOSED);
		assertThat(mapper.map("work done")).isEqualTo(RequestStatus.CLOSED);
		assertThat(mapper.map("something new")).isEqualTo(RequestStatus.OPEN);
		assertThat(mapper.map(null)).isEqualTo(RequestStatus.OPEN);
	}

	@Test
	void timestampsInTheFormsBackendsWrite() {
		Open311Reader reader = new Open311Reader(new StatusMapper(java.util.Map.of()),
				java.time.ZoneId.of("America/New_York"));
		assertThat(reader.instant("2012-05-23T15:55:28-04:00")).hasToString("2012-05-23T19:55:28Z");
		assertThat(reader.instant("2013-05-02T11:02:07+0300")).hasToString("2013-05-02T08:02:07Z");
		assertThat(reader.instant("2024-01-05 10:00:00")).hasToString("2024-01-05T15:00:00Z");
		assertThat(reader.instant("2024-07-05T10:00:00.123Z")).hasToString("2024-07-05T10:00:00.123Z");
		assertThat(reader.instant("2024-07-05")).hasToString("2024-07-05T04:00:00Z");
		assertThat(reader.instant("1700000000")).hasToString("2023-11-14T22:13:20Z");
		assertThat(reader.instant("not a date")).isNull();
		assertThat(reader.instant("")).isNull();
	}

}
