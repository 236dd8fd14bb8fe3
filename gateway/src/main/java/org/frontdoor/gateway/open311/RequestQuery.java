package org.frontdoor.gateway.open311;

import java.time.Instant;
import java.util.List;

/**
 * Filters of {@code GET requests}. All optional; {@link #serviceRequestIds()} is sent in
 * chunks of at most {@value Open311Client#MAX_IDS_PER_CALL}.
 *
 * @param serviceRequestIds ids to fetch
 * @param serviceCodes only these services
 * @param status only {@code open} or {@code closed}, or {@code null}
 * @param startDate created at or after, or {@code null}
 * @param endDate created before, or {@code null}
 * @param updatedAfter changed after (change-feed extension), or {@code null}
 * @param updatedBefore changed before (change-feed extension), or {@code null}
 */
public record RequestQuery(List<String> serviceRequestIds, List<String> serviceCodes, RequestStatus status,
		Instant startDate, Instant endDate, Instant updatedAfter, Instant updatedBefore) {

	public RequestQuery {
		serviceRequestIds = (serviceRequestIds != null) ? List.copyOf(serviceRequestIds) : List.of();
		serviceCodes = (serviceCodes != null) ? List.copyOf(serviceCodes) : List.of();
	}

	/**
	 * A query for these ids.
	 * @param ids the ids
	 * @return the query
	 */
	public static RequestQuery ids(List<String> ids) {
		return new RequestQuery(ids, null, null, null, null, null, null);
	}

	/**
	 * A change-feed query.
	 * @param after changed after this time
	 * @return the query
	 */
	public static RequestQuery updatedAfter(Instant after) {
		return new RequestQuery(null, null, null, null, null, after, null);
	}

}
