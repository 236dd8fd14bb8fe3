package org.frontdoor.channels.chat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A chat API error, answered as {@code application/problem+json} (RFC 9457). Each kind
 * has its status and a stable {@code type} URI
 * ({@code urn:frontdoor:problem:chat:<code>}) clients can switch on.
 */
public class ChatProblem extends RuntimeException {

	private final Kind kind;

	private final Duration retryAfter;

	public ChatProblem(Kind kind, String detail) {
		this(kind, detail, null);
	}

	public ChatProblem(Kind kind, String detail, Duration retryAfter) {
		super(detail);
		this.kind = kind;
		this.retryAfter = retryAfter;
	}

	/**
	 * What went wrong.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * How long the client should wait before trying again (429), or {@code null}.
	 * @return the delay
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * The {@code Retry-After} value: whole seconds, rounded up, at least 1.
	 * @return the seconds, or {@code null} when there is no delay
	 */
	public Long retryAfterSeconds() {
		if (this.retryAfter == null) {
			return null;
		}
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

	/**
	 * The HTTP headers that go with this problem: {@code Retry-After} when there is a
	 * delay, {@code WWW-Authenticate: Bearer} on 401 (RFC 9110 §11.6.1).
	 * @return header names and values
	 */
	public Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.retryAfter != null) {
			headers.put("Retry-After", Long.toString(retryAfterSeconds()));
		}
		if (this.kind.status == HttpStatus.UNAUTHORIZED) {
			headers.put("WWW-Authenticate", "Bearer realm=\"frontdoor-chat\"");
		}
		return headers;
	}

	/**
	 * The problem detail to send.
	 * @return a new problem detail
	 */
	public ProblemDetail toProblemDetail() {
		return this.kind.problem(getMessage());
	}

	/** Every chat API error, with its HTTP status and title. */
	public enum Kind {

		/** The request is malformed (missing field, bad value). */
		BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "The request is not valid"),

		/** No bearer token was sent. */
		TOKEN_MISSING(HttpStatus.UNAUTHORIZED, "token-missing", "A session token is required"),

		/** The token does not belong to the session. */
		TOKEN_INVALID(HttpStatus.FORBIDDEN, "token-invalid", "The session token is not valid"),

		/** The page's origin may not use this chat. */
		ORIGIN_NOT_ALLOWED(HttpStatus.FORBIDDEN, "origin-not-allowed", "This site may not use the chat"),

		/** There is no such session. */
		SESSION_NOT_FOUND(HttpStatus.NOT_FOUND, "session-not-found", "No such chat session"),

		/** The session expired after being idle too long. */
		SESSION_EXPIRED(HttpStatus.GONE, "session-expired", "The chat session has expired"),

		/** The message or request body is over a configured limit. */
		TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The message is too large"),

		/** The request's content type is not one the endpoint accepts. */
		UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"The content type is not supported"),

		/**
		 * The photo was refused (not an image, malformed, metadata could not be removed).
		 */
		INVALID_PHOTO(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-photo", "The photo could not be accepted"),

		/** A rate limit was hit. */
		RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),

		/** The method is not supported on this path. */
		METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "The method is not allowed"),

		/** The server cannot take the request now (storage down, shutting down). */
		UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "The chat is temporarily unavailable");

		private final HttpStatus status;

		private final String code;

		private final String title;

		Kind(HttpStatus status, String code, String title) {
			this.status = status;
			this.code = code;
			this.title = title;
		}

		/**
		 * The HTTP status.
		 * @return the status
		 */
		public HttpStatus status() {
			return this.status;
		}

		/**
		 * The stable type URI.
		 * @return {@code urn:frontdoor:problem:chat:<code>}
		 */
		public URI type() {
			return URI.create("urn:frontdoor:problem:chat:" + this.code);
		}

		/**
		 * A problem detail of this kind.
		 * @param detail the human-readable explanation
		 * @return the problem detail
		 */
		public ProblemDetail problem(String detail) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, detail);
			problem.setType(type());
			problem.setTitle(this.title);
			return problem;
		}

	}

}
