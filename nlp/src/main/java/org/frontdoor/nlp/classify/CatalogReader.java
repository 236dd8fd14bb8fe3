package org.frontdoor.nlp.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Reads a GeoReport v2 service list as real backends publish it: a JSON array, a JSON
 * object wrapping the array (any key), a single service object, or {@code services.xml}.
 * Tolerates integer codes, {@code "true"}/{@code "1"} booleans, keywords as a string or
 * an array, missing optional fields and a byte-order mark. Entries without a code or a
 * name are skipped with a note; duplicate codes keep the first. Never throws for bad
 * content: the {@link Result} says what went wrong.
 */
public final class CatalogReader {

	/** Files larger than this are refused. */
	public static final long MAX_BYTES = 16L * 1024 * 1024;

	private static final String[] CODE_FIELDS = { "service_code", "code", "serviceCode", "service_id", "id" };

	private static final String[] NAME_FIELDS = { "service_name", "name", "serviceName", "title" };

	private static final String[] DESCRIPTION_FIELDS = { "description", "desc", "service_description" };

	private static final String[] GROUP_FIELDS = { "group", "category", "groups", "service_group" };

	private final JsonMapper json = JsonMapper.builder().build();

	private final XmlMapper xml = XmlMapper.builder().build();

	/**
	 * Reads a catalog file.
	 * @param path the file ({@code .json} or {@code .xml}; the content decides)
	 * @return the catalog or the reason it could not be read
	 */
	public Result read(Path path) {
		try {
			long size = Files.size(path);
			if (size > MAX_BYTES) {
				return Result.failure("catalog file is " + size + " bytes, more than the limit of " + MAX_BYTES);
			}
			return parse(Files.readAllBytes(path));
		}
		catch (IOException | RuntimeException ex) {
			return Result.failure("cannot read catalog " + path + ": " + ex.getMessage());
		}
	}

