package org.frontdoor.gateway.open311;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A GeoReport v2 client (blueprint §5): discovery, services, service definitions,
 * {@code POST requests} (form-encoded or multipart with {@code media}), tokens, and
 * {@code GET requests} by id lists (at most {@value #MAX_IDS_PER_CALL} per call) or
 * filters, in JSON or XML, with {@code api_key}, {@code jurisdiction_id} and
 * {@code extensions=true} when configured.
 * <p>
 * Every failure is an {@link Open311Exception} whose kind and policy come from tables:
 * timeouts, connection failures, 5xx, 429 and unreadable 2xx bodies are retryable; 400 is
 * permanent and keeps the backend's field errors; 401/403 halt the queue. A POST that may
 * have reached the backend before failing is flagged ambiguous.
 */
public class Open311Client {

	/** The most ids sent in one {@code GET requests}. */
	public static final int MAX_IDS_PER_CALL = 50;

	private static final Logger log = LoggerFactory.getLogger(Open311Client.class);

	private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final Open311Properties properties;

	private final Supplier<String> baseUrl;

	private final Open311Reader reader;

	private final HttpClient http;

	private final MediaLoader media;

	private volatile boolean xml;

	/**
	 * Create a client.
	 * @param properties the configuration
	 * @param baseUrl where the backend is (resolved at each call, so the built-in
	 * sandbox's port can be known only once the server started)
	 * @param reader the tolerant reader
	 * @param media loads stored media for multipart upload
	 */
	public Open311Client(Open311Properties properties, Supplier<String> baseUrl, Open311Reader reader,
			MediaLoader media) {
		this.properties = properties;
		this.baseUrl = baseUrl;
		this.reader = reader;
		this.media = media;
		this.xml = properties.format() == Open311Properties.WireFormat.XML;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/**
	 * The backend's discovery document at {@code <base>/discovery.<format>}.
	 * @return the discovery
	 */
	public Discovery discovery() {
		return discovery(URI.create(base() + "/discovery." + extension()));
	}

	/**
	 * A discovery document at an explicit URL (registries list them beside the base URL).
	 * @param url the URL
	 * @return the discovery
	 */
	public Discovery discovery(URI url) {
		return this.reader.discovery(get(url));
	}

	/**
	 * The service list.
	 * @return the services
	 */
	public List<Service> services() {
		return this.reader.services(getWithFormatFallback("services", Map.of()));
	}

	/**
	 * One service's definition.
	 * @param serviceCode the code
	 * @return the definition
	 */
	public ServiceDefinition serviceDefinition(String serviceCode) {
		return this.reader.definition(getWithFormatFallback("services/" + encodePath(serviceCode), Map.of()),
				serviceCode);
	}

	/**
	 * Create a service request.
	 * @param request what to create
	 * @return the backend's answer: an id, or a token
	 * @throws Open311Exception when it failed (see {@link Open311Exception#ambiguous()})
	 */
	public PostedRequest post(NewServiceRequest request) {
		List<Map.Entry<String, String>> fields = form(request);
		URI uri = URI.create(base() + "/requests." + extension());
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(this.properties.readTimeout())
			.header("Accept", accept());
		Optional<MediaLoader.Media> photo = (this.properties.mediaUpload() && request.mediaId() != null)
				? this.media.load(request.mediaId()) : Optional.empty();
		if (photo.isPresent()) {
			String boundary = "frontdoor-" + UUID.randomUUID();
			builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, photo.get())));
		}
		else {
			builder.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofString(urlEncode(fields)));
		}
		JsonNode tree = send(builder.build(), true);
		List<PostedRequest> posted = this.reader.posted(tree);
		if (posted.isEmpty()) {
			throw new Open311Exception(Open311Exception.Kind.MALFORMED_RESPONSE, 200,
					"POST requests answered without a service_request_id or token", true, null, null, null);
		}
		return posted.get(0);
	}

	/**
	 * Look a token up ({@code GET tokens/{token}}).
	 * @param token the token
	 * @return the entries; {@link PostedRequest#serviceRequestId()} is {@code null} while
	 * the backend has not created the request yet
	 */
	public List<PostedRequest> token(String token) {
		return this.reader.posted(getWithFormatFallback("tokens/" + encodePath(token), Map.of()));
	}

	/**
	 * One service request ({@code GET requests/{id}}).
	 * @param serviceRequestId the id
	 * @return the request, or empty when the backend does not know it
	 */
	public Optional<ServiceRequest> request(String serviceRequestId) {
		try {
			return this.reader
				.requests(getWithFormatFallback("requests/" + encodePath(serviceRequestId), extensionParams()))
				.stream()
				.findFirst();
		}
		catch (Open311Exception ex) {
			if (ex.kind() == Open311Exception.Kind.NOT_FOUND) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Query service requests. Id lists are split into calls of at most
	 * {@value #MAX_IDS_PER_CALL} ids.
	 * @param query the filters
	 * @return the requests
	 */
	public List<ServiceRequest> requests(RequestQuery query) {
		Map<String, String> params = new java.util.LinkedHashMap<>(extensionParams());
		if (!query.serviceCodes().isEmpty()) {
			params.put("service_code", String.join(",", query.serviceCodes()));
		}
		if (query.status() != null) {
			params.put("status", query.status().wire());
		}
		putDate(params, "start_date", query.startDate());
		putDate(params, "end_date", query.endDate());
		putDate(params, "updated_after", query.updatedAfter());
		putDate(params, "updated_before", query.updatedBefore());
		if (query.serviceRequestIds().isEmpty()) {
			return this.reader.requests(getWithFormatFallback("requests", params));
		}
		List<ServiceRequest> all = new ArrayList<>();
		List<String> ids = query.serviceRequestIds();
		for (int from = 0; from < ids.size(); from += MAX_IDS_PER_CALL) {
			Map<String, String> chunk = new java.util.LinkedHashMap<>(params);
			chunk.put("service_request_id",
					String.join(",", ids.subList(from, Math.min(ids.size(), from + MAX_IDS_PER_CALL))));
			all.addAll(this.reader.requests(getWithFormatFallback("requests", chunk)));
		}
		return all;
	}

	/**
	 * The base URL in use, without a trailing slash.
	 * @return the base URL
	 */
	public String base() {
		String url = this.baseUrl.get().trim();
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		return url;
	}

	/**
	 * Whether the client currently speaks XML.
	 * @return {@code true} for XML
	 */
	public boolean speaksXml() {
		return this.xml;
	}

	private JsonNode getWithFormatFallback(String path, Map<String, String> params) {
		try {
			return get(uri(path, params));
		}
		catch (Open311Exception ex) {
			boolean formatProblem = ex.kind() == Open311Exception.Kind.NOT_FOUND
					|| ex.kind() == Open311Exception.Kind.MALFORMED_RESPONSE
					|| ex.kind() == Open311Exception.Kind.REJECTED
					|| (ex.kind() == Open311Exception.Kind.BAD_REQUEST && ex.errors().isEmpty());
			if (this.properties.format() != Open311Properties.WireFormat.AUTO || this.xml || !formatProblem
					|| path.startsWith("requests/") || path.startsWith("tokens/")) {
				throw ex;
			}
			this.xml = true;
			try {
				JsonNode tree = get(uri(path, params));
				log.info("The Open311 backend answers XML only; switched the client to XML");
				return tree;
			}
			catch (Open311Exception xmlFailure) {
				this.xml = false;
				throw ex;
			}
		}
	}

	private JsonNode get(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.readTimeout())
			.header("Accept", accept())
			.GET()
			.build();
		return send(request, false);
	}

	private JsonNode send(HttpRequest request, boolean mutating) {
		long started = System.nanoTime();
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (HttpConnectTimeoutException ex) {
			throw new Open311Exception(Open311Exception.Kind.CONNECTION, 0, "connect timeout to the Open311 backend",
					false, null, null, ex);
		}
		catch (HttpTimeoutException ex) {
			throw new Open311Exception(Open311Exception.Kind.TIMEOUT, 0,
					"no answer from the Open311 backend within " + this.properties.readTimeout().toSeconds() + " s",
					mutating, null, null, ex);
		}
		catch (ConnectException ex) {
			throw new Open311Exception(Open311Exception.Kind.CONNECTION, 0,
					"cannot connect to the Open311 backend: " + ex.getMessage(), false, null, null, ex);
		}
		catch (IOException ex) {
			throw new Open311Exception(Open311Exception.Kind.CONNECTION, 0,
					"connection to the Open311 backend failed: " + ex, mutating, null, null, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Open311Exception(Open311Exception.Kind.CONNECTION, 0, "interrupted", mutating, null, null, ex);
		}
		int status = response.statusCode();
		if (log.isDebugEnabled()) {
			log.debug("Open311 {} {} -> {} in {} ms", request.method(), request.uri().getPath(), status,
					(System.nanoTime() - started) / 1_000_000);
		}
		if (status >= 200 && status < 300) {
			try {
				return this.reader.tree(response.body());
			}
			catch (Open311Reader.MalformedBodyException ex) {
				throw new Open311Exception(Open311Exception.Kind.MALFORMED_RESPONSE, status,
						"unreadable answer from the Open311 backend: " + ex.getMessage(), mutating, null, null, ex);
			}
		}
		throw failure(status, response, mutating);
	}

	private Open311Exception failure(int status, HttpResponse<byte[]> response, boolean mutating) {
		List<Open311Error> errors = List.of();
		String detail;
		try {
			errors = this.reader.errors(this.reader.tree(response.body()));
			detail = errors.stream()
				.map((error) -> ((error.code() != null) ? error.code() + ": " : "") + error.description())
				.collect(Collectors.joining("; "));
		}
		catch (Open311Reader.MalformedBodyException ex) {
			detail = ex.getMessage();
		}
		Open311Exception.Kind kind = kindOf(status);
		String message = "Open311 backend answered HTTP " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
		boolean ambiguous = mutating && kind == Open311Exception.Kind.SERVER_ERROR;
		return new Open311Exception(kind, status, message, ambiguous, errors, retryAfter(response), null);
	}

	static Open311Exception.Kind kindOf(int status) {
		return switch (status) {
			case 400, 422 -> Open311Exception.Kind.BAD_REQUEST;
			case 401, 403 -> Open311Exception.Kind.UNAUTHORIZED;
			case 404, 410 -> Open311Exception.Kind.NOT_FOUND;
			case 408, 429 -> Open311Exception.Kind.RATE_LIMITED;
			default -> (status >= 500) ? Open311Exception.Kind.SERVER_ERROR : Open311Exception.Kind.REJECTED;
		};
	}

	private static Duration retryAfter(HttpResponse<?> response) {
		Optional<String> header = response.headers().firstValue("Retry-After");
		if (header.isEmpty()) {
			return null;
		}
		String value = header.get().trim();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			try {
				ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(Instant.now(), when.toInstant());
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (RuntimeException unparseable) {
				return null;
			}
		}
	}

	private List<Map.Entry<String, String>> form(NewServiceRequest request) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		add(fields, "api_key", this.properties.apiKey());
		add(fields, "jurisdiction_id", this.properties.jurisdictionId());
		add(fields, "service_code", request.serviceCode());
		if (request.lat() != null && request.lon() != null) {
			add(fields, "lat", BigDecimal.valueOf(request.lat()).toPlainString());
			add(fields, "long", BigDecimal.valueOf(request.lon()).toPlainString());
		}
		add(fields, "address_string", request.addressString());
		add(fields, "address_id", request.addressId());
		add(fields, "email", request.email());
		add(fields, "device_id", request.deviceId());
		add(fields, "account_id", request.accountId());
		add(fields, "first_name", request.firstName());
		add(fields, "last_name", request.lastName());
		add(fields, "phone", request.phone());
		add(fields, "description", request.description());
		add(fields, "media_url", request.mediaUrl());
		request.attributes().forEach((code, values) -> {
			if (values.size() == 1) {
				add(fields, "attribute[" + code + "]", values.get(0));
			}
			else {
				values.forEach((value) -> add(fields, "attribute[" + code + "][]", value));
			}
		});
		return fields;
	}

	private static void add(List<Map.Entry<String, String>> fields, String name, String value) {
		if (value != null && !value.isBlank()) {
			fields.add(Map.entry(name, value));
		}
	}

	private static String urlEncode(List<Map.Entry<String, String>> fields) {
		return fields.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static byte[] multipart(String boundary, List<Map.Entry<String, String>> fields, MediaLoader.Media photo) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields) {
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		String filename = (photo.filename() != null) ? photo.filename().replaceAll("[\"\\r\\n]", "_") : "photo";
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + photo.contentType() + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(photo.bytes());
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private URI uri(String path, Map<String, String> params) {
		Map<String, String> all = new java.util.LinkedHashMap<>();
		if (this.properties.jurisdictionId() != null && !this.properties.jurisdictionId().isBlank()) {
			all.put("jurisdiction_id", this.properties.jurisdictionId());
		}
		all.putAll(params);
		String query = all.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return URI.create(base() + "/" + path + "." + extension() + (query.isEmpty() ? "" : "?" + query));
	}

	private Map<String, String> extensionParams() {
		return this.properties.extensions() ? Map.of("extensions", "true") : Map.of();
	}

	private static void putDate(Map<String, String> params, String name, Instant value) {
		if (value != null) {
			params.put(name, W3C.format(value.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
		}
	}

	private static String encodePath(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private String extension() {
		return this.xml ? "xml" : "json";
	}

	private String accept() {
		return this.xml ? "text/xml, application/xml;q=0.9, */*;q=0.1" : "application/json, text/xml;q=0.5, */*;q=0.1";
	}

	/** Loads stored media for multipart upload (the gateway's media store). */
	@FunctionalInterface
	public interface MediaLoader {

		/**
		 * Load media by FrontDoor's id.
		 * @param mediaId the id
		 * @return the media, or empty
		 */
		Optional<Media> load(String mediaId);

		/**
		 * Bytes to upload.
		 *
		 * @param bytes the bytes
		 * @param contentType their type
		 * @param filename a file name, or {@code null}
		 */
		record Media(byte[] bytes, String contentType, String filename) {

		}

	}

}
