package org.frontdoor.gateway.sandbox;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A GeoReport v2 error answer: the HTTP status and one or more descriptions, written as
 * {@code [{"code":400,"description":"…"}]} or {@code <errors><error>…}. Each description
 * starts with the parameter it is about ({@code attribute[size]: …}). Policy for clients:
 * {@code 403} is a bad or missing {@code api_key}, {@code 404} an unknown resource or
 * {@code service_code}, {@code 400} a request to fix (not to retry as is), {@code 5xx} a
 * passing fault (retry).
 */
public class GeoReportException extends RuntimeException {

	private final HttpStatus status;

	private final List<String> descriptions;

	/**
	 * An error answer.
	 * @param status the HTTP status (also each error's {@code code})
	 * @param descriptions what went wrong, one entry per problem (at least one)
	 */
	public GeoReportException(HttpStatus status, List<String> descriptions) {
		super(status.value() + " " + String.join("; ", descriptions), null, false, false);
		if (descriptions.isEmpty()) {
			throw new IllegalArgumentException("at least one description");
		}
		this.status = status;
		this.descriptions = List.copyOf(descriptions);
	}

	/**
	 * An error answer with one problem.
	 * @param status the HTTP status
	 * @param description what went wrong
	 */
	public GeoReportException(HttpStatus status, String description) {
		this(status, List.of(description));
	}

	/**
	 * The HTTP status.
	 * @return it
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The problems, one per error entry.
	 * @return them
	 */
	public List<String> descriptions() {
		return this.descriptions;
	}

}
