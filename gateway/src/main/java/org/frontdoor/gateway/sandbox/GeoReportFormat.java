package org.frontdoor.gateway.sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

/**
 * The two representations of the sandbox's GeoReport v2 API, chosen by the URL suffix
 * ({@code services.json}, {@code services.xml}), with the content types the spec asks
 * for.
 */
public enum GeoReportFormat {

	/** {@code application/json; charset=utf-8}. */
	JSON("json", new MediaType("application", "json", StandardCharsets.UTF_8)),

	/** {@code text/xml; charset=utf-8}, with an XML declaration. */
	XML("xml", new MediaType("text", "xml", StandardCharsets.UTF_8));

	/** The path pattern of a format suffix. */
	static final String PATTERN = "{format:json|xml}";

	private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

	private final String suffix;

	private final MediaType mediaType;

	GeoReportFormat(String suffix, MediaType mediaType) {
		this.suffix = suffix;
		this.mediaType = mediaType;
	}

	/**
	 * The URL suffix.
	 * @return {@code json} or {@code xml}
	 */
	public String suffix() {
		return this.suffix;
	}

	/**
	 * The response content type.
	 * @return the media type with {@code charset=utf-8}
	 */
	public MediaType mediaType() {
		return this.mediaType;
	}

	/**
	 * The format of a URL suffix.
	 * @param suffix {@code json} or {@code xml} (any case)
	 * @return the format, or empty
	 */
	public static Optional<GeoReportFormat> of(String suffix) {
		for (GeoReportFormat format : values()) {
			if (format.suffix.equals(suffix.toLowerCase(Locale.ROOT))) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	/**
	 * The format a request path asks for: XML for {@code ….xml}, JSON otherwise (errors
	 * on paths without a known suffix are written as JSON).
	 * @param path the request path
	 * @return the format
	 */
	public static GeoReportFormat ofPath(String path) {
		return path.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : JSON;
	}

	/**
	 * Write a body.
	 * @param body what to write
	 * @return UTF-8 bytes
	 */
	byte[] write(GeoReportBody body) {
		return (this == JSON) ? json(body) : xml(body);
	}

	private static byte[] json(GeoReportBody body) {
		JsonNode tree = switch (body) {
			case GeoReportBody.ListBody list -> {
				ArrayNode array = JsonNodeFactory.instance.arrayNode();
				list.items().forEach((item) -> array.add(jsonObject(item)));
				yield array;
			}
			case GeoReportBody.ObjectBody object -> jsonObject(object.fields());
		};
		return JSON_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
	}

	private static ObjectNode jsonObject(Map<String, ?> fields) {
		ObjectNode object = JsonNodeFactory.instance.objectNode();
		fields.forEach((name, value) -> object.set(name, jsonValue(value)));
		return object;
	}

	@SuppressWarnings("unchecked")
	private static JsonNode jsonValue(Object value) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		return switch (value) {
			case null -> nodes.nullNode();
			case String text -> nodes.stringNode(text);
			case Boolean flag -> nodes.booleanNode(flag);
			case Integer number -> nodes.numberNode(number);
			case Long number -> nodes.numberNode(number);
			case Double number -> nodes.numberNode(BigDecimal.valueOf(number));
			case BigDecimal number -> nodes.numberNode(number);
			case GeoReportBody.Repeated repeated -> {
				ArrayNode array = nodes.arrayNode();
				repeated.entries().forEach((entry) -> array.add(jsonValue(entry)));
				yield array;
			}
			case Map<?, ?> map -> jsonObject((Map<String, ?>) map);
			default -> throw new IllegalArgumentException("Unsupported value type " + value.getClass().getName());
		};
	}

	private static byte[] xml(GeoReportBody body) {
		XmlWriter xml = new XmlWriter();
		switch (body) {
			case GeoReportBody.ListBody list -> {
				xml.start(list.root());
				for (Map<String, Object> item : list.items()) {
					xml.start(list.item());
					writeFields(xml, item);
					xml.end();
				}
				xml.end();
			}
			case GeoReportBody.ObjectBody object -> {
				xml.start(object.root());
				writeFields(xml, object.fields());
				xml.end();
			}
		}
		return xml.bytes();
	}

	private static void writeFields(XmlWriter xml, Map<String, ?> fields) {
		for (Map.Entry<String, ?> field : fields.entrySet()) {
			writeElement(xml, field.getKey(), field.getValue());
		}
	}

	@SuppressWarnings("unchecked")
	private static void writeElement(XmlWriter xml, String name, Object value) {
		switch (value) {
			case null -> xml.empty(name);
			case GeoReportBody.Repeated repeated -> {
				if (repeated.entries().isEmpty()) {
					xml.empty(name);
					return;
				}
				xml.start(name);
				for (Object entry : repeated.entries()) {
					writeElement(xml, repeated.item(), entry);
				}
				xml.end();
			}
			case Map<?, ?> map -> {
				xml.start(name);
				writeFields(xml, (Map<String, ?>) map);
				xml.end();
			}
			default -> xml.text(name, scalar(value));
		}
	}

	private static String scalar(Object value) {
		return switch (value) {
			case Double number -> BigDecimal.valueOf(number).toPlainString();
			case BigDecimal number -> number.toPlainString();
			default -> value.toString();
		};
	}

	/**
	 * Writes schemaless XML as the spec shows it: the declaration, one element per line
	 * indented by two spaces, text escaped ({@code & < >}), element names from this class
	 * only.
	 */
	private static final class XmlWriter {

		private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");

		private final Deque<String> open = new ArrayDeque<>();

		void start(String name) {
			indent();
			this.out.append('<').append(name).append('>');
			this.open.push(name);
		}

		void end() {
			String name = this.open.pop();
			indent();
			this.out.append("</").append(name).append('>');
		}

		void empty(String name) {
			indent();
			this.out.append('<').append(name).append("/>");
		}

		void text(String name, String text) {
			indent();
			this.out.append('<').append(name).append('>');
			escape(text);
			this.out.append("</").append(name).append('>');
		}

		byte[] bytes() {
			return this.out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
		}

		private void indent() {
			this.out.append('\n').append("  ".repeat(this.open.size()));
		}

		/**
		 * Escape markup and drop characters XML 1.0 cannot carry at all (most control
		 * characters, lone surrogates): a resident's text must never make the whole
		 * document unreadable.
		 */
		private void escape(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '&' -> this.out.append("&amp;");
					case '<' -> this.out.append("&lt;");
					case '>' -> this.out.append("&gt;");
					default -> {
						if (Character.isHighSurrogate(c) && i + 1 < text.length()
								&& Character.isLowSurrogate(text.charAt(i + 1))) {
							this.out.append(c).append(text.charAt(++i));
						}
						else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
								|| (c >= 0xE000 && c <= 0xFFFD)) {
							this.out.append(c);
						}
					}
				}
			}
		}

	}

}
