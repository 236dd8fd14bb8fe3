package org.frontdoor.gateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The bundled catalog is complete and consistent, and a broken catalog fails at start-up
 * with a message naming the problem.
 */
class SandboxCatalogTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void bundledCatalogIsCompleteAndConsistent() {
		SandboxCatalog catalog = new SandboxCatalog();
		assertThat(catalog.services()).hasSize(21);
		assertThat(catalog.services()).filteredOn((service) -> service.type() == ServiceType.BATCH)
			.extracting(SandboxService::code)
			.containsExactly("tree");
		assertThat(catalog.services()).allSatisfy((service) -> {
			assertThat(service.metadata()).isTrue();
			assertThat(catalog.attributes(service.code())).extracting(AttributeDefinition::code)
				.contains(SandboxCatalog.EXTERNAL_ID);
			assertThat(catalog.level(service.code()).agencyResponsible()).isNotBlank();
			assertThat(catalog.level(service.code()).serviceNotice()).isNotBlank();
		});
		Set<Datatype> required = catalog.services()
			.stream()
			.flatMap((service) -> catalog.attributes(service.code()).stream())
			.filter(AttributeDefinition::required)
			.map(AttributeDefinition::datatype)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Datatype.class)));
		assertThat(required).as("required attributes of each datatype a resident is asked for")
			.contains(Datatype.TEXT, Datatype.NUMBER, Datatype.DATETIME, Datatype.SINGLEVALUELIST,
					Datatype.MULTIVALUELIST);
		assertThat(catalog.discovery().formats()).containsExactly("text/xml", "application/json");
	}

	/** A breaking edit of the catalog files and the message it must produce. */
	static Stream<Arguments> brokenCatalogs() {
		return Stream.of(
				arguments("definition missing", edit((files) -> files.definitions().remove("noise")),
						"no definition for noise"),
				arguments("unknown datatype", edit((files) -> attribute(files, "pothole", 0).put("datatype", "color")),
						"pothole: size has an unknown datatype"),
				arguments("list without values", edit((files) -> attribute(files, "pothole", 0).remove("values")),
						"pothole: size needs values"),
				arguments("order used twice", edit((files) -> attribute(files, "pothole", 0).put("order", 99)),
						"order 99 used twice"),
				arguments("no external_id",
						edit((files) -> ((ArrayNode) files.definitions().path("sidewalk").path("attributes"))
							.removeAll()),
						"sidewalk: every service must define an optional string attribute"),
				arguments("service twice", edit((files) -> ((ArrayNode) files.services()).add(files.services().get(0))),
						"service_code pothole appears twice"),
				arguments("unknown type", edit((files) -> ((ObjectNode) files.services().get(0)).put("type", "fast")),
						"pothole has an unknown type"),
				arguments("service level missing", edit((files) -> files.levels().remove("tree")),
						"service-levels.json has no entry for tree"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenCatalogs")
	void brokenCatalogFailsFast(String name, Consumer<Files> edit, String message) {
		Files files = Files.bundled();
		edit.accept(files);
		assertThatIllegalStateException()
			.isThrownBy(
					() -> new SandboxCatalog(files.services(), files.definitions(), files.levels(), files.discovery()))
			.withMessageContaining(message);
	}

	private static Consumer<Files> edit(Consumer<Files> edit) {
		return edit;
	}

	private static ObjectNode attribute(Files files, String service, int index) {
		return (ObjectNode) files.definitions().path(service).path("attributes").get(index);
	}

	/** Mutable copies of the bundled catalog files. */
	record Files(JsonNode services, ObjectNode definitions, ObjectNode levels, JsonNode discovery) {

		static Files bundled() {
			return new Files(read("services.json"), (ObjectNode) read("service-definitions.json"),
					(ObjectNode) read("service-levels.json"), read("discovery.json"));
		}

		private static JsonNode read(String file) {
			try (InputStream in = new ClassPathResource("sandbox/" + file).getInputStream()) {
				return JSON.readTree(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
