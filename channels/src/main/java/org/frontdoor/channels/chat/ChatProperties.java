package org.frontdoor.channels.chat;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The web chat channel ({@code frontdoor.channels.chat.*}).
 *
 * @param allowedOrigins origins (scheme, host and port, e.g.
 * {@code https://www.cambridgema.gov}) whose pages may call the chat API from a browser;
 * the gateway's own origin is always allowed and {@code *} allows any (safe: the API uses
 * bearer tokens, never cookies); requests from any other origin get 403
 * @param sessionIdleTimeout how long a session lives after the resident's last message or
 * visit; after that its token stops working (410) and replies to it are refused
 * @param maxTextLength the longest message text accepted, in characters (413 above)
 * @param maxJsonSize the largest JSON request body accepted (413 above)
 * @param maxPhotoSize the largest photo accepted in a multipart message (413 above; the
 * multipart request may be up to this plus 64 KB of fields)
 * @param historyLimit how many past events a stream replays when the client does not say
 * where it stopped ({@code Last-Event-ID})
 * @param heartbeatInterval how often an idle event stream sends a comment line, so
 * proxies keep it open and dead clients are noticed; also the longest a missed
 * cross-instance notification can delay an event
 * @param maxStreamDuration how long one event stream stays open before the server ends
 * it; clients reconnect with {@code Last-Event-ID} and lose nothing
 * @param reconnectDelay the reconnection delay the stream tells clients to use
 * ({@code retry:})
 * @param defaultLocale the language of a session when the client does not ask for one
 * @param locales the languages a session may ask for
 * @param contentSecurityPolicy the {@code Content-Security-Policy} of the demo page and
 * the widget's own files ({@code /chat/**}); the API's responses always get
 * {@code default-src 'none'; frame-ancestors 'none'}
 * @param rateLimits request limits, counted in the database so they hold across instances
 */
@Validated
@ConfigurationProperties("frontdoor.channels.chat")
public record ChatProperties(@NotNull @DefaultValue List<@NotBlank String> allowedOrigins,
		@NotNull @DefaultValue("30d") Duration sessionIdleTimeout,
		@Min(1) @Max(100_000) @DefaultValue("2000") int maxTextLength,
		@NotNull @DefaultValue("16KB") DataSize maxJsonSize, @NotNull @DefaultValue("10MB") DataSize maxPhotoSize,
		@Min(1) @Max(10_000) @DefaultValue("500") int historyLimit,
		@NotNull @DefaultValue("20s") Duration heartbeatInterval,
		@NotNull @DefaultValue("30m") Duration maxStreamDuration, @NotNull @DefaultValue("3s") Duration reconnectDelay,
		@NotBlank @Pattern(regexp = "[a-z]{2}") @DefaultValue("en") String defaultLocale, @NotEmpty @DefaultValue( {
				"en", "es" }) List<@Pattern(regexp = "[a-z]{2}") String> locales,
		@NotBlank @DefaultValue(DEFAULT_CSP) String contentSecurityPolicy,
		@Valid @NotNull @DefaultValue RateLimits rateLimits){

	/** The default policy of the demo page and widget files: nothing but this origin. */
	public static final String DEFAULT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'self'";

	/**
	 * Extra bytes a multipart message may carry beside its photo (text, ids, location).
	 */
	public static final long MULTIPART_OVERHEAD = 64 * 1024;

	/**
	 * The request limits of the chat API. Each is a fixed window counted in the shared
	 * database, so every gateway instance enforces the same total. Defaults: 20 sessions
	 * per hour per IP, 30 messages per minute per session, 120 messages per minute per
	 * IP, 60 stream connections per minute per IP; a limit configured in part (only
	 * {@code requests} or only {@code window}) keeps the default of the other half.
	 *
	 * @param sessionsPerIp new sessions one client IP address may open
	 * @param messagesPerSession messages one session may send
	 * @param messagesPerIp messages one client IP address may send, over all its sessions
	 * @param streamsPerIp event stream connections one client IP address may open
	 */
	public record RateLimits(@Valid Limit sessionsPerIp, @Valid Limit messagesPerSession, @Valid Limit messagesPerIp,
			@Valid Limit streamsPerIp) {

		public RateLimits {
			sessionsPerIp = orDefault(sessionsPerIp, 20, Duration.ofHours(1));
			messagesPerSession = orDefault(messagesPerSession, 30, Duration.ofMinutes(1));
			messagesPerIp = orDefault(messagesPerIp, 120, Duration.ofMinutes(1));
			streamsPerIp = orDefault(streamsPerIp, 60, Duration.ofMinutes(1));
		}

		private static Limit orDefault(Limit configured, int requests, Duration window) {
			if (configured == null) {
				return new Limit(requests, window);
			}
			// a limit configured in part keeps the default of the other half
			return new Limit((configured.requests() != 0) ? configured.requests() : requests,
					(configured.window() != null) ? configured.window() : window);
		}

	}

	/**
	 * At most {@code requests} per {@code window}.
	 *
	 * @param requests how many requests a window allows
	 * @param window the window length (e.g. {@code 1m}, {@code 1h})
	 */
	public record Limit(@Min(1) int requests, @NotNull Duration window) {

		/**
		 * For problem details and logs, e.g. {@code 30 per PT1M}.
		 * @return a short description
		 */
		public String describe() {
			return this.requests + " per " + human(this.window);
		}

		private static String human(Duration window) {
			if (window.toHours() > 0 && window.toMinutesPart() == 0 && window.toSecondsPart() == 0) {
				return (window.toHours() == 1) ? "hour" : window.toHours() + " hours";
			}
			if (window.toMinutes() > 0 && window.toSecondsPart() == 0) {
				return (window.toMinutes() == 1) ? "minute" : window.toMinutes() + " minutes";
			}
			return window.toSeconds() + " seconds";
		}

	}

}
