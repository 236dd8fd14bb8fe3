package org.frontdoor.gateway.sandbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

/**
 * The filters of {@code GET requests}, read from its query parameters.
 * <p>
 * The spec's arguments: {@code service_request_id} (comma-separated, overrides every
 * other argument), {@code service_code} and {@code status} (comma-separated or repeated),
 * {@code start_date}/{@code end_date} on {@code requested_datetime} (inclusive, at most
 * {@code max-window} apart; without either, the most recent {@code max-window}). The
 * change-feed extension: {@code updated_after} (inclusive) and {@code updated_before}
 * (exclusive) on {@code updated_datetime}; with either, no default
 * {@code requested_datetime} window applies and results come oldest change first, so a
 * poller can page by moving {@code updated_after} to the last {@code updated_datetime} it
 * saw. At most {@code max-requests} results either way.
 *
 * @param ids the requested ids, or {@code null} when not filtering by id (an empty list
 * matches nothing)
 * @param serviceCodes service codes to keep (empty: all)
 * @param statuses statuses to keep (empty: all)
 * @param requestedFrom earliest {@code requested_datetime}, or {@code null}
 * @param requestedTo latest {@code requested_datetime}, or {@code null}
 * @param updatedFrom earliest {@code updated_datetime} (inclusive), or {@code null}
 * @param updatedTo {@code updated_datetime} before this, or {@code null}
 * @param limit the most results
 */
record RequestQuery(List<Long> ids, List<String> serviceCodes, List<String> statuses, OffsetDateTime requestedFrom,
		OffsetDateTime requestedTo, OffsetDateTime updatedFrom, OffsetDateTime updatedTo, int limit) {

	/** The statuses GeoReport v2 defines. */
	static final Set<String> STATUSES = Set.of("open", "closed");

	RequestQuery {
		ids = (ids != null) ? List.copyOf(ids) : null;
		serviceCodes = List.copyOf(serviceCodes);
		statuses = List.copyOf(statuses);
	}

	/**
	 * Whether this is a change-feed query ({@code updated_after}/{@code updated_before}).
	 * @return {@code true} when ordered by {@code updated_datetime}
	 */
	boolean changeFeed() {
		return this.updatedFrom != null || this.updatedTo != null;
	}

	/**
	 * Read the query parameters.
	 * @param params the query parameters
	 * @param properties the sandbox configuration (window, limit, zone)
	 * @param now the current time (the default window ends now)
	 * @return the query
	 * @throws GeoReportException ({@code 400}) listing every malformed argument
	 */
	static RequestQuery parse(MultiValueMap<String, String> params, SandboxProperties properties, OffsetDateTime now) {
		List<String> problems = new ArrayList<>();
		List<String> idValues = list(params, "service_request_id");
		if (params.containsKey("service_request_id") && !idValues.isEmpty()) {
			if (idValues.size() > properties.maxRequests()) {
				throw new GeoReportException(HttpStatus.BAD_REQUEST,
						"service_request_id: at most " + properties.maxRequests() + " ids per call");
			}
			List<Long> ids = idValues.stream().map(RequestQuery::id).flatMap(Optional::stream).toList();
			return new RequestQuery(ids, List.of(), List.of(), null, null, null, null, properties.maxRequests());
		}
		List<String> statuses = list(params, "status").stream().map((s) -> s.toLowerCase(Locale.ROOT)).toList();
		statuses.stream()
			.filter((status) -> !STATUSES.contains(status))
			.findFirst()
			.ifPresent((status) -> problems.add("status: " + Problems.quote(status) + " is not open or closed"));
		OffsetDateTime start = date(params, "start_date", properties, problems);
		OffsetDateTime end = date(params, "end_date", properties, problems);
		OffsetDateTime updatedAfter = date(params, "updated_after", properties, problems);
		OffsetDateTime updatedBefore = date(params, "updated_before", properties, problems);
		Duration window = properties.maxWindow();
		if (start != null && end != null) {
			if (end.isBefore(start)) {
				problems.add("end_date: before start_date");
			}
			else if (Duration.between(start, end).compareTo(window) > 0) {
				problems.add("start_date/end_date: may not span more than " + window.toDays() + " days");
			}
		}
		if (!problems.isEmpty()) {
			throw new GeoReportException(HttpStatus.BAD_REQUEST, problems);
		}
		boolean changeFeed = updatedAfter != null || updatedBefore != null;
		if (start == null && end != null) {
			start = end.minus(window);
		}
		else if (start != null && end == null) {
			end = start.plus(window);
		}
		else if (start == null && !changeFeed) {
			start = now.minus(window);
		}
		return new RequestQuery(null, list(params, "service_code"), statuses, start, end, updatedAfter, updatedBefore,
				properties.maxRequests());
	}

	private static OffsetDateTime date(MultiValueMap<String, String> params, String name, SandboxProperties properties,
			List<String> problems) {
		List<String> values = list(params, name);
		if (values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			problems.add(name + ": sent more than once");
			return null;
		}
		Optional<OffsetDateTime> parsed = W3cDateTime.parse(values.getFirst(), properties.timeZone());
		if (parsed.isEmpty()) {
			problems.add(name + ": " + Problems.quote(values.getFirst())
					+ " is not a W3C date/time (e.g. 2026-11-21T08:00:00-05:00)");
			return null;
		}
		return parsed.get();
	}

	/**
	 * Comma-separated and repeated values of one parameter, trimmed, blanks and repeats
	 * dropped.
	 */
	private static List<String> list(MultiValueMap<String, String> params, String name) {
		Set<String> values = new LinkedHashSet<>();
		for (String value : params.getOrDefault(name, List.of())) {
			for (String part : StringUtils.commaDelimitedListToStringArray(value)) {
				if (StringUtils.hasText(part)) {
					values.add(part.trim());
				}
			}
		}
		return List.copyOf(values);
	}

	private static Optional<Long> id(String text) {
		try {
			return Optional.of(Long.parseLong(text.trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
