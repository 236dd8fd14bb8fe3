package org.frontdoor.gateway.open311;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps raw backend statuses to {@link RequestStatus} by a table: the spec's
 * {@code open}/{@code closed}, common CRM vocabularies and Helsinki's detailed statuses,
 * plus {@code frontdoor.open311.status-map}. Unknown values count as open (the request
 * has not been reported finished); the raw value always travels along.
 */
public class StatusMapper {

	static final Map<String, RequestStatus> BUILT_IN = Map.ofEntries(Map.entry("open", RequestStatus.OPEN),
			Map.entry("closed", RequestStatus.CLOSED), Map.entry("new", RequestStatus.OPEN),
			Map.entry("received", RequestStatus.OPEN), Map.entry("submitted", RequestStatus.OPEN),
			Map.entry("acknowledged", RequestStatus.OPEN), Map.entry("assigned", RequestStatus.OPEN),
			Map.entry("in_progress", RequestStatus.OPEN), Map.entry("in progress", RequestStatus.OPEN),
			Map.entry("in_process", RequestStatus.OPEN), Map.entry("investigating", RequestStatus.OPEN),
			Map.entry("action scheduled", RequestStatus.OPEN), Map.entry("pending", RequestStatus.OPEN),
			Map.entry("reopened", RequestStatus.OPEN), Map.entry("public_works_new", RequestStatus.OPEN),
			Map.entry("public_works_in_progress", RequestStatus.OPEN), Map.entry("resolved", RequestStatus.CLOSED),
			Map.entry("fixed", RequestStatus.CLOSED), Map.entry("completed", RequestStatus.CLOSED),
			Map.entry("complete", RequestStatus.CLOSED), Map.entry("done", RequestStatus.CLOSED),
			Map.entry("processed", RequestStatus.CLOSED), Map.entry("archived", RequestStatus.CLOSED),
			Map.entry("rejected", RequestStatus.CLOSED), Map.entry("duplicate", RequestStatus.CLOSED),
			Map.entry("cancelled", RequestStatus.CLOSED), Map.entry("canceled", RequestStatus.CLOSED),
			Map.entry("not responsible", RequestStatus.CLOSED), Map.entry("no further action", RequestStatus.CLOSED),
			Map.entry("public_works_completed", RequestStatus.CLOSED),
			Map.entry("public_works_completed_scheduled_later", RequestStatus.CLOSED),
			Map.entry("public_works_completed_requires_no_action", RequestStatus.CLOSED),
			Map.entry("public_works_interrupted", RequestStatus.CLOSED));

	private final Map<String, RequestStatus> table;

	/**
	 * Create a mapper with extra mappings on top of the built-in table.
	 * @param extra raw status → {@code open}/{@code closed}
	 */
	public StatusMapper(Map<String, String> extra) {
		Map<String, RequestStatus> merged = new HashMap<>(BUILT_IN);
		extra.forEach((raw, status) -> merged.put(normalize(raw),
				RequestStatus.valueOf(status.trim().toUpperCase(Locale.ROOT))));
		this.table = Map.copyOf(merged);
	}

	/**
	 * Map a raw status.
	 * @param raw the backend's value, possibly {@code null}
	 * @return the status ({@link RequestStatus#OPEN} when unknown)
	 */
	public RequestStatus map(String raw) {
		if (raw == null || raw.isBlank()) {
			return RequestStatus.OPEN;
		}
		return this.table.getOrDefault(normalize(raw), RequestStatus.OPEN);
	}

	private static String normalize(String raw) {
		return raw.trim().toLowerCase(Locale.ROOT).replace('-', '_');
	}

}
