package org.frontdoor.channels.sms.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One webhook request from Twilio, read once: the URL Twilio called (public base URL or,
 * when trusted, the reverse proxy's {@code X-Forwarded-*} headers) and the POST form
 * parameters (query parameters excluded: Twilio does not sign them as parameters, only as
 * part of the URL).
 *
 * @param url the URL Twilio called, with query string
 * @param form the POST form parameters in the order received
 * @param signature the {@code X-Twilio-Signature} header, or {@code null}
 */
public record TwilioWebhookRequest(String url, Map<String, List<String>> form, String signature) {

	/**
	 * The first value of a form parameter.
	 * @param name the parameter name
	 * @return the value, or {@code null} when absent
	 */
	public String first(String name) {
		List<String> values = this.form.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * The first non-blank value of a parameter, stripped.
	 * @param name the parameter name
	 * @return the value, or {@code null} when absent or blank
	 */
	public String text(String name) {
		String value = first(name);
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * Read a servlet request.
	 * @param request the request
	 * @param properties where the public base URL and forwarded-header trust come from
	 * @return the webhook request
	 */
	public static TwilioWebhookRequest from(HttpServletRequest request, TwilioProperties properties) {
		return new TwilioWebhookRequest(calledUrl(request, properties), formParameters(request),
				request.getHeader(TwilioSignature.HEADER));
	}

	/**
	 * The URL Twilio called: {@code X-Forwarded-Proto/Host/Port/Prefix} when trusted and
	 * present, else the configured public base URL, followed by the request path (after
	 * the servlet context path) and query string.
	 */
	static String calledUrl(HttpServletRequest request, TwilioProperties properties) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
		String forwardedHost = firstHeaderValue(request, "X-Forwarded-Host");
		if (properties.trustForwardedHeaders() && forwardedHost != null) {
			String proto = firstHeaderValue(request, "X-Forwarded-Proto");
			String scheme = (proto != null) ? proto.toLowerCase(Locale.ROOT) : request.getScheme();
			String port = firstHeaderValue(request, "X-Forwarded-Port");
			String host = forwardedHost;
			if (port != null && !host.contains(":") && !isDefaultPort(scheme, port)) {
				host = host + ":" + port;
			}
			String prefix = firstHeaderValue(request, "X-Forwarded-Prefix");
			prefix = (prefix != null) ? TwilioProperties.stripTrailingSlash(prefix) : "";
			return scheme + "://" + host + prefix + path + query;
		}
		return TwilioProperties.stripTrailingSlash(properties.publicBaseUrl().toString()) + path + query;
	}

	private static boolean isDefaultPort(String scheme, String port) {
		return ("https".equals(scheme) && "443".equals(port)) || ("http".equals(scheme) && "80".equals(port));
	}

	private static String firstHeaderValue(HttpServletRequest request, String name) {
		String value = request.getHeader(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		String first = value.split(",", 2)[0].strip();
		return first.isEmpty() ? null : first;
	}

	/** The servlet parameters minus the ones that came from the query string. */
	static Map<String, List<String>> formParameters(HttpServletRequest request) {
		Map<String, Integer> fromQuery = new HashMap<>();
		String query = request.getQueryString();
		if (query != null && !query.isEmpty()) {
			for (String pair : query.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
				fromQuery.merge(name, 1, Integer::sum);
			}
		}
		Map<String, List<String>> form = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
			int skip = fromQuery.getOrDefault(entry.getKey(), 0);
			String[] values = entry.getValue();
			if (values.length > skip) {
				// the servlet spec puts query-string values before body values
				form.put(entry.getKey(), new ArrayList<>(List.of(values).subList(skip, values.length)));
			}
		}
		return form;
	}

}
