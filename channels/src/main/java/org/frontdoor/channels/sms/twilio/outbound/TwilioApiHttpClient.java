package org.frontdoor.channels.sms.twilio.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Twilio SDK's HTTP transport, on the JDK's {@link java.net.http.HttpClient}, with
 * two changes:
 * <ul>
 * <li>the origin of every REST API URL ({@code https://api.twilio.com}, regional and edge
 * {@code api.*.twilio.com} hosts included) is replaced by the configured
 * {@code api-base-url}, keeping path, query and the account's basic auth, so tests
 * (WireMock) and a local Twilio-compatible simulator can stand in for Twilio — the SDK
 * has no base-URL setting of its own;</li>
 * <li>no in-memory retries: one request per call. Retries belong to the durable outbound
 * outbox (blueprint §3.3), which gets the {@code Retry-After} header of the last response
 * on this thread from {@link #lastRetryAfter()}.</li>
 * </ul>
 * Connection failures and timeouts become the SDK's {@link ApiConnectionException}.
 */
public final class TwilioApiHttpClient extends HttpClient {

	private static final ThreadLocal<String> LAST_RETRY_AFTER = new ThreadLocal<>();

	private final URI apiBase;

	private final Duration timeout;

	private final java.net.http.HttpClient http;

	/**
	 * A transport for one API origin.
	 * @param apiBase the origin to send every API request to, e.g.
	 * {@code https://api.twilio.com} or {@code http://localhost:8089}
	 * @param timeout connect and response timeout
	 */
	public TwilioApiHttpClient(URI apiBase, Duration timeout) {
		this.apiBase = apiBase;
		this.timeout = timeout;
		this.http = java.net.http.HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(Redirect.NEVER)
			.build();
	}

	/**
	 * The {@code Retry-After} header of the last response received on this thread.
	 * @return the raw header value, or {@code null}
	 */
	public static String lastRetryAfter() {
		return LAST_RETRY_AFTER.get();
	}

	@Override
	public Response reliableRequest(Request request) {
		return makeRequest(request);
	}

	@Override
	public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
		return makeRequest(request);
	}

	@Override
	public Response makeRequest(Request request) {
		LAST_RETRY_AFTER.remove();
		URI target = rewrite(request.constructURL());
		HttpRequest.Builder builder = HttpRequest.newBuilder(target)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.header("User-Agent", "FrontDoor (twilio-java 13)");
		if (request.requiresAuthentication()) {
			builder.header("Authorization", request.getAuthString());
		}
		for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
			for (String value : header.getValue()) {
				builder.header(header.getKey(), value);
			}
		}
		builder.method(request.getMethod().toString(), body(request, builder));
		try {
			HttpResponse<String> response = this.http.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			response.headers().firstValue("Retry-After").ifPresent(LAST_RETRY_AFTER::set);
			List<Header> headers = new ArrayList<>();
			response.headers()
				.map()
				.forEach((name, values) -> values.forEach((v) -> headers.add(new BasicHeader(name, v))));
			return new Response(response.body(), response.statusCode(), headers.toArray(new Header[0]));
		}
		catch (HttpTimeoutException ex) {
			throw new ApiConnectionException("Twilio API timed out after " + this.timeout, ex);
		}
		catch (IOException ex) {
			throw new ApiConnectionException("Twilio API unreachable: " + ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiConnectionException("interrupted while calling the Twilio API", ex);
		}
	}

	private static HttpRequest.BodyPublisher body(Request request, HttpRequest.Builder builder) {
		String method = request.getMethod().toString();
		if (!"POST".equals(method) && !"PUT".equals(method)) {
			return HttpRequest.BodyPublishers.noBody();
		}
		if (request.getContentType() == EnumConstants.ContentType.JSON) {
			builder.header("Content-Type", "application/json");
			return HttpRequest.BodyPublishers.ofString(request.getBody(), StandardCharsets.UTF_8);
		}
		builder.header("Content-Type", "application/x-www-form-urlencoded");
		return HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8);
	}

	/** Same path and query, the configured scheme, host and port (and base path). */
	URI rewrite(URL original) {
		try {
			URI source = original.toURI();
			String host = (source.getHost() != null) ? source.getHost() : "";
			if (!host.startsWith("api.") || !host.endsWith(".twilio.com")) {
				return source; // other Twilio products keep their own hosts
			}
			String basePath = (this.apiBase.getRawPath() != null) ? this.apiBase.getRawPath() : "";
			if (basePath.endsWith("/")) {
				basePath = basePath.substring(0, basePath.length() - 1);
			}
			String query = (source.getRawQuery() != null) ? "?" + source.getRawQuery() : "";
			return URI.create(this.apiBase.getScheme() + "://" + this.apiBase.getRawAuthority() + basePath
					+ source.getRawPath() + query);
		}
		catch (URISyntaxException ex) {
			throw new ApiConnectionException("bad Twilio API URL", ex);
		}
	}

}
