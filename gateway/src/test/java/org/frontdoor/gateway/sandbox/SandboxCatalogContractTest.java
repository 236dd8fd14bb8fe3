package org.frontdoor.gateway.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.frontdoor.gateway.sandbox.SandboxHttp.Form;
import org.frontdoor.gateway.sandbox.SandboxHttp.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table-driven over the whole sandbox catalog: every service's definition is served in
 * both formats and parses into the spec's shape, a submission without its required
 * attributes is refused naming each of them, and a submission with a valid value of each
 * datatype is filed (an id for realtime services, a token for batch ones).
 */
class SandboxCatalogContractTest extends SandboxHttpTests {

	/** A valid value per datatype (list types use their first key). */
	private static final Map<Datatype, String> VALID = Map.of(Datatype.STRING, "A-1", Datatype.TEXT,
			"two lines\nof text", Datatype.NUMBER, "3", Datatype.DATETIME, "2026-11-21T08:00:00-05:00");

	static Stream<SandboxService> services() {
		return new SandboxCatalog().services().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("services")
	void definitionParsesInBothFormats(SandboxService service) {
		Response json = this.http.get(API + "/services/" + service.code() + ".json");
		assertThat(json.status()).isEqualTo(200);
		JsonNode definition = json.json();
		assertThat(definition.path("service_code").asString()).isEqualTo(service.code());
		List<Integer> orders = new ArrayList<>();
		for (JsonNode attribute : definition.path("attributes")) {
			assertThat(attribute.path("variable").isBoolean()).isTrue();
			assertThat(attribute.path("required").isBoolean()).isTrue();
			assertThat(attribute.path("order").isInt()).isTrue();
			orders.add(attribute.path("order").asInt());
			Datatype datatype = Datatype.of(attribute.path("datatype").asString()).orElseThrow();
			assertThat(attribute.has("values")).isEqualTo(datatype.isList());
			attribute.path("values").forEach((value) -> assertThat(value.path("key").asString()).isNotBlank());
		}
		assertThat(orders).isSorted().doesNotHaveDuplicates();
		assertThat(definition.path("attributes")).anySatisfy(
				(attribute) -> assertThat(attribute.path("code").asString()).isEqualTo(SandboxCatalog.EXTERNAL_ID));

		Response xml = this.http.get(API + "/services/" + service.code() + ".xml");
		assertThat(xml.xpath("/service_definition/service_code")).isEqualTo(service.code());
		assertThat(xml.count("/service_definition/attributes/attribute"))
			.isEqualTo(definition.path("attributes").size());
		assertThat(xml.count("/service_definition/attributes/attribute/values/value"))
			.isEqualTo(definition.path("attributes")
				.valueStream()
				.mapToInt((attribute) -> attribute.path("values").size())
				.sum());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("services")
	void requiredAttributesAreEnforcedAndValidValuesAccepted(SandboxService service) {
		JsonNode attributes = this.http.get(API + "/services/" + service.code() + ".json").json().path("attributes");
		List<String> required = new ArrayList<>();
		Form complete = base(service);
		for (JsonNode attribute : attributes) {
			String code = attribute.path("code").asString();
			Datatype datatype = Datatype.of(attribute.path("datatype").asString()).orElseThrow();
			if (attribute.path("required").asBoolean()) {
				required.add("attribute[" + code + "]: required");
			}
			if (code.equals(SandboxCatalog.EXTERNAL_ID)) {
				continue;
			}
			String value = datatype.isList() ? attribute.path("values").get(0).path("key").asString()
					: VALID.get(datatype);
			complete.add(datatype.isMultiValued() ? "attribute[" + code + "][]" : "attribute[" + code + "]", value);
		}

		Response bare = this.http.postForm(API + "/requests.json", base(service));
		if (required.isEmpty()) {
			assertThat(bare.status()).as(bare.text()).isEqualTo(200);
		}
		else {
			assertThat(bare.status()).isEqualTo(400);
			assertThat(bare.errorDescriptions()).hasSameSizeAs(required);
			for (int i = 0; i < required.size(); i++) {
				assertThat(bare.errorDescriptions().get(i)).startsWith(required.get(i));
			}
		}

		Response filed = this.http.postForm(API + "/requests.json", complete);
		assertThat(filed.status()).as(filed.text()).isEqualTo(200);
		JsonNode answer = filed.json().get(0);
		if (service.type() == ServiceType.BATCH) {
			assertThat(answer.has("service_request_id")).isFalse();
			assertThat(answer.path("token").asString()).matches("[0-9a-f]{32}");
		}
		else {
			assertThat(answer.has("token")).isFalse();
			assertThat(answer.path("service_request_id").asString()).matches("\\d+");
		}
		assertThat(answer.path("service_notice").asString()).isNotBlank();
	}

	private static Form base(SandboxService service) {
		return Form.pothole(UUID.randomUUID().toString()).with("service_code", service.code());
	}

}
