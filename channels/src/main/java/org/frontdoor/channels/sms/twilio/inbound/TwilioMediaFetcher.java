package org.frontdoor.channels.sms.twilio.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.channels.core.SharedLocation;
import org.frontdoor.channels.core.media.MediaSanitizer;
import org.frontdoor.channels.core.media.RejectedMedia;
import org.frontdoor.channels.core.media.SanitizeResult;
import org.frontdoor.channels.core.media.SanitizedImage;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a medium a resident sent by MMS or WhatsApp, sanitizes it and stores it.
 * Called by the gateway's asynchronous pipeline, never on the webhook thread.
 * <ul>
 * <li>the {@code MediaUrl} must be https (plain http only on loopback, when
 * {@code media.allow-http-loopback} is on) on a host of {@code media.allowed-hosts}; only
 * those hosts get the account credentials (HTTP basic);</li>
 * <li>redirects are followed by hand, at most {@code media.max-redirects}, only to
 * {@code media.allowed-hosts} or {@code media.redirect-hosts}; the CDN hosts get no
 * credentials (their URLs are pre-signed);</li>
 * <li>at most {@code media.max-bytes} are read, within {@code media.timeout} for the
 * whole download;</li>
 * <li>the bytes go through the {@link MediaSanitizer} (type by magic bytes, EXIF GPS
 * read, metadata stripped), then {@link MediaStore#save(byte[], String, String)}.</li>
 * </ul>
 * Failures are {@link TwilioMediaFetchException}s that say whether a retry can help.
 */
public final class TwilioMediaFetcher {

	private static final Logger log = LoggerFactory.getLogger(TwilioMediaFetcher.class);

	/** Closes body streams whose download outlives {@code media.timeout}. */
	private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "twilio-media-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private final TwilioProperties properties;

	private final MediaSanitizer sanitizer;

	private final MediaStore store;

	private final HttpClient http;

	private final String credentials;

	/**
	 * A fetcher.
	 * @param properties account credentials and {@code media.*} rules
	 * @param sanitizer the photo sanitizer (its policy's size limit applies too)
	 * @param store where sanitized media are kept
	 */
	public TwilioMediaFetcher(TwilioProperties properties, MediaSanitizer sanitizer, MediaStore store) {
		this.properties = properties;
		this.sanitizer = sanitizer;
		this.store = store;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.media().timeout())
			.build();
		this.credentials = "Basic " + Base64.getEncoder()
			.encodeToString((properties.accountSid() + ":" + properties.authToken()).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * What was stored.
	 *
	 * @param storedMediaId the {@link MediaStore} id
	 * @param contentType the sniffed content type
	 * @param size the sanitized size in bytes
	 * @param exifLocation the photo's EXIF GPS position, or {@code null}
	 */
	public record FetchedMedia(String storedMediaId, String contentType, long size, SharedLocation exifLocation) {

		/**
		 * The inbound medium updated with what FrontDoor now holds.
		 * @param original the medium as the webhook described it
		 * @return the same medium with stored id, sniffed type and EXIF location
		 */
		public InboundMedia applyTo(InboundMedia original) {
			return new InboundMedia(original.sourceUrl(), this.contentType, this.storedMediaId, original.filename(),
					this.exifLocation);
		}

	}

	/**
	 * Fetch, sanitize and store one medium of an inbound message.
	 * @param media the medium, with {@link InboundMedia#sourceUrl()} set by the webhook
	 * @return what was stored
	 * @throws TwilioMediaFetchException when it cannot be fetched or is refused
	 */
	public FetchedMedia fetch(InboundMedia media) throws TwilioMediaFetchException {
		return fetch(media.sourceUrl(), media.contentType());
	}

	/**
	 * Fetch, sanitize and store one medium.
	 * @param mediaUrl Twilio's {@code MediaUrlN}
	 * @param declaredContentType Twilio's {@code MediaContentTypeN}, or {@code null}
	 * @return what was stored
	 * @throws TwilioMediaFetchException when it cannot be fetched or is refused
	 */
	public FetchedMedia fetch(String mediaUrl, String declaredContentType) throws TwilioMediaFetchException {
		URI uri = parse(mediaUrl);
		if (!hostIn(uri, this.properties.media().allowedHosts())) {
			throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.FORBIDDEN_HOST,
					"media host " + uri.getHost() + " is not one of Twilio's", null);
		}
		Instant deadline = Instant.now().plus(this.properties.media().timeout());
		byte[] bytes = download(uri, deadline);
		SanitizeResult result = this.sanitizer.sanitize(bytes, declaredContentType);
		if (result instanceof RejectedMedia rejected) {
			throw new TwilioMediaFetchException(
					(rejected.reason() == RejectedMedia.Reason.TOO_LARGE) ? TwilioMediaFetchException.Reason.TOO_LARGE
							: TwilioMediaFetchException.Reason.REJECTED,
					rejected.reason() + ": " + rejected.detail(), null);
		}
		SanitizedImage image = (SanitizedImage) result;
		MediaStore.StoredMedia stored = this.store.save(image.bytes(), image.contentType(), filename(uri, image));
		log.info("Stored Twilio medium {} as {} ({} bytes, {} before sanitizing, exif location: {})", lastSegment(uri),
				stored.id(), image.bytes().length, image.originalSize(), image.exifLocation() != null);
		return new FetchedMedia(stored.id(), image.contentType(), image.bytes().length, image.exifLocation());
	}

	private byte[] download(URI start, Instant deadline) throws TwilioMediaFetchException {
		URI current = start;
		for (int hop = 0; hop <= this.properties.media().maxRedirects(); hop++) {
			Duration left = Duration.between(Instant.now(), deadline);
			if (left.isNegative() || left.isZero()) {
				throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.NETWORK,
						"media download took longer than " + this.properties.media().timeout(), null);
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(left).GET();
			if (hostIn(current, this.properties.media().allowedHosts())) {
				request.header("Authorization", this.credentials);
			}
			HttpResponse<InputStream> response = send(request.build());
			int status = response.statusCode();
			if (status >= 300 && status < 400 && status != 304) {
				close(response);
				String location = response.headers().firstValue("Location").orElse(null);
				if (location == null) {
					throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.TOO_MANY_REDIRECTS,
							"redirect " + status + " without a Location", null);
				}
				URI next = parse(current.resolve(location.strip()).toString());
				if (!hostIn(next, this.properties.media().allowedHosts())
						&& !hostIn(next, this.properties.media().redirectHosts())) {
					throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.FORBIDDEN_HOST,
							"media redirect to " + next.getHost() + ", which is not one of Twilio's hosts", null);
				}
				current = next;
				continue;
			}
			if (status != 200) {
				close(response);
				throw new TwilioMediaFetchException(reasonFor(status), "media download answered HTTP " + status, null);
			}
			return read(response, deadline);
		}
		throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.TOO_MANY_REDIRECTS,
				"more than " + this.properties.media().maxRedirects() + " redirects", null);
	}

	private HttpResponse<InputStream> send(HttpRequest request) throws TwilioMediaFetchException {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw network(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.NETWORK, "interrupted", ex);
		}
	}

	/**
	 * Read at most the limit, within the deadline: the request timeout only covers the
	 * response headers, so a watchdog closes the body stream when the deadline passes.
	 */
	private byte[] read(HttpResponse<InputStream> response, Instant deadline) throws TwilioMediaFetchException {
		long max = Math.min(this.properties.media().maxBytes().toBytes(), this.sanitizer.policy().maxBytes());
		long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
		if (declared > max) {
			close(response);
			throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.TOO_LARGE,
					"medium of " + declared + " bytes is over the limit of " + max, null);
		}
		long delay = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
		ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> close(response), delay, TimeUnit.MILLISECONDS);
		try (InputStream in = response.body()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (bytes.length > max) {
				throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.TOO_LARGE,
						"medium is over the limit of " + max + " bytes", null);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.NETWORK,
						"media download took longer than " + this.properties.media().timeout(), null);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw network(ex);
		}
		finally {
			watchdog.cancel(false);
		}
	}

	private TwilioMediaFetchException network(IOException ex) {
		String message = (ex instanceof HttpTimeoutException) ? "media download timed out"
				: "media download failed: " + ex.getClass().getSimpleName();
		return new TwilioMediaFetchException(TwilioMediaFetchException.Reason.NETWORK, message, ex);
	}

	private URI parse(String url) throws TwilioMediaFetchException {
		URI uri;
		try {
			uri = (url != null) ? URI.create(url.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			uri = null;
		}
		if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.BAD_URL,
					"media URL is not an absolute URL with a host", null);
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		boolean loopbackHttp = "http".equals(scheme) && this.properties.media().allowHttpLoopback()
				&& isLoopback(uri.getHost());
		if (!"https".equals(scheme) && !loopbackHttp) {
			throw new TwilioMediaFetchException(TwilioMediaFetchException.Reason.BAD_URL,
					"media URL must use https (got " + scheme + ")", null);
		}
		return uri;
	}

	/** Exact host names, or {@code *.suffix} for any sub-domain of suffix. */
	static boolean hostIn(URI uri, List<String> hosts) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		for (String allowed : hosts) {
			String pattern = allowed.strip().toLowerCase(Locale.ROOT);
			if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isLoopback(String host) {
		if ("localhost".equalsIgnoreCase(host)) {
			return true;
		}
		try {
			return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]") && InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static TwilioMediaFetchException.Reason reasonFor(int status) {
		if (status == 401 || status == 403) {
			return TwilioMediaFetchException.Reason.UNAUTHORIZED;
		}
		if (status == 404 || status == 410) {
			return TwilioMediaFetchException.Reason.NOT_FOUND;
		}
		if (status == 408 || status == 429 || status >= 500) {
			return TwilioMediaFetchException.Reason.UNAVAILABLE;
		}
		return TwilioMediaFetchException.Reason.REFUSED;
	}

	private static String filename(URI uri, SanitizedImage image) {
		String name = lastSegment(uri).replaceAll("[^A-Za-z0-9_-]", "");
		return (name.isEmpty() ? "media" : name) + "." + image.format().extension();
	}

	private static String lastSegment(URI uri) {
		String path = (uri.getPath() != null) ? uri.getPath() : "";
		int slash = path.lastIndexOf('/');
		return path.substring(slash + 1);
	}

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ex) {
			// nothing to keep from a body we do not read
		}
	}

}
