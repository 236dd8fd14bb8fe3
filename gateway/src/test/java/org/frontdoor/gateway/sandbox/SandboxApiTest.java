package org.frontdoor.gateway.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import org.frontdoor.gateway.sandbox.SandboxHttp.Form;
import org.frontdoor.gateway.sandbox.SandboxHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the sandbox's GeoReport v2 API over real HTTP, in JSON and XML, in
 * the spec's shapes.
 */
class SandboxApiTest extends SandboxHttpTests {

	@Autowired
	SandboxProperties sandbox;

	@Value("${frontdoor.open311.api-key}")
	String clientApiKey;

	@Value("${frontdoor.open311.base-url}")
	String clientBaseUrl;

	@Test
	void discoveryListsTheEndpointInBothFormats() {
		for (String path : List.of(API + "/discovery.json", "/sandbox/open311/discovery.json")) {
			Response json = this.http.get(path);
			assertThat(json.status()).isEqualTo(200);
			assertThat(json.contentType()).startsWith("application/json").containsIgnoringCase("charset=utf-8");
			JsonNode endpoint = json.json().path("endpoints").get(0);
			assertThat(endpoint.path("url").asString()).isEqualTo("http://localhost:" + this.port + API);
			assertThat(endpoint.path("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
			assertThat(endpoint.path("formats")).extracting(JsonNode::asString)
				.containsExactly("text/xml", "application/json");
		}
		Response xml = this.http.get(API + "/discovery.xml");
		assertThat(xml.contentType()).startsWith("text/xml").containsIgnoringCase("charset=utf-8");
		assertThat(xml.text()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
		assertThat(xml.xpath("/discovery/endpoints/endpoint/url")).endsWith(API);
		assertThat(xml.count("/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
	}

	@Test
	void servicesListTheCatalogInBothFormats() {
		Response json = this.http.get(API + "/services.json");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json()).hasSize(21);
		JsonNode tree = find(json.json(), "service_code", "tree");
		assertThat(tree.path("type").asString()).isEqualTo("batch");
		assertThat(tree.path("metadata").asBoolean()).isTrue();
		assertThat(tree.path("group").asString()).isEqualTo("Parks & Trees");
		assertThat(tree.propertyNames()).containsExactly("service_code", "service_name", "description", "metadata",
				"type", "keywords", "group");

		Response xml = this.http.get(API + "/services.xml");
		assertThat(xml.count("/services/service")).isEqualTo(21);
		assertThat(xml.xpath("/services/service[service_code='tree']/type")).isEqualTo("batch");
		assertThat(xml.xpath("/services/service[service_code='trash-overflow']/service_name"))
			.isEqualTo("Overflowing Public Trash/Recycling Receptacle");
		assertThat(xml.xpath("/services/service[service_code='graffiti']/group")).isEqualTo("Clean & Green");
	}

	@Test
	void serviceDefinitionsInBothFormats() {
		JsonNode json = this.http.get(API + "/services/pothole.json").json();
		assertThat(json.path("service_code").asString()).isEqualTo("pothole");
		JsonNode size = json.path("attributes").get(0);
		assertThat(size.path("code").asString()).isEqualTo("size");
		assertThat(size.path("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(size.path("values")).extracting((value) -> value.path("key").asString())
			.containsExactly("small", "medium", "large");
		assertThat(size.path("datatype_description").isNull()).isTrue();

		Response xml = this.http.get(API + "/services/missed-pickup.xml");
		assertThat(xml.xpath("/service_definition/service_code")).isEqualTo("missed-pickup");
		assertThat(xml.xpath("/service_definition/attributes/attribute[code='streams']/datatype"))
			.isEqualTo("multivaluelist");
		assertThat(xml.xpath("/service_definition/attributes/attribute[code='streams']/required")).isEqualTo("true");
		assertThat(xml.count("/service_definition/attributes/attribute[code='streams']/values/value/key")).isEqualTo(4);
		assertThat(xml.xpath("/service_definition/attributes/attribute[code='external_id']/variable"))
			.isEqualTo("false");
	}

	@Test
	void postAndGetARequestInJson() {
		String externalId = UUID.randomUUID().toString();
		Response created = this.http.postForm(API + "/requests.json",
				Form.pothole(externalId)
					.add("attribute[size]", "large")
					.add("email", "resident@example.com")
					.add("phone", "+16175550123")
					.add("address_string", "795 Massachusetts Ave, Cambridge"));
		assertThat(created.status()).isEqualTo(200);
		JsonNode answer = created.json().get(0);
		assertThat(answer.propertyNames()).containsExactly("service_request_id", "service_notice", "account_id");
		long id = Long.parseLong(answer.path("service_request_id").asString());
		assertThat(id).isGreaterThanOrEqualTo(1001);
		assertThat(answer.path("service_notice").asString()).contains("2 business days");

		Response fetched = this.http.get(API + "/requests/" + id + ".json");
		assertThat(fetched.status()).isEqualTo(200);
		JsonNode request = fetched.json().get(0);
		assertThat(request.propertyNames()).containsExactly("service_request_id", "status", "status_notes",
				"service_name", "service_code", "description", "agency_responsible", "service_notice",
				"requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
				"lat", "long", "media_url");
		assertThat(request.path("status").asString()).isEqualTo("open");
		assertThat(request.path("service_name").asString()).isEqualTo("Pothole");
		assertThat(request.path("agency_responsible").asString()).startsWith("Department of Public Works");
		assertThat(request.path("address").asString()).isEqualTo("795 Massachusetts Ave, Cambridge");
		assertThat(request.path("lat").asDouble()).isEqualTo(42.3736);
		assertThat(request.path("long").asDouble()).isEqualTo(-71.1097);
		assertThat(request.path("lat").isNumber()).isTrue();
		OffsetDateTime requested = OffsetDateTime.parse(request.path("requested_datetime").asString());
		OffsetDateTime expected = OffsetDateTime.parse(request.path("expected_datetime").asString());
		assertThat(request.path("requested_datetime").asString())
			.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}");
		assertThat(expected).isEqualTo(requested.plusDays(3));
		assertThat(fetched.text()).doesNotContain("resident@example.com").doesNotContain("5550123");
	}

	@Test
	void postAndGetARequestInXml() {
		Response created = this.http.postForm(API + "/requests.xml",
				Form.pothole(UUID.randomUUID().toString()).with("description", "Crater & <deep> \"hole\""));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.contentType()).startsWith("text/xml");
		String id = created.xpath("/service_requests/request/service_request_id");
		assertThat(id).matches("\\d+");
		assertThat(created.count("/service_requests/request/token")).isZero();
		assertThat(created.count("/service_requests/request/account_id")).isOne();

		Response fetched = this.http.get(API + "/requests/" + id + ".xml");
		assertThat(fetched.xpath("/service_requests/request/service_request_id")).isEqualTo(id);
		assertThat(fetched.xpath("/service_requests/request/status")).isEqualTo("open");
		assertThat(fetched.xpath("/service_requests/request/description")).isEqualTo("Crater & <deep> \"hole\"");
		assertThat(fetched.xpath("/service_requests/request/long")).isEqualTo("-71.1097");
		assertThat(fetched.count("/service_requests/request/zipcode")).isOne();
		assertThat(fetched.count("/service_requests/request/*")).isEqualTo(17);
	}

	@Test
	void utf8TextSurvivesTheRoundTrip() {
		String description = "Bache enorme en la calle — ¡peligroso! 🚲";
		String id = this.http
			.postForm(API + "/requests.json",
					Form.pothole(UUID.randomUUID().toString()).with("description", description))
			.json()
			.get(0)
			.path("service_request_id")
			.asString();
		assertThat(this.http.get(API + "/requests/" + id + ".json").json().get(0).path("description").asString())
			.isEqualTo(description);
		assertThat(this.http.get(API + "/requests/" + id + ".xml").xpath("/service_requests/request/description"))
			.isEqualTo(description);
	}

	@Test
	void listFiltersByIdsCodeStatusAndDates() {
		String first = create(Form.pothole(UUID.randomUUID().toString()));
		String second = create(Form.pothole(UUID.randomUUID().toString()));
		JsonNode byIds = this.http
			.get(API + "/requests.json?service_request_id=" + first + "," + second + ",999999,junk&status=closed")
			.json();
		assertThat(byIds).extracting((request) -> request.path("service_request_id").asString())
			.containsExactlyInAnyOrder(first, second);

		JsonNode potholes = this.http.get(API + "/requests.json?service_code=pothole,sidewalk&status=open").json();
		assertThat(potholes).extracting((request) -> request.path("service_request_id").asString())
			.contains(first, second);
		assertThat(potholes).allSatisfy((request) -> {
			assertThat(request.path("service_code").asString()).isIn("pothole", "sidewalk");
			assertThat(request.path("status").asString()).isEqualTo("open");
		});
		assertThat(this.http.get(API + "/requests.json?service_code=pothole&status=closed").json())
			.extracting((request) -> request.path("service_request_id").asString())
			.doesNotContain(first, second);

		assertThat(this.http.get(API + "/requests.json?start_date=2019-01-01T00:00:00Z&end_date=2019-02-01T00:00:00Z")
			.json()).isEmpty();
		// a bare date is a day in the city's time zone, which is not the test JVM's (UTC
		// here): between midnight UTC and midnight in Cambridge they are different days
		String today = OffsetDateTime.now(this.sandbox.timeZone()).toLocalDate().toString();
		assertThat(this.http.get(API + "/requests.json?start_date=" + today).json())
			.extracting((request) -> request.path("service_request_id").asString())
			.contains(first, second);
		assertThat(this.http.get(API + "/requests.xml?service_request_id=" + first)
			.xpath("/service_requests/request/service_request_id")).isEqualTo(first);
	}

	@Test
	void listDefaultsToTheLast90DaysAndAtMost1000Requests() {
		this.jdbc
			.sql("""
					insert into sandbox_request (service_code, description, requested_at, updated_at, published_at, lat, lon)
					select 'noise', 'bulk ' || n, timestamptz '2020-03-01 12:00:00+00' + n * interval '1 minute',
						timestamptz '2020-03-01 12:00:00+00' + n * interval '1 minute',
						timestamptz '2020-03-01 12:00:00+00' + n * interval '1 minute', 42.37, -71.11
					from generate_series(1, 1005) as n""")
			.update();
		JsonNode window = this.http
			.get(API + "/requests.json?start_date=2020-03-01T00:00:00Z&end_date=2020-03-31T00:00:00Z")
			.json();
		assertThat(window).hasSize(1000);
		assertThat(window.get(0).path("description").asString()).isEqualTo("bulk 1005");
		JsonNode recent = this.http.get(API + "/requests.json?service_code=noise").json();
		assertThat(recent)
			.noneSatisfy((request) -> assertThat(request.path("description").asString()).startsWith("bulk"));
	}

	@Test
	void changeFeedReturnsRequestsUpdatedInTheWindowOldestFirst() {
		String before = this.http.get(API + "/requests/" + create(Form.pothole(UUID.randomUUID().toString())) + ".json")
			.json()
			.get(0)
			.path("updated_datetime")
			.asString();
		String created = create(Form.pothole(UUID.randomUUID().toString()));
		JsonNode feed = this.http.get(API + "/requests.json?updated_after=" + encode(before)).json();
		List<String> ids = new ArrayList<>();
		List<OffsetDateTime> updated = new ArrayList<>();
		feed.forEach((request) -> {
			ids.add(request.path("service_request_id").asString());
			updated.add(OffsetDateTime.parse(request.path("updated_datetime").asString()));
		});
		assertThat(ids).contains(created);
		assertThat(updated).isSorted().allSatisfy((time) -> assertThat(time).isAfterOrEqualTo(before));
		assertThat(this.http.get(API + "/requests.json?updated_before=2000-01-01T00:00:00Z").json()).isEmpty();
		assertThat(this.http.get(API + "/requests.json?updated_after=2999-01-01T00:00:00-05:00").json()).isEmpty();
	}

	@Test
	void uploadedPhotoIsServedWithoutItsMetadata() throws Exception {
		byte[] photo = fixture("sandbox/iphone_photo_gps.jpg");
		assertThat(gps(photo)).as("the fixture carries GPS").isTrue();
		Response created = this.http.postMultipart(API + "/requests.json", Form.pothole(UUID.randomUUID().toString()),
				"IMG_0001.JPG", "image/jpeg", photo);
		assertThat(created.status()).as(created.text()).isEqualTo(200);
		String id = created.json().get(0).path("service_request_id").asString();
		String mediaUrl = this.http.get(API + "/requests/" + id + ".json").json().get(0).path("media_url").asString();
		assertThat(mediaUrl).startsWith("http://localhost:" + this.port + "/sandbox/open311/media/");

		Response media = this.http.get(mediaUrl.substring(("http://localhost:" + this.port).length()));
		assertThat(media.status()).isEqualTo(200);
		assertThat(media.contentType()).isEqualTo("image/jpeg");
		assertThat(media.body()[0] & 0xFF).isEqualTo(0xFF);
		assertThat(media.body()[1] & 0xFF).isEqualTo(0xD8);
		assertThat(gps(media.body())).as("GPS stripped").isFalse();
		assertThat(new String(media.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Resident Name");
	}

	@Test
	void uploadThatIsNotAnImageIsRefused() {
		Response refused = this.http.postMultipart(API + "/requests.json", Form.pothole(UUID.randomUUID().toString()),
				"page.html", "text/html", "<html><script>alert(1)</script></html>".getBytes());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorDescriptions()).singleElement().asString().startsWith("media: unsupported type");
	}

	@Test
	void mediaUrlOfTheClientIsKept() {
		String id = this.http
			.postForm(API + "/requests.json",
					Form.pothole(UUID.randomUUID().toString()).add("media_url", "https://example.org/p/1.jpg"))
			.json()
			.get(0)
			.path("service_request_id")
			.asString();
		assertThat(this.http.get(API + "/requests/" + id + ".json").firstRequest()).containsEntry("media_url",
				"https://example.org/p/1.jpg");
	}

	@Test
	void theEmbeddedClientConfigurationPointsAtTheSandboxWithAKeyItAccepts() {
		assertThat(this.clientBaseUrl).startsWith("http://localhost:").endsWith(API);
		Response created = this.http.postForm(API + "/requests.json",
				Form.pothole(UUID.randomUUID().toString()).with("api_key", this.clientApiKey));
		assertThat(created.status()).isEqualTo(200);
	}

	@Test
	void unknownMediaIs404() {
		assertThat(this.http.get("/sandbox/open311/media/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.http.get("/sandbox/open311/media/not-a-uuid").status()).isEqualTo(404);
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (node.path(field).asString().equals(value)) {
				return node;
			}
		}
		throw new AssertionError("no " + field + "=" + value);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static byte[] fixture(String path) throws IOException {
		try (InputStream in = SandboxApiTest.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
	}

	private static boolean gps(byte[] image) throws Exception {
		return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image))
			.getFirstDirectoryOfType(GpsDirectory.class) != null;
	}

}
