package org.frontdoor.gateway.open311;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A failed Open311 call that carries what the caller must do about it (blueprint §5): a
 * {@link Policy} chosen from the {@link Kind} by a table, whether the call may have taken
 * effect anyway ({@link #ambiguous()}: a POST whose answer was lost), the backend's field
 * errors for a 400, and how long it asked us to wait.
 */
public class Open311Exception extends RuntimeException {

	/** The policy of each kind of failure. */
	static final Map<Kind, Policy> POLICIES = Map.of(Kind.TIMEOUT, Policy.RETRY, Kind.CONNECTION, Policy.RETRY,
			Kind.SERVER_ERROR, Policy.RETRY, Kind.RATE_LIMITED, Policy.RETRY, Kind.MALFORMED_RESPONSE, Policy.RETRY,
			Kind.BAD_REQUEST, Policy.PERMANENT, Kind.NOT_FOUND, Policy.PERMANENT, Kind.REJECTED, Policy.PERMANENT,
			Kind.UNAUTHORIZED, Policy.HALT);

	private final Kind kind;

	private final int httpStatus;

	private final boolean ambiguous;

	private final List<Open311Error> errors;

	private final Duration retryAfter;

	public Open311Exception(Kind kind, int httpStatus, String message, boolean ambiguous, List<Open311Error> errors,
			Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.httpStatus = httpStatus;
		this.ambiguous = ambiguous;
		this.errors = (errors != null) ? List.copyOf(errors) : List.of();
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
	 * What the caller must do.
	 * @return the policy
	 */
	public Policy policy() {
		return POLICIES.get(this.kind);
	}

	/**
	 * The HTTP status, or 0 when there was no response.
	 * @return the status
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

	/**
	 * Whether the call may have taken effect although it failed (a POST timed out after
	 * sending, the connection broke before the answer, a 5xx or a garbled 2xx): reconcile
	 * before repeating it.
	 * @return {@code true} when the outcome is unknown
	 */
	public boolean ambiguous() {
		return this.ambiguous;
	}

	/**
	 * The backend's errors ({@code [{code, description}]}), e.g. which field a 400 is
	 * about.
	 * @return the errors, possibly empty
	 */
	public List<Open311Error> errors() {
		return this.errors;
	}

	/**
	 * How long the backend asked us to wait ({@code Retry-After}), or {@code null}.
	 * @return the delay
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Kinds of failure. */
	public enum Kind {

		/** No answer in time. */
		TIMEOUT,

		/** Could not connect, or the connection broke. */
		CONNECTION,

		/** A 5xx answer. */
		SERVER_ERROR,

		/** 429 or 408. */
		RATE_LIMITED,

		/** A 2xx answer we cannot read (HTML error page, garbage, wrong shape). */
		MALFORMED_RESPONSE,

		/** 400: the request is wrong (see {@link #errors()}). */
		BAD_REQUEST,

		/** 404: no such service, request or token. */
		NOT_FOUND,

		/** Another 4xx the request will not survive unchanged. */
		REJECTED,

		/** 401/403: our API key or jurisdiction is wrong. */
		UNAUTHORIZED

	}

	/** What the caller must do. */
	public enum Policy {

		/** Transient: retry later with backoff. */
		RETRY,

		/** The request itself is wrong: ask the resident or dead-letter it. */
		PERMANENT,

		/** Our configuration is wrong: stop the queue and alert an admin. */
		HALT

	}

}
