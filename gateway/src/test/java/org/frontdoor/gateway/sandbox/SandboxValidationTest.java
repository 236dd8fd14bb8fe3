package org.frontdoor.gateway.sandbox;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.frontdoor.gateway.sandbox.SandboxHttp.Form;
import org.frontdoor.gateway.sandbox.SandboxHttp.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every refusal of the sandbox API, as GeoReport error lists with the right HTTP status,
 * in JSON and XML: one table of bad submissions, one of bad queries and paths.
 */
class SandboxValidationTest extends SandboxHttpTests {

	/**
	 * Bad submissions: a change to a valid pothole (or other service) form, the status
	 * and the start of each expected error description.
	 */
	static Stream<Arguments> badSubmissions() {
		return Stream.of(
				arguments("missing api_key", edit((form) -> form.without("api_key")), 403, List.of("api_key: missing")),
				arguments("wrong api_key", edit((form) -> form.with("api_key", "guess")), 403,
						List.of("api_key: invalid")),
				arguments("missing service_code", edit((form) -> form.without("service_code")), 400,
						List.of("service_code: required")),
				arguments("unknown service_code", edit((form) -> form.with("service_code", "volcano")), 404,
						List.of("service_code: 'volcano' not found")),
				arguments("other jurisdiction", edit((form) -> form.add("jurisdiction_id", "cambridgema.gov")), 404,
						List.of("jurisdiction_id: 'cambridgema.gov' not found")),
				arguments("no location", edit((form) -> form.without("lat").without("long")), 400,
						List.of("location: send lat and long, address_string or address_id")),
				arguments("lat not a number", edit((form) -> form.with("lat", "north")), 400,
						List.of("lat: 'north' is not a number")),
				arguments("lat off the globe", edit((form) -> form.with("lat", "91")), 400,
						List.of("lat: must be between -90 and 90")),
				arguments("long off the globe", edit((form) -> form.with("long", "-180.5")), 400,
						List.of("long: must be between -180 and 180")),
				arguments("long not finite", edit((form) -> form.with("long", "NaN")), 400,
						List.of("long: must be between -180 and 180")),
				arguments("lat without long", edit((form) -> form.without("long").add("address_id", "A-17")), 400,
						List.of("long: lat and long must be sent together")),
				arguments("lat sent twice", edit((form) -> form.add("lat", "42.1")), 400,
						List.of("lat: sent more than once")),
				arguments("value not in the list", edit((form) -> form.add("attribute[size]", "huge")), 400,
						List.of("attribute[size]: 'huge' is not one of small, medium, large")),
				arguments("two values for a singlevaluelist",
						edit((form) -> form.add("attribute[size][]", "small").add("attribute[size][]", "large")), 400,
						List.of("attribute[size]: only one value allowed for a singlevaluelist")),
				arguments("attribute the service does not define", edit((form) -> form.add("attribute[color]", "red")),
						400, List.of("attribute[color]: not an attribute of service pothole")),
				arguments("required attribute missing", service("graffiti"), 400,
						List.of("attribute[surface]: required (What is the graffiti on?)")),
				arguments("every required attribute missing", service("abandoned-vehicle"), 400,
						List.of("attribute[vehicle]: required", "attribute[days_parked]: required")),
				arguments("number that is not a number",
						service("abandoned-vehicle", "attribute[vehicle]", "silver Civic", "attribute[days_parked]",
								"three"),
						400, List.of("attribute[days_parked]: not a number")),
				arguments("datetime that is not ISO 8601",
						service("leaf-blower", "attribute[observed_at]", "yesterday morning"), 400,
						List.of("attribute[observed_at]: not an ISO 8601 date/time")),
				arguments("multivaluelist with an unknown key",
						service("missed-pickup", "attribute[streams][]", "trash", "attribute[streams][]", "glass"), 400,
						List.of("attribute[streams]: 'glass' is not one of trash, recycling, compost, yard")),
				arguments("line break in a string", service("streetlight", "attribute[pole_number]", "12\n34"), 400,
						List.of("attribute[pole_number]: line breaks are not allowed in a string")),
				arguments("description over 4000 characters",
						edit((form) -> form.with("description", "x".repeat(4001))), 400,
						List.of("description: 4,000 characters at most (got 4,001)")),
				arguments("external_id over 255 characters",
						edit((form) -> form.with("attribute[external_id]", "e".repeat(256))), 400,
						List.of("attribute[external_id]: 255 characters at most")),
				arguments("malformed email", edit((form) -> form.add("email", "resident at example.com")), 400,
						List.of("email: not an email address")),
				arguments("media_url that is not a web URL",
						edit((form) -> form.add("media_url", "javascript:alert(1)")), 400,
						List.of("media_url: not an http(s) URL")),
				arguments("several problems at once",
						edit((form) -> form.without("lat").without("long").add("attribute[size]", "huge")), 400,
						List.of("location: send lat and long", "attribute[size]: 'huge' is not one of")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSubmissions")
	void badSubmissionIsRefusedWithAnErrorList(String name, UnaryOperator<Form> change, int status,
			List<String> expected) {
		Form form = change.apply(Form.pothole(UUID.randomUUID().toString()));
		Response json = this.http.postForm(API + "/requests.json", form);
		assertThat(json.status()).as(json.text()).isEqualTo(status);
		assertThat(json.contentType()).startsWith("application/json");
		assertThat(json.json()).hasSize(expected.size());
		assertThat(json.json()).allSatisfy((error) -> assertThat(error.path("code").asInt()).isEqualTo(status));
		for (int i = 0; i < expected.size(); i++) {
			assertThat(json.errorDescriptions().get(i)).startsWith(expected.get(i));
		}

		Response xml = this.http.postForm(API + "/requests.xml", form);
		assertThat(xml.status()).isEqualTo(status);
		assertThat(xml.contentType()).startsWith("text/xml");
		assertThat(xml.count("/errors/error")).isEqualTo(expected.size());
		assertThat(xml.xpath("/errors/error[1]/code")).isEqualTo(String.valueOf(status));
		assertThat(xml.xpath("/errors/error[1]/description")).startsWith(expected.getFirst());
	}

	@Test
	void limitsAreInclusive() {
		Form longest = Form.pothole(UUID.randomUUID().toString()).with("description", "x".repeat(4000));
		assertThat(this.http.postForm(API + "/requests.json", longest).status()).isEqualTo(200);
		Form corners = Form.pothole(UUID.randomUUID().toString()).with("lat", "-90").with("long", "180");
		assertThat(this.http.postForm(API + "/requests.json", corners).status()).isEqualTo(200);
		Form jurisdiction = Form.pothole(UUID.randomUUID().toString())
			.add("jurisdiction_id", "sandbox.frontdoor.local");
		assertThat(this.http.postForm(API + "/requests.json", jurisdiction).status()).isEqualTo(200);
		Form address = Form.pothole(UUID.randomUUID().toString())
			.without("lat")
			.without("long")
			.add("address_id", "MAR-1234");
		assertThat(this.http.postForm(API + "/requests.json", address).status()).isEqualTo(200);
	}

	@Test
	void emptyParametersCountAsAbsent() {
		Form form = Form.pothole(UUID.randomUUID().toString()).add("email", "").add("attribute[size]", "");
		assertThat(this.http.postForm(API + "/requests.json", form).status()).isEqualTo(200);
		Response noLocation = this.http.postForm(API + "/requests.json",
				Form.pothole(UUID.randomUUID().toString()).with("lat", "").with("long", " "));
		assertThat(noLocation.errorDescriptions()).singleElement().asString().startsWith("location:");
	}

	/** Bad reads: path, expected status, start of the first error description. */
	static Stream<Arguments> badReads() {
		return Stream.of(
				arguments(API + "/requests.json?status=pending", 400, "status: 'pending' is not open or closed"),
				arguments(API + "/requests.json?start_date=yesterday", 400, "start_date: 'yesterday' is not a W3C"),
				arguments(API + "/requests.json?updated_after=2026-13-01T00:00:00Z", 400, "updated_after: "),
				arguments(API + "/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400,
						"start_date/end_date: may not span more than 90 days"),
				arguments(API + "/requests.json?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", 400,
						"end_date: before start_date"),
				arguments(API + "/requests.json?jurisdiction_id=boston.gov", 404,
						"jurisdiction_id: 'boston.gov' not found"),
				arguments(API + "/services.json?jurisdiction_id=boston.gov", 404, "jurisdiction_id:"),
				arguments(API + "/requests/999999999.json", 404, "service_request_id: '999999999' not found"),
				arguments(API + "/requests/abc.json", 404, "service_request_id: 'abc' not found"),
				arguments(API + "/tokens/no-such-token.json", 404, "token: 'no-such-token' not found"),
				arguments(API + "/services/volcano.json", 404, "service_code: 'volcano' not found"),
				arguments(API + "/services.csv", 404, "path: no such resource"),
				arguments(API + "/nothing-here.json", 404, "path: no such resource"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badReads")
	void badReadIsAnErrorList(String path, int status, String description) {
		Response json = this.http.get(path);
		assertThat(json.status()).as(json.text()).isEqualTo(status);
		assertThat(json.errorDescriptions().getFirst()).startsWith(description);
		if (path.contains(".json")) {
			Response xml = this.http.get(path.replace(".json", ".xml"));
			assertThat(xml.status()).isEqualTo(status);
			assertThat(xml.xpath("/errors/error[1]/description")).startsWith(description);
		}
	}

	@Test
	void postMustBeAForm() {
		Response json = this.http.postJson(API + "/requests.json", "{\"service_code\":\"pothole\"}");
		assertThat(json.status()).isEqualTo(415);
		assertThat(json.errorDescriptions()).singleElement()
			.asString()
			.startsWith("Content-Type: POST requests must be application/x-www-form-urlencoded");
	}

	@Test
	void wrongMethodIsAnErrorList() {
		Response put = this.http.send("PUT", API + "/requests.xml");
		assertThat(put.status()).isEqualTo(405);
		assertThat(put.xpath("/errors/error/description")).startsWith("method: not supported");
	}

	private static UnaryOperator<Form> edit(UnaryOperator<Form> change) {
		return change;
	}

	private static UnaryOperator<Form> service(String code, String... attributes) {
		return (form) -> {
			Form changed = form.with("service_code", code);
			for (int i = 0; i < attributes.length; i += 2) {
				changed.add(attributes[i], attributes[i + 1]);
			}
			return changed;
		};
	}

}
