package org.frontdoor.gateway.open311;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against every real catalog and response in the fixtures, served over
 * loopback HTTP exactly as captured.
 */
class Open311ClientRealDataTest {

	static WireMockServer server;

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

	static Stream<Arguments> catalogs() {
		return Stream.of(
				// file, content type, services, a code, its name, metadata, type, group
				Arguments.of("bloomington/services.json", "application/json", 53, "37", "Graffiti", true,
						Service.Type.REALTIME, "Cleanup & Sanitation"),
				Arguments.of("bloomington-sample/bloomington_services.json", "application/json", 46,
						"4e090d24992b941e78000027", "Graffiti", true, Service.Type.REALTIME, "Most Popular"),
				Arguments.of("chicago/service_codes.json", "application/json", 191, "4fd3b656e750846c53000004",
						"Pothole in Street Complaint", false, Service.Type.REALTIME, null),
				Arguments.of("helsinki/services.example.json", "application/json", 2, "246", "Roskaaminen", false,
						Service.Type.REALTIME, "Puhtaanapito"),
				Arguments.of("merton-uk/services.xml", "text/xml", 1, "GR", "Graffiti", true, Service.Type.BATCH,
						"Street Cleaning Problems or Weeds"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("catalogs")
	void readsEveryRealCatalog(String file, String contentType, int count, String code, String name, boolean metadata,
			Service.Type type, String group) {
		boolean xml = file.endsWith(".xml");
		server.stubFor(get(urlPathEqualTo("/v2/services." + (xml ? "xml" : "json")))
			.willReturn(aResponse().withHeader("Content-Type", contentType).withBody(Open311Fixtures.fixture(file))));
		Open311Client client = Open311Fixtures.client(server.baseUrl() + "/v2",
				xml ? Open311Properties.WireFormat.XML : Open311Properties.WireFormat.JSON);

		List<Service> services = client.services();

		assertThat(services).hasSize(count);
		assertThat(services).extracting(Service::code).doesNotHaveDuplicates().doesNotContainNull();
		Service service = services.stream().filter((s) -> s.code().equals(code)).findFirst().orElseThrow();
		assertThat(service.name()).isEqualTo(name);
		assertThat(service.metadata()).isEqualTo(metadata);
		assertThat(service.type()).isEqualTo(type);
		assertThat(service.group()).isEqualTo(group);
	}

	@Test
	void helsinkiKeywordsAreSplit() {
		server.stubFor(get(urlPathEqualTo("/v2/services.json"))
			.willReturn(aResponse().withBody(Open311Fixtures.fixture("helsinki/services.example.json"))));
		Service service = Open311Fixtures.client(server.baseUrl() + "/v2", Open311Properties.WireFormat.JSON)
			.services()
			.get(0);
		assertThat(service.keywords()).containsExactly("roska", "jäte");
	}

	@Test
	void mertonDefinitionKeepsAutomatedAttributesOutOfTheDialog() {
		server.stubFor(
				get(urlPathEqualTo("/v2/services/DF.xml")).willReturn(aResponse().withHeader("Content-Type", "text/xml")
					.withBody(Open311Fixtures.fixture("merton-uk/service.xml"))));
		ServiceDefinition definition = Open311Fixtures
			.client(server.baseUrl() + "/v2", Open311Properties.WireFormat.XML)
			.serviceDefinition("DF");

		assertThat(definition.serviceCode()).isEqualTo("DF");
		assertThat(definition.attributes()).extracting(ServiceAttribute::code)
			.containsExactly("fixmystreet_id", "easting", "northing", "closest_address", "service", "usrn");
		assertThat(definition.attribute("usrn").orElseThrow().automated()).isEqualTo("hidden_field");
		assertThat(definition.attribute("usrn").orElseThrow().required()).isTrue();
		assertThat(definition.attribute("easting").orElseThrow().datatype())
			.isEqualTo(ServiceAttribute.Datatype.NUMBER);
		assertThat(definition.attribute("fixmystreet_id").orElseThrow().variable()).isFalse();
		assertThat(definition.attribute("service").orElseThrow().values()).isEmpty();
		assertThat(definition.askable()).isEmpty();
	}

	@Test
	void sandboxDefinitionsReadWithListValues() {
		// the sandbox catalog shipped in main resources is a map of code -> definition
		server.stubFor(get(urlPathEqualTo("/v2/services/pothole.json")).willReturn(aResponse().withBody(
				"{\"service_code\":\"pothole\",\"attributes\":[{\"variable\":true,\"code\":\"size\",\"datatype\":\"singlevaluelist\","
						+ "\"required\":\"true\",\"order\":\"1\",\"description\":\"How big?\",\"values\":[{\"key\":1,\"name\":\"Small\"},"
						+ "{\"key\":\"large\",\"name\":\"Large\"}]},{\"variable\":false,\"code\":\"external_id\",\"datatype\":\"string\","
						+ "\"required\":false,\"order\":99}]}")));
		ServiceDefinition definition = Open311Fixtures
			.client(server.baseUrl() + "/v2", Open311Properties.WireFormat.JSON)
			.serviceDefinition("pothole");
		ServiceAttribute size = definition.attribute("size").orElseThrow();
		assertThat(size.datatype()).isEqualTo(ServiceAttribute.Datatype.SINGLEVALUELIST);
		assertThat(size.required()).isTrue();
		assertThat(size.values()).containsExactly(new AttributeValue("1", "Small"),
				new AttributeValue("large", "Large"));
		assertThat(definition.askable()).extracting(ServiceAttribute::code).containsExactly("size");
	}

	@Test
	void bloomingtonRequestsWithNullsZerosAndMedia() {
		server.stubFor(get(urlPathEqualTo("/v2/requests.json"))
			.willReturn(aResponse().withBody(Open311Fixtures.fixture("bloomington-sample/bloomington_requests.json"))));
		List<ServiceRequest> requests = Open311Fixtures
			.client(server.baseUrl() + "/v2", Open311Properties.WireFormat.JSON)
			.requests(RequestQuery.updatedAfter(Instant.parse("2012-05-01T00:00:00Z")));

		assertThat(requests).hasSize(21);
		assertThat(requests).filteredOn((r) -> r.status() == RequestStatus.CLOSED)
			.extracting(ServiceRequest::serviceRequestId)
			.containsExactly("4fbd14bbb1fe2c5214000000", "4fbd149cb1fe2cff13000000", "4fbd1463b1fe2cc40c000000");
		assertThat(requests).filteredOn((r) -> r.lat() == null).hasSize(8);
		ServiceRequest first = requests.get(0);
		assertThat(first.updatedAt()).isEqualTo(Instant.parse("2012-05-23T19:55:30Z"));
		assertThat(first.address()).isNull();
		assertThat(first.mediaUrl()).isNull();
		assertThat(requests.get(9).mediaUrl()).endsWith("/4fbd12bcb1fe2c1c7d000001/media.jpg");
		assertThat(requests.get(1).lat()).isEqualTo(39.146551871103);
		server.verify(getRequestedFor(urlPathEqualTo("/v2/requests.json")).withQueryParam("updated_after",
				equalTo("2012-05-01T00:00:00Z")));
	}

	@Test
	void helsinkiQuirks() {
		server.stubFor(get(urlPathEqualTo("/v2/requests.json"))
			.willReturn(aResponse().withBody(Open311Fixtures.fixture("helsinki/requests.example.json"))));
		server.stubFor(get(urlPathEqualTo("/v2/requests/8fmht6g1470b3qk8pthg.json"))
			.willReturn(aResponse().withBody(Open311Fixtures.fixture("helsinki/request_extensions.example.json"))));
		Open311Client client = Open311Fixtures.client(server.baseUrl() + "/v2", Open311Properties.WireFormat.JSON);

		List<ServiceRequest> requests = client.requests(RequestQuery.ids(List.of("8fmht6g1470b3qk8pthg", "x")));
		assertThat(requests).hasSize(2);
		ServiceRequest open = requests.get(0);
		assertThat(open.lat()).isEqualTo(60.21263634325148);
		assertThat(open.lon()).isEqualTo(25.077090230550745);
		assertThat(open.statusNotes()).isNull();
		assertThat(open.zipcode()).isNull();
		assertThat(open.address()).isNull();
		assertThat(requests.get(1).status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(requests.get(1).statusNotes()).startsWith("Kiitos ilmoituksestanne");

		ServiceRequest extended = client.request("8fmht6g1470b3qk8pthg").orElseThrow();
		assertThat(extended.updatedAt()).isEqualTo(Instant.parse("2013-05-15T05:55:09Z"));
		assertThat(extended.extendedAttributes()).containsEntry("detailed_status", "PROCESSED")
			.containsEntry("title", "Monttu tiessä");
	}

	@Test
	void mertonBatchPostAndTokenFlowInXml() {
		server.stubFor(
				post(urlPathEqualTo("/v2/requests.xml")).willReturn(aResponse().withHeader("Content-Type", "text/xml")
					.withBody(Open311Fixtures.fixture("merton-uk/requestpost.xml"))));
		server.stubFor(get(urlPathEqualTo("/v2/tokens/TOKEN.xml"))
			.willReturn(aResponse().withHeader("Content-Type", "text/xml")
				.withBody(Open311Fixtures.fixture("merton-uk/token.xml"))));
		Open311Client client = Open311Fixtures.client(Open311Fixtures.properties(server.baseUrl() + "/v2",
				Open311Properties.WireFormat.XML, "merton-key", "merton.gov.uk", java.time.Duration.ofSeconds(3)));

		NewServiceRequest request = NewServiceRequest.of("GR", 51.4, -0.19, "Graffiti on the bridge")
			.withAttribute("usrn", List.of("123"))
			.withAttribute("kinds", List.of("paint", "tag"));
		PostedRequest posted = client.post(request);

		assertThat(posted.token()).isEqualTo("TOKEN");
		assertThat(posted.serviceRequestId()).isNull();
		assertThat(client.token("TOKEN")).extracting(PostedRequest::serviceRequestId).containsExactly("ServiceID");
		server
			.verify(postRequestedFor(urlPathEqualTo("/v2/requests.xml")).withFormParam("api_key", equalTo("merton-key"))
				.withFormParam("jurisdiction_id", equalTo("merton.gov.uk"))
				.withFormParam("service_code", equalTo("GR"))
				.withFormParam("lat", equalTo("51.4"))
				.withFormParam("long", equalTo("-0.19"))
				.withFormParam("attribute[usrn]", equalTo("123"))
				.withFormParam("attribute[kinds][]", havingExactly("paint", "tag")));
		server.verify(getRequestedFor(urlPathEqualTo("/v2/tokens/TOKEN.xml")).withQueryParam("jurisdiction_id",
				equalTo("merton.gov.uk")));
	}

	@SuppressWarnings("unchecked")
	static Stream<Arguments> registry() {
		List<Map<String, Object>> servers = new Yaml()
			.load(new String(Open311Fixtures.fixture("open311-servers/servers.yml")));
		return servers.stream()
			.map((entry) -> Arguments.of(entry.get("name"), entry.get("base_url"), entry.get("jurisdiction_id")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("registry")
	void buildsUrlsForEveryRegisteredServer(String name, String baseUrl, Object jurisdiction) {
		// the real server's path and jurisdiction, served on loopback
		java.net.URI real = java.net.URI.create(baseUrl.trim());
		String path = (real.getPath() == null || real.getPath().isEmpty()) ? "/" : real.getPath();
		String expected = (path.endsWith("/") ? path : path + "/") + "services.json";
		server.stubFor(get(urlPathEqualTo(expected))
			.willReturn(aResponse().withBody(Open311Fixtures.fixture("bloomington/services.json"))));
		String jurisdictionId = (jurisdiction != null) ? jurisdiction.toString() : null;
		Open311Client client = Open311Fixtures.client(Open311Fixtures.properties(server.baseUrl() + path,
				Open311Properties.WireFormat.JSON, null, jurisdictionId, java.time.Duration.ofSeconds(3)));

		assertThat(client.services()).hasSize(53);
		if (jurisdictionId != null && !jurisdictionId.isBlank()) {
			server.verify(getRequestedFor(urlPathEqualTo(expected)).withQueryParam("jurisdiction_id",
					equalTo(jurisdictionId)));
		}
		else {
			assertThat(server.getAllServeEvents().get(0).getRequest().queryParameter("jurisdiction_id").isPresent())
				.isFalse();
		}
	}

}
