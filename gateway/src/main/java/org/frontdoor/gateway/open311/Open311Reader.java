package org.frontdoor.gateway.open311;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The tolerant reader of GeoReport v2 responses (blueprint §5). It sniffs JSON or XML
 * from the body whatever was asked for, and accepts what real backends write: integer or
 * string codes, {@code "true"} strings, missing or extra wrappers
 * ({@code <service_requests><request>} vs {@code <service_request>}, a bare object where
 * a list belongs), empty strings for absent values, string coordinates and (0,0) for "no
 * location", {@code zip_code} for {@code zipcode}, local times without zone,
 * {@code extended_attributes}, mySociety's {@code automated} attributes. It never throws
 * for a strange field; only a body that is not a GeoReport document at all (an HTML error
 * page, garbage) is {@link MalformedBodyException}.
 */
public class Open311Reader {

	private static final Pattern HTML = Pattern.compile("^\\s*<(!doctype\\s+html|html|head|body|title|h1|p|div)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");

	private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]XX");

	private final JsonMapper json;

	private final XmlMapper xml;

	private final StatusMapper statuses;

	private final ZoneId zone;

	public Open311Reader(StatusMapper statuses, ZoneId zone) {
		this.json = JsonMapper.builder().build();
		this.xml = XmlMapper.builder().build();
		this.statuses = statuses;
		this.zone = zone;
	}

	/**
	 * Parse a body into a tree, sniffing JSON or XML.
	 * @param body the bytes
	 * @return the tree (an empty array for an empty body)
	 * @throws MalformedBodyException for HTML pages and unreadable bodies
	 */
	public JsonNode tree(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1).strip();
		}
		if (text.isEmpty()) {
			return JsonNodeFactory.instance.arrayNode();
		}
		if (HTML.matcher(text).find()) {
			throw new MalformedBodyException("an HTML page instead of a GeoReport document");
		}
		try {
			char first = text.charAt(0);
			if (first == '<') {
				return this.xml.readTree(text);
			}
			if (first == '{' || first == '[') {
				return this.json.readTree(text);
			}
		}
		catch (JacksonException ex) {
			throw new MalformedBodyException(
					"unreadable " + ((text.charAt(0) == '<') ? "XML" : "JSON") + ": " + ex.getOriginalMessage());
		}
		throw new MalformedBodyException("neither JSON nor XML (starts with '" + preview(text) + "')");
	}

	/**
	 * Read a service list.
	 * @param tree the parsed body
	 * @return the services (entries without a code are skipped)
	 */
	public List<Service> services(JsonNode tree) {
		List<Service> services = new ArrayList<>();
		for (JsonNode node : items(tree, "services", "service")) {
			String code = text(node, "service_code");
			if (code == null) {
				continue;
			}
			String type = text(node, "type");
			services.add(new Service(code, orElse(text(node, "service_name"), code), text(node, "description"),
					bool(node, "metadata"), serviceType(type), keywords(node.get("keywords")), text(node, "group")));
		}
		return services;
	}

	/**
	 * Read a service definition.
	 * @param tree the parsed body
	 * @param requestedCode the code that was asked for (used when the body omits it)
	 * @return the definition
	 */
	public ServiceDefinition definition(JsonNode tree, String requestedCode) {
		JsonNode root = first(items(tree, "service_definition", "service_definitions"));
		if (root == null) {
			return new ServiceDefinition(requestedCode, List.of());
		}
		List<ServiceAttribute> attributes = new ArrayList<>();
		for (JsonNode node : items(root.get("attributes"), "attributes", "attribute")) {
			String code = text(node, "code");
			if (code == null) {
				continue;
			}
			String rawType = text(node, "datatype");
			List<AttributeValue> values = new ArrayList<>();
			for (JsonNode value : items(node.get("values"), "values", "value")) {
				String key = text(value, "key");
				if (key != null) {
					values.add(new AttributeValue(key, orElse(text(value, "name"), key)));
				}
			}
			Integer order = integer(node, "order");
			attributes.add(new ServiceAttribute(code, boolOr(node, "variable", true), datatype(rawType), rawType,
					bool(node, "required"), text(node, "datatype_description"), (order != null) ? order : 0,
					text(node, "description"), List.copyOf(values), text(node, "automated")));
		}
		return new ServiceDefinition(orElse(text(root, "service_code"), requestedCode), attributes);
	}

	/**
	 * Read service requests.
	 * @param tree the parsed body
	 * @return the requests (entries without an id are skipped)
	 */
	public List<ServiceRequest> requests(JsonNode tree) {
		List<ServiceRequest> requests = new ArrayList<>();
		for (JsonNode node : items(tree, "service_requests", "requests", "request", "service_request")) {
			String id = text(node, "service_request_id");
			if (id == null) {
				continue;
			}
			String raw = text(node, "status");
			Double lat = number(node, "lat");
			Double lon = number(node, "long");
			if (lat == null || lon == null || (lat == 0.0 && lon == 0.0)) {
				lat = null;
				lon = null;
			}
			requests.add(new ServiceRequest(id, this.statuses.map(raw), raw, text(node, "status_notes"),
					text(node, "service_name"), text(node, "service_code"), text(node, "description"),
					text(node, "agency_responsible"), text(node, "service_notice"),
					instant(text(node, "requested_datetime")), instant(text(node, "updated_datetime")),
					instant(text(node, "expected_datetime")), text(node, "address"), text(node, "address_id"),
					orElse(text(node, "zipcode"), text(node, "zip_code")), lat, lon, mediaUrl(node.get("media_url")),
					text(node, "token"), flatten(node.get("extended_attributes"))));
		}
		return requests;
	}

	/**
	 * Read the answer to {@code POST requests} or {@code GET tokens/{token}}.
	 * @param tree the parsed body
	 * @return the entries (id and/or token)
	 */
	public List<PostedRequest> posted(JsonNode tree) {
		List<PostedRequest> posted = new ArrayList<>();
		for (JsonNode node : items(tree, "service_requests", "requests", "request", "service_request", "tokens")) {
			String id = text(node, "service_request_id");
			String token = text(node, "token");
			if (id != null || token != null) {
				posted.add(new PostedRequest(id, token, text(node, "service_notice"), text(node, "account_id")));
			}
		}
		return posted;
	}

	/**
	 * Read an error list ({@code [{code, description}]}, {@code <errors><error>}, or a
	 * bare object).
	 * @param tree the parsed body
	 * @return the errors
	 */
	public List<Open311Error> errors(JsonNode tree) {
		List<Open311Error> errors = new ArrayList<>();
		for (JsonNode node : items(tree, "errors", "error")) {
			String description = orElse(text(node, "description"), text(node, "message"));
			String code = text(node, "code");
			if (code != null || description != null) {
				errors.add(new Open311Error(code, description));
			}
		}
		return errors;
	}

	/**
	 * Read a discovery document.
	 * @param tree the parsed body
	 * @return the discovery
	 */
	public Discovery discovery(JsonNode tree) {
		JsonNode root = first(items(tree, "discovery"));
		if (root == null) {
			return new Discovery(null, null, null, List.of());
		}
		List<Discovery.Endpoint> endpoints = new ArrayList<>();
		for (JsonNode node : items(root.get("endpoints"), "endpoints", "endpoint")) {
			List<String> formats = new ArrayList<>();
			for (JsonNode format : items(node.get("formats"), "formats", "format")) {
				if (format.isValueNode() && !format.asString().isBlank()) {
					formats.add(format.asString().trim());
				}
			}
			endpoints.add(new Discovery.Endpoint(text(node, "specification"), text(node, "url"),
					text(node, "changeset"), text(node, "type"), List.copyOf(formats)));
		}
		return new Discovery(text(root, "changeset"), text(root, "contact"), text(root, "key_service"),
				List.copyOf(endpoints));
	}

	/**
	 * Parse a timestamp the way backends write them: ISO with offset or {@code Z},
	 * {@code +0300}, local time without zone (taken in the configured zone), a date, or
	 * epoch seconds/milliseconds.
	 * @param value the text, or {@code null}
	 * @return the instant, or {@code null} when absent or unreadable
	 */
	public Instant instant(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.trim();
		if (EPOCH.matcher(text).matches()) {
			long number = Long.parseLong(text);
			return (text.length() > 10) ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
		}
		String iso = (text.length() > 10 && text.charAt(10) == ' ') ? text.substring(0, 10) + 'T' + text.substring(11)
				: text;
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return OffsetDateTime.parse(iso, COMPACT_OFFSET).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(iso).atZone(this.zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDate.parse(iso).atStartOfDay(this.zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The entries of a list, whatever its wrapping: an array, an object wrapping it under
	 * one of the names, a bare object (one entry), or nothing.
	 * @param node the node
	 * @param wrappers element names that wrap entries
	 * @return the entries
	 */
	static List<JsonNode> items(JsonNode node, String... wrappers) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return List.of();
		}
		if (node.isArray()) {
			List<JsonNode> all = new ArrayList<>();
			for (JsonNode element : node) {
				all.addAll(items(element, wrappers));
			}
			return all;
		}
		if (node.isObject()) {
			for (String wrapper : wrappers) {
				JsonNode inner = node.get(wrapper);
				if (inner != null && (inner.isContainer() || inner.isNull() || inner.asString("").isBlank())) {
					return items(inner, wrappers);
				}
			}
			return List.of(node);
		}
		return List.of();
	}

	static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || value.isNull() || !value.isValueNode()) {
			return null;
		}
		String text = value.asString().trim();
		return text.isEmpty() ? null : text;
	}

	static boolean bool(JsonNode node, String field) {
		return boolOr(node, field, false);
	}

	static boolean boolOr(JsonNode node, String field, boolean fallback) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isNumber()) {
			return value.asInt() != 0;
		}
		String text = text(node, field);
		if (text == null) {
			return fallback;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "1", "yes", "y", "t" -> true;
			case "false", "0", "no", "n", "f" -> false;
			default -> fallback;
		};
	}

	static Double number(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.asDouble();
		}
		String text = text(node, field);
		if (text == null) {
			return null;
		}
		try {
			double parsed = Double.parseDouble(text.replace(',', '.'));
			return Double.isFinite(parsed) ? parsed : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static Integer integer(JsonNode node, String field) {
		Double value = number(node, field);
		return (value != null) ? (int) Math.round(value) : null;
	}

	private static String mediaUrl(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isValueNode()) {
			String text = node.asString().trim();
			return text.isEmpty() ? null : text;
		}
		// Some backends (Boston) write media as a list of objects with a url
		for (JsonNode element : items(node, "media_url", "media")) {
			String url = orElse(text(element, "url"), text(element, "media_url"));
			if (url != null) {
				return url;
			}
		}
		return null;
	}

	private static Map<String, String> flatten(JsonNode node) {
		if (node == null || !node.isObject()) {
			return Map.of();
		}
		Map<String, String> flat = new LinkedHashMap<>();
		for (String name : node.propertyNames()) {
			JsonNode value = node.get(name);
			if (value.isValueNode() && !value.isNull()) {
				flat.put(name, value.asString());
			}
			else if (value.isArray()) {
				List<String> parts = new ArrayList<>();
				value.forEach((element) -> {
					if (element.isValueNode()) {
						parts.add(element.asString());
					}
				});
				flat.put(name, String.join(",", parts));
			}
		}
		return Map.copyOf(flat);
	}

	private static List<String> keywords(JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		List<String> words = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((element) -> words.add(element.asString()));
		}
		else if (node.isValueNode()) {
			words.addAll(Arrays.asList(node.asString().split(",")));
		}
		return words.stream().map(String::trim).filter((word) -> !word.isEmpty()).toList();
	}

	private static Service.Type serviceType(String type) {
		if (type == null) {
			return Service.Type.REALTIME;
		}
		return switch (type.toLowerCase(Locale.ROOT)) {
			case "batch" -> Service.Type.BATCH;
			case "blackbox" -> Service.Type.BLACKBOX;
			default -> Service.Type.REALTIME;
		};
	}

	private static ServiceAttribute.Datatype datatype(String raw) {
		if (raw == null) {
			return ServiceAttribute.Datatype.STRING;
		}
		try {
			return ServiceAttribute.Datatype.valueOf(raw.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return ServiceAttribute.Datatype.UNKNOWN;
		}
	}

	private static JsonNode first(List<JsonNode> nodes) {
		return nodes.isEmpty() ? null : nodes.get(0);
	}

	private static String orElse(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	private static String preview(String text) {
		String head = text.substring(0, Math.min(20, text.length()));
		return head.replaceAll("\\s+", " ");
	}

	/** The body is not a GeoReport document at all. */
	public static class MalformedBodyException extends RuntimeException {

		public MalformedBodyException(String message) {
			super(message);
		}

	}

}
