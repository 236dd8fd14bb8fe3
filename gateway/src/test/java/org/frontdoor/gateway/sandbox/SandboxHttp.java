package org.frontdoor.gateway.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the sandbox tests ({@link HttpClient} on loopback): the sandbox
 * is tested the way any GeoReport client would see it, not through FrontDoor's own
 * client.
 */
final class SandboxHttp {

	/** The sandbox API's path. */
	static final String API = "/sandbox/open311/v2";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	SandboxHttp(int port) {
		this.base = "http://localhost:" + port;
	}

	Response get(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
	}

	Response postForm(String path, Form form, String... headers) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(form.encoded())), headers);
	}

	Response postJson(String path, String json, String... headers) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), headers);
	}

	Response postMultipart(String path, Form form, String fileName, String contentType, byte[] file) {
		String boundary = "sandbox-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (String[] pair : form.pairs()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + pair[0] + "\"\r\n\r\n"
					+ pair[1] + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	Response send(String method, String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
	}

	private Response send(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<byte[]> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP call failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	/**
	 * HTTP basic credentials as header name/value.
	 * @param user the user
	 * @param password the password
	 * @return {@code Authorization}, {@code Basic …}
	 */
	static String[] basic(String user, String password) {
		return new String[] { "Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) };
	}

	static String[] staff() {
		return basic("staff", SandboxTest.STAFF_PASSWORD);
	}

	/** Form parameters in order, repeated names allowed. */
	static final class Form {

		private final List<String[]> pairs = new ArrayList<>();

		static Form of(String... namesAndValues) {
			Form form = new Form();
			for (int i = 0; i < namesAndValues.length; i += 2) {
				form.add(namesAndValues[i], namesAndValues[i + 1]);
			}
			return form;
		}

		/** A valid pothole submission with the sandbox key and a point in Cambridge. */
		static Form pothole(String externalId) {
			return of("api_key", SandboxProperties.DEFAULT_API_KEY, "service_code", "pothole", "lat", "42.3736", "long",
					"-71.1097", "description", "Deep pothole in the bike lane", "attribute[external_id]", externalId);
		}

		Form add(String name, String value) {
			this.pairs.add(new String[] { name, value });
			return this;
		}

		Form without(String name) {
			this.pairs.removeIf((pair) -> pair[0].equals(name));
			return this;
		}

		Form with(String name, String value) {
			return without(name).add(name, value);
		}

		List<String[]> pairs() {
			return this.pairs;
		}

		String encoded() {
			StringBuilder encoded = new StringBuilder();
			for (String[] pair : this.pairs) {
				if (!encoded.isEmpty()) {
					encoded.append('&');
				}
				encoded.append(URLEncoder.encode(pair[0], StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
			}
			return encoded.toString();
		}

		Form copy() {
			Form copy = new Form();
			this.pairs.forEach((pair) -> copy.add(pair[0], pair[1]));
			return copy;
		}

	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param contentType the Content-Type header
	 * @param location the Location header, or {@code null}
	 * @param body the body bytes
	 */
	record Response(int status, String contentType, String location, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		Document xml() {
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				return factory.newDocumentBuilder().parse(new ByteArrayInputStream(this.body));
			}
			catch (Exception ex) {
				throw new AssertionError("Not well-formed XML: " + text(), ex);
			}
		}

		String xpath(String expression) {
			try {
				return XPathFactory.newInstance().newXPath().evaluate(expression, xml());
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		}

		int count(String expression) {
			try {
				return ((NodeList) XPathFactory.newInstance()
					.newXPath()
					.evaluate(expression, xml(), XPathConstants.NODESET)).getLength();
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		}

		/** The error descriptions of a GeoReport JSON error list. */
		List<String> errorDescriptions() {
			List<String> descriptions = new ArrayList<>();
			json().forEach((error) -> descriptions.add(error.path("description").asString()));
			return descriptions;
		}

		Map<String, String> firstRequest() {
			JsonNode first = json().get(0);
			Map<String, String> fields = new LinkedHashMap<>();
			first.propertyNames()
				.forEach((name) -> fields.put(name, first.get(name).isNull() ? null : first.get(name).asString()));
			return fields;
		}

	}

}
