package org.frontdoor.channels.sms.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Posts form bodies to the running test server over real HTTP on loopback. */
public final class WebhookClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	public WebhookClient(int port) {
		this.port = port;
	}

	/**
	 * POST a form, signed for {@code signedUrl} (or unsigned when null).
	 * @param pathAndQuery the request path on the test server, e.g.
	 * {@code /channels/twilio/messages}
	 * @param form the body parameters
	 * @param signedUrl the URL to sign for, or {@code null} to send no signature
	 * @param headers extra headers, name/value pairs
	 * @return the response
	 */
	public HttpResponse<String> post(String pathAndQuery, Map<String, List<String>> form, String signedUrl,
			String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
			.header("User-Agent", "TwilioProxy/1.1")
			.POST(HttpRequest.BodyPublishers.ofString(TwilioFixtures.encode(form)));
		if (signedUrl != null) {
			request.header("X-Twilio-Signature", TwilioFixtures.sign(signedUrl, form));
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** POST with an explicit signature header value. */
	public HttpResponse<String> postWithSignature(String path, Map<String, List<String>> form, String signature)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(TwilioFixtures.encode(form)))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