	/**
	 * Parses catalog content.
	 * @param bytes the content (UTF-8 JSON or XML)
	 * @return the catalog or the reason it could not be read
	 */
	public Result parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8).strip();
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1).strip();
		}
		if (text.isEmpty()) {
			return Result.failure("catalog is empty");
		}
		JsonNode root;
		try {
			root = text.startsWith("<") ? this.xml.readTree(text) : this.json.readTree(text);
		}
		catch (RuntimeException ex) {
			return Result.failure("catalog is neither a JSON service list nor services.xml: " + firstLine(ex));
		}
		List<JsonNode> entries = new ArrayList<>();
		findServices(root, entries, 0);
		if (entries.isEmpty()) {
			return Result.failure("no services found in the catalog (expected a list of objects with "
					+ "service_code and service_name)");
		}
		List<String> problems = new ArrayList<>();
		Map<String, CatalogService> byCode = new LinkedHashMap<>();
		int index = 0;
		int numeric = 0;
		for (JsonNode entry : entries) {
			index++;
			JsonNode codeNode = entry.isObject() ? first(entry, CODE_FIELDS) : null;
			if (codeNode != null && codeNode.isNumber()) {
				numeric++;
			}
			CatalogService service = toService(entry, index, problems);
			if (service == null) {
				continue;
			}
			if (byCode.putIfAbsent(service.code(), service) != null) {
				problems.add("service #" + index + ": duplicate service_code '" + service.code() + "' ignored");
			}
		}
		if (numeric > 0) {
			problems.add(numeric + " numeric service_code" + ((numeric > 1) ? "s" : "") + " read as text");
		}
		if (byCode.isEmpty()) {
			return new Result(null, "no usable service in the catalog: " + String.join("; ", problems));
		}
		return new Result(new Catalog(List.copyOf(byCode.values()), problems), null);
	}

	private static String firstLine(Exception ex) {
		String m = String.valueOf(ex.getMessage());
		int nl = m.indexOf('\n');
		return (nl > 0) ? m.substring(0, nl) : m;
	}

	private static void findServices(JsonNode node, List<JsonNode> out, int depth) {
		if (node == null || depth > 5 || !out.isEmpty()) {
			return;
		}
		if (node.isArray()) {
			boolean any = false;
			for (JsonNode child : node) {
				if (looksLikeService(child)) {
					any = true;
					break;
				}
			}
			if (any) {
				for (JsonNode child : node) {
					out.add(child);
				}
				return;
			}
			for (JsonNode child : node) {
				findServices(child, out, depth + 1);
			}
			return;
		}
		if (node.isObject()) {
			if (looksLikeService(node)) {
				out.add(node);
				return;
			}
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				findServices(e.getValue(), out, depth + 1);
				if (!out.isEmpty()) {
					return;
				}
			}
		}
	}

	private static boolean looksLikeService(JsonNode node) {
		return node != null && node.isObject() && (node.has("service_code") || node.has("service_name"));
	}

	private static CatalogService toService(JsonNode entry, int index, List<String> problems) {
		if (!entry.isObject()) {
			problems.add("service #" + index + ": not an object, skipped");
			return null;
		}
		String code = text(first(entry, CODE_FIELDS));
		String name = text(first(entry, NAME_FIELDS));
		if (code.isBlank()) {
			problems
				.add("service #" + index + (name.isBlank() ? "" : " ('" + name + "')") + ": no service_code, skipped");
			return null;
		}
		if (name.isBlank()) {
			problems.add("service '" + code + "': no service_name, the code is used as its name");
			name = code;
		}
		List<String> keywords = new ArrayList<>();
		JsonNode kw = entry.get("keywords");
		if (kw != null && kw.isArray()) {
			for (JsonNode k : kw) {
				addKeywords(keywords, text(k));
			}
		}
		else {
			addKeywords(keywords, text(kw));
		}
		JsonNode meta = entry.get("metadata");
		boolean metadata = bool(meta);
		if (meta != null && !meta.isBoolean() && !meta.isNull()) {
			problems.add("service '" + code + "': metadata " + meta + " read as " + metadata);
		}
		return new CatalogService(code.strip(), name.strip(), text(first(entry, DESCRIPTION_FIELDS)).strip(), keywords,
				text(first(entry, GROUP_FIELDS)).strip(), metadata, text(entry.get("type")).strip());
	}

	private static void addKeywords(List<String> out, String raw) {
		for (String k : raw.split("[,;|]")) {
			if (!k.isBlank()) {
				out.add(k.strip());
			}
		}
	}

	private static JsonNode first(JsonNode entry, String[] fields) {
		for (String f : fields) {
			JsonNode n = entry.get(f);
			if (n != null && !n.isNull() && !text(n).isBlank()) {
				return n;
			}
		}
		return null;
	}

	static String text(JsonNode n) {
		if (n == null || n.isNull() || n.isMissingNode()) {
			return "";
		}
		if (n.isString()) {
			return n.stringValue();
		}
		if (n.isNumber() || n.isBoolean()) {
			return n.toString();
		}
		if (n.isArray()) {
			List<String> parts = new ArrayList<>();
			for (JsonNode c : n) {
				String t = text(c);
				if (!t.isBlank()) {
					parts.add(t);
				}
			}
			return String.join(", ", parts);
		}
		if (n.isObject()) {
			// XML elements with attributes come back as objects; an empty element as "".
			JsonNode inner = n.get("");
			return (inner != null) ? text(inner) : "";
		}
		return "";
	}

	private static boolean bool(JsonNode n) {
		if (n == null || n.isNull()) {
			return false;
		}
		if (n.isBoolean()) {
			return n.booleanValue();
		}
		if (n.isNumber()) {
			return n.intValue() != 0;
		}
		String t = text(n).strip().toLowerCase(Locale.ROOT);
		return t.equals("true") || t.equals("1") || t.equals("yes") || t.equals("y");
	}

	/**
	 * A catalog, or why there is none.
	 *
	 * @param catalog the catalog, or {@code null} on failure
	 * @param error the reason, or {@code null} on success
	 */
	public record Result(Catalog catalog, String error) {

		static Result failure(String error) {
			return new Result(null, error);
		}

		/**
		 * Whether a catalog was read.
		 * @return true on success
		 */
		public boolean ok() {
			return this.catalog != null;
		}

	}

}
