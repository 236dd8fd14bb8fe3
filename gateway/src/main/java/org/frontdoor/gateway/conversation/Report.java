package org.frontdoor.gateway.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What FrontDoor has understood of a resident's report so far. Immutable; the
 * {@code with…} methods return changed copies.
 *
 * @param serviceCode the service, or {@code null} until known
 * @param candidates services the classifier found plausible, best first (for the menu)
 * @param place where it is, or {@code null} until known
 * @param proposed a place the geocoder was not sure about, waiting for the resident's
 * YES, or {@code null}
 * @param locationProblem why the last location given could not be used, to say when
 * asking for another one, or {@code null}
 * @param description what the resident wrote about it
 * @param mediaIds FrontDoor's stored photos (EXIF-free), oldest first
 * @param attributes attribute answers by code
 * @param duplicateChecked whether open requests nearby were looked for
 * @param followedRequestId the open request the resident chose to follow instead, or
 * {@code null}
 */
public record Report(String serviceCode, List<String> candidates, Place place, Place proposed,
		LocationProblem locationProblem, String description, List<String> mediaIds,
		Map<String, List<String>> attributes, boolean duplicateChecked, String followedRequestId) {

	/** The longest description kept (GeoReport backends commonly allow 4,000). */
	public static final int MAX_DESCRIPTION = 4000;

	/** The most photos kept per report. */
	public static final int MAX_PHOTOS = 5;

	public Report {
		candidates = (candidates != null) ? List.copyOf(candidates) : List.of();
		description = (description != null) ? description : "";
		mediaIds = (mediaIds != null) ? List.copyOf(mediaIds) : List.of();
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

	/**
	 * Nothing understood yet.
	 * @return an empty report
	 */
	public static Report empty() {
		return new Report(null, List.of(), null, null, null, "", List.of(), Map.of(), false, null);
	}

	/**
	 * Whether anything was collected.
	 * @return {@code false} for an empty report
	 */
	public boolean hasContent() {
		return this.serviceCode != null || this.place != null || this.proposed != null || !this.description.isBlank()
				|| !this.mediaIds.isEmpty();
	}

	public Report withService(String code) {
		return new Report(code, this.candidates, this.place, this.proposed, this.locationProblem, this.description,
				this.mediaIds, this.attributes, this.duplicateChecked, this.followedRequestId);
	}

	public Report withCandidates(List<String> codes) {
		return new Report(this.serviceCode, codes, this.place, this.proposed, this.locationProblem, this.description,
				this.mediaIds, this.attributes, this.duplicateChecked, this.followedRequestId);
	}

	/**
	 * A confirmed place (clears a proposal and a pending problem, and the duplicate check
	 * done for another place).
	 * @param where the place
	 * @return a copy
	 */
	public Report withPlace(Place where) {
		return new Report(this.serviceCode, this.candidates, where, null, null, this.description, this.mediaIds,
				this.attributes, false, this.followedRequestId);
	}

	public Report withProposed(Place where) {
		return new Report(this.serviceCode, this.candidates, this.place, where, null, this.description, this.mediaIds,
				this.attributes, this.duplicateChecked, this.followedRequestId);
	}

	public Report withLocationProblem(LocationProblem problem) {
		return new Report(this.serviceCode, this.candidates, this.place, null, problem, this.description, this.mediaIds,
				this.attributes, this.duplicateChecked, this.followedRequestId);
	}

	/**
	 * More of the resident's words.
	 * @param text what they wrote
	 * @return a copy with the text appended (cut at {@link #MAX_DESCRIPTION})
	 */
	public Report withMoreDescription(String text) {
		if (text == null || text.isBlank()) {
			return this;
		}
		String joined = this.description.isBlank() ? text.strip() : this.description + "\n" + text.strip();
		if (joined.length() > MAX_DESCRIPTION) {
			joined = joined.substring(0, MAX_DESCRIPTION);
		}
		return new Report(this.serviceCode, this.candidates, this.place, this.proposed, this.locationProblem, joined,
				this.mediaIds, this.attributes, this.duplicateChecked, this.followedRequestId);
	}

	/**
	 * More photos (at most {@link #MAX_PHOTOS} kept).
	 * @param ids stored media ids
	 * @return a copy
	 */
	public Report withMedia(List<String> ids) {
		if (ids.isEmpty() || this.mediaIds.size() >= MAX_PHOTOS) {
			return this;
		}
		List<String> all = new ArrayList<>(this.mediaIds);
		for (String id : ids) {
			if (all.size() < MAX_PHOTOS && !all.contains(id)) {
				all.add(id);
			}
		}
		return new Report(this.serviceCode, this.candidates, this.place, this.proposed, this.locationProblem,
				this.description, all, this.attributes, this.duplicateChecked, this.followedRequestId);
	}

	public Report withAttribute(String code, List<String> values) {
		Map<String, List<String>> all = new LinkedHashMap<>(this.attributes);
		all.put(code, List.copyOf(values));
		return new Report(this.serviceCode, this.candidates, this.place, this.proposed, this.locationProblem,
				this.description, this.mediaIds, all, this.duplicateChecked, this.followedRequestId);
	}

	public Report withoutAttribute(String code) {
		Map<String, List<String>> all = new LinkedHashMap<>(this.attributes);
		all.remove(code);
		return new Report(this.serviceCode, this.candidates, this.place, this.proposed, this.locationProblem,
				this.description, this.mediaIds, all, this.duplicateChecked, this.followedRequestId);
	}

	public Report withoutPlace() {
		return new Report(this.serviceCode, this.candidates, null, null, null, this.description, this.mediaIds,
				this.attributes, false, this.followedRequestId);
	}

	public Report withDuplicateChecked() {
		return new Report(this.serviceCode, this.candidates, this.place, this.proposed, this.locationProblem,
				this.description, this.mediaIds, this.attributes, true, this.followedRequestId);
	}

	public Report withFollowed(String requestId) {
		return new Report(this.serviceCode, this.candidates, this.place, this.proposed, this.locationProblem,
				this.description, this.mediaIds, this.attributes, this.duplicateChecked, requestId);
	}

	/**
	 * Why a location could not be used.
	 *
	 * @param outside whether it is outside the city (else: not found)
	 * @param written what the resident wrote or the pin's label, or {@code null}
	 * @param reason the geocoder's reason (for admins), or {@code null}
	 */
	public record LocationProblem(boolean outside, String written, String reason) {

	}

}
