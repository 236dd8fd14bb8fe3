package org.frontdoor.channels.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Opens chat sessions, checks their tokens and expiry, and applies the rate limits. Used
 * by the inbound and outbound sides alike.
 */
@Component
public class ChatSessions {

	/** Bearer scheme prefix of the {@code Authorization} header. */
	static final String BEARER = "Bearer ";

	/** Activity closer than this to the last recorded one is not written again. */
	private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

	private final ChatSessionStore store;

	private final ChatRateLimiter rateLimiter;

	private final ChatProperties properties;

	public ChatSessions(ChatSessionStore store, ChatRateLimiter rateLimiter, ChatProperties properties) {
		this.store = store;
		this.rateLimiter = rateLimiter;
		this.properties = properties;
	}

	/**
	 * Open a session.
	 * @param requestedLocale the language asked for, or {@code null}
	 * @param origin the page's origin, or {@code null}
	 * @return the session and its token (shown to the client once)
	 */
	public Opened open(String requestedLocale, String origin) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String token = ChatTokens.newToken();
		ChatSession session = new ChatSession(UUID.randomUUID(), ChatTokens.hash(token), locale(requestedLocale),
				origin, 0, now, now, now.plus(this.properties.sessionIdleTimeout()));
		this.store.create(session);
		return new Opened(session, token);
	}

	/**
	 * The supported locale closest to what a client asked for.
	 * @param requested e.g. {@code es-MX}, or {@code null}
	 * @return a configured locale
	 */
	public String locale(String requested) {
		if (requested != null && !requested.isBlank()) {
			String language = Locale.forLanguageTag(requested.trim().replace('_', '-')).getLanguage();
			if (this.properties.locales().contains(language)) {
				return language;
			}
		}
		return this.properties.defaultLocale();
	}

	/**
	 * The session a request may act on: it exists (404), a token was presented (401), it
	 * is the session's token (403), and the session has not expired (410). Records the
	 * activity.
	 * @param sessionId the id from the URL
	 * @param token the presented token, or {@code null}
	 * @return the session
	 * @throws ChatProblem when any check fails
	 */
	public ChatSession authenticate(String sessionId, String token) {
		UUID id = ChatAddress.parseId(sessionId)
			.orElseThrow(() -> new ChatProblem(ChatProblem.Kind.SESSION_NOT_FOUND, "'" + shorten(sessionId)
					+ "' is not a chat session id; open a session with POST /api/chat/sessions"));
		ChatSession session = this.store.find(id)
			.orElseThrow(() -> new ChatProblem(ChatProblem.Kind.SESSION_NOT_FOUND,
					"chat session " + id + " does not exist; open a new one with POST /api/chat/sessions"));
		if (token == null || token.isBlank()) {
			throw new ChatProblem(ChatProblem.Kind.TOKEN_MISSING,
					"send the session token as 'Authorization: Bearer <token>'");
		}
		if (!ChatTokens.matches(token.trim(), session.tokenHash())) {
			throw new ChatProblem(ChatProblem.Kind.TOKEN_INVALID, "the token does not belong to chat session " + id);
		}
		Instant now = Instant.now();
		if (session.isExpiredAt(now)) {
			throw new ChatProblem(ChatProblem.Kind.SESSION_EXPIRED, "chat session " + id + " expired at "
					+ session.expiresAt() + " after being idle; open a new one with POST /api/chat/sessions");
		}
		if (Duration.between(session.lastSeenAt(), now).compareTo(TOUCH_GRANULARITY) >= 0) {
			this.store.touch(id, now, now.plus(this.properties.sessionIdleTimeout()));
		}
		return session;
	}

	/**
	 * The bearer token of a request's {@code Authorization} header.
	 * @param request the request
	 * @return the token, or {@code null} when there is none
	 */
	public static String bearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || header.length() <= BEARER.length()
				|| !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return header.substring(BEARER.length()).trim();
	}

	/**
	 * Count a request against a limit, throwing 429 when over it.
	 * @param bucket the bucket (see {@link #ipBucket} and {@link #sessionBucket})
	 * @param limit the limit
	 * @param what what the limit is about, for the problem detail, e.g. {@code messages
	 * from this session}
	 * @throws ChatProblem with {@code Retry-After} when the limit is exceeded
	 */
	public void limit(String bucket, ChatProperties.Limit limit, String what) {
		ChatRateLimiter.Decision decision = this.rateLimiter.hit(bucket, limit.requests(), limit.window());
		if (!decision.allowed()) {
			throw new ChatProblem(ChatProblem.Kind.RATE_LIMITED,
					"too many " + what + ": at most " + limit.describe() + "; try again in "
							+ Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000) + " s",
					decision.retryAfter());
		}
	}

	/**
	 * The rate-limit bucket of a client IP address for one kind of request. The address
	 * itself is not stored, only a pseudonym. Behind a proxy, configure
	 * {@code server.forward-headers-strategy} so the remote address is the client's.
	 * @param kind e.g. {@code messages}
	 * @param request the request
	 * @return the bucket name
	 */
	public static String ipBucket(String kind, HttpServletRequest request) {
		return kind + ":ip:" + ChatTokens.pseudonym(request.getRemoteAddr());
	}

	/**
	 * The rate-limit bucket of a session for one kind of request.
	 * @param kind e.g. {@code messages}
	 * @param session the session
	 * @return the bucket name
	 */
	public static String sessionBucket(String kind, ChatSession session) {
		return kind + ":session:" + session.id();
	}

	/**
	 * The configuration.
	 * @return the chat properties
	 */
	public ChatProperties properties() {
		return this.properties;
	}

	private static String shorten(String text) {
		String cleaned = (text != null) ? text.replaceAll("[^A-Za-z0-9-]", "?") : "";
		return (cleaned.length() > 40) ? cleaned.substring(0, 40) + "…" : cleaned;
	}

	/**
	 * A session just opened.
	 *
	 * @param session the session
	 * @param token its token, never stored
	 */
	public record Opened(ChatSession session, String token) {

	}

}
