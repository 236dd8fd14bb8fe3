package org.frontdoor.gateway.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.frontdoor.channels.sms.twilio.TwilioSignature;

/**
 * Posts webhooks the way Twilio does: form-encoded, signed with the auth token over the
 * URL and the sorted parameters ({@code X-Twilio-Signature}), over real HTTP.
 */
public final class TwilioWebhooks {

	private final TwilioSignature signature;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/**
	 * A poster for one auth token.
	 * @param authToken the Twilio auth token
	 */
	public TwilioWebhooks(String authToken) {
		this.signature = new TwilioSignature(authToken);
	}

	/**
	 * Post a signed webhook.
	 * @param url the URL (exactly what is signed)
	 * @param params the form parameters, in order
	 * @return the response
	 * @throws IOException when the gateway cannot be reached
	 * @throws InterruptedException when interrupted
	 */
	public HttpResponse<String> post(String url, Map<String, String> params) throws IOException, InterruptedException {
		Map<String, List<String>> form = new LinkedHashMap<>();
		params.forEach((name, value) -> form.put(name, new ArrayList<>(List.of(value))));
		StringJoiner body = new StringJoiner("&");
		params.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.header(TwilioSignature.HEADER, this.signature.sign(url, form))
			.header("User-Agent", "TwilioProxy/1.1 (FrontDoor simulator)")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
