package org.frontdoor.gateway.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The sandbox's service catalog, read once from {@code classpath:sandbox/}:
 * {@code services.json} (the service list), {@code service-definitions.json} (code →
 * definition), {@code service-levels.json} (agency, notice and expected time per service)
 * and {@code discovery.json}. The files are checked for consistency at start-up (every
 * service has a definition with an {@value #EXTERNAL_ID} attribute and a service level,
 * list attributes have values, orders are unique), so a broken edit fails fast.
 */
@Component
@Profile(SandboxProperties.PROFILE)
public class SandboxCatalog {

	/** The attribute every service defines for idempotent submissions. */
	public static final String EXTERNAL_ID = "external_id";

	private static final String LOCATION = "sandbox/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, SandboxService> services;

	private final Map<String, List<AttributeDefinition>> definitions;

	private final Map<String, ServiceLevel> levels;

	private final Discovery discovery;

	/**
	 * Read the catalog bundled with the gateway.
	 */
	public SandboxCatalog() {
		this(read("services.json"), read("service-definitions.json"), read("service-levels.json"),
				read("discovery.json"));
	}

	SandboxCatalog(JsonNode services, JsonNode definitions, JsonNode levels, JsonNode discovery) {
		this.services = readServices(services);
		this.definitions = readDefinitions(definitions, this.services.keySet());
		this.levels = readLevels(levels, this.services.keySet());
		this.discovery = readDiscovery(discovery);
	}

	/**
	 * Every service, in catalog order.
	 * @return the services
	 */
	public List<SandboxService> services() {
		return List.copyOf(this.services.values());
	}

	/**
	 * One service.
	 * @param code its {@code service_code}
	 * @return the service, or empty when the catalog has no such code
	 */
	public Optional<SandboxService> service(String code) {
		return Optional.ofNullable(this.services.get(code));
	}

	/**
	 * A service's attributes, by {@code order}.
	 * @param code a known {@code service_code}
	 * @return its attributes (empty for an unknown code)
	 */
	public List<AttributeDefinition> attributes(String code) {
		return this.definitions.getOrDefault(code, List.of());
	}

	/**
	 * How the simulated city handles a service.
	 * @param code a known {@code service_code}
	 * @return its service level
	 */
	public ServiceLevel level(String code) {
		ServiceLevel level = this.levels.get(code);
		if (level == null) {
			throw new IllegalArgumentException("Unknown service_code " + code);
		}
		return level;
	}

	/**
	 * The fixed parts of the discovery document.
	 * @return them
	 */
	public Discovery discovery() {
		return this.discovery;
	}

	private static JsonNode read(String file) {
		try (InputStream in = new ClassPathResource(LOCATION + file).getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the sandbox catalog file " + LOCATION + file, ex);
		}
	}

	private static Map<String, SandboxService> readServices(JsonNode list) {
		check(list.isArray() && !list.isEmpty(), "services.json must be a non-empty array");
		Map<String, SandboxService> services = new LinkedHashMap<>();
		for (JsonNode node : list) {
			String code = text(node, "service_code");
			check(code != null && !code.isBlank(), "services.json: a service without service_code");
			String name = text(node, "service_name");
			check(name != null && !name.isBlank(), "services.json: " + code + " has no service_name");
			ServiceType type = ServiceType.of(String.valueOf(text(node, "type")))
				.orElseThrow(() -> new IllegalStateException("services.json: " + code + " has an unknown type"));
			SandboxService service = new SandboxService(code, name, text(node, "description"),
					node.path("metadata").asBoolean(false), type, text(node, "keywords"), text(node, "group"));
			check(services.put(code, service) == null, "services.json: service_code " + code + " appears twice");
		}
		return services;
	}

	private static Map<String, List<AttributeDefinition>> readDefinitions(JsonNode map, Set<String> codes) {
		check(map.isObject(), "service-definitions.json must be an object keyed by service_code");
		Map<String, List<AttributeDefinition>> definitions = new LinkedHashMap<>();
		for (String code : map.propertyNames()) {
			check(codes.contains(code), "service-definitions.json: " + code + " is not in services.json");
			JsonNode definition = map.get(code);
			check(code.equals(text(definition, "service_code")),
					"service-definitions.json: " + code + " has another service_code inside");
			List<AttributeDefinition> attributes = new ArrayList<>();
			Set<String> attributeCodes = new HashSet<>();
			Set<Integer> orders = new HashSet<>();
			for (JsonNode node : definition.path("attributes")) {
				AttributeDefinition attribute = readAttribute(code, node);
				check(attributeCodes.add(attribute.code()), code + ": attribute " + attribute.code() + " twice");
				check(orders.add(attribute.order()), code + ": order " + attribute.order() + " used twice");
				attributes.add(attribute);
			}
			attributes.sort(Comparator.comparingInt(AttributeDefinition::order));
			check(attributes.stream()
				.anyMatch((attribute) -> attribute.code().equals(EXTERNAL_ID) && !attribute.required()
						&& attribute.datatype() == Datatype.STRING),
					code + ": every service must define an optional string attribute " + EXTERNAL_ID);
			definitions.put(code, List.copyOf(attributes));
		}
		for (String code : codes) {
			check(definitions.containsKey(code), "service-definitions.json has no definition for " + code);
		}
		return definitions;
	}

	private static AttributeDefinition readAttribute(String service, JsonNode node) {
		String code = text(node, "code");
		check(code != null && !code.isBlank(), service + ": an attribute without code");
		check(!code.contains("[") && !code.contains("]"), service + ": attribute code " + code + " has brackets");
		Datatype datatype = Datatype.of(String.valueOf(text(node, "datatype")))
			.orElseThrow(() -> new IllegalStateException(service + ": " + code + " has an unknown datatype"));
		List<ListValue> values = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (JsonNode value : node.path("values")) {
			String key = text(value, "key");
			check(key != null && keys.add(key), service + ": " + code + " has a missing or repeated key");
			values.add(new ListValue(key, text(value, "name")));
		}
		check(datatype.isList() != values.isEmpty(),
				service + ": " + code + (datatype.isList() ? " needs values" : " must not have values"));
		int order = node.path("order").asInt(0);
		check(order > 0, service + ": " + code + " needs a positive order");
		return new AttributeDefinition(node.path("variable").asBoolean(true), code, datatype,
				node.path("required").asBoolean(false), text(node, "datatype_description"), order,
				text(node, "description"), values);
	}

	private static Map<String, ServiceLevel> readLevels(JsonNode map, Set<String> codes) {
		Map<String, ServiceLevel> levels = new LinkedHashMap<>();
		for (String code : codes) {
			JsonNode node = map.path(code);
			check(node.isObject(), "service-levels.json has no entry for " + code);
			int days = node.path("expected_days").asInt(-1);
			check(days >= 0, "service-levels.json: " + code + " needs expected_days >= 0");
			levels.put(code, new ServiceLevel(text(node, "agency_responsible"), text(node, "service_notice"), days));
		}
		return levels;
	}

	private static Discovery readDiscovery(JsonNode node) {
		JsonNode endpoint = node.path("endpoint");
		List<String> formats = new ArrayList<>();
		endpoint.path("formats").forEach((format) -> formats.add(format.asString()));
		return new Discovery(text(node, "changeset"), text(node, "contact"), text(node, "key_service"),
				text(endpoint, "specification"), text(endpoint, "changeset"), text(endpoint, "type"), formats);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static void check(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalStateException("Sandbox catalog: " + problem);
		}
	}

	/**
	 * The fixed parts of {@code discovery.json}; the endpoint URL comes from the request.
	 *
	 * @param changeset when the catalog last changed
	 * @param contact who to ask
	 * @param keyService how to get an api_key
	 * @param specification the spec URL of the endpoint
	 * @param endpointChangeset when the endpoint last changed
	 * @param type {@code test} or {@code production}
	 * @param formats the content types served
	 */
	public record Discovery(String changeset, String contact, String keyService, String specification,
			String endpointChangeset, String type, List<String> formats) {

		public Discovery {
			formats = List.copyOf(formats);
		}

	}

}
