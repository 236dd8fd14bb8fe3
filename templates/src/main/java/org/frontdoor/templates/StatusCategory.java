package org.frontdoor.templates;

import java.util.Locale;
import java.util.Map;

/**
 * The kinds of status FrontDoor has wording for, and the table that classifies a
 * backend's raw status into one. GeoReport v2 only defines {@code open} and
 * {@code closed}; the other values are common extensions (Helsinki's detailed statuses,
 * SeeClickFix, mySociety).
 */
public enum StatusCategory {

	/** Open, new or reopened. */
	OPEN("open", TemplateKey.STATUS_UPDATE_OPEN),

	/** Seen and accepted by the city. */
	ACKNOWLEDGED("acknowledged", TemplateKey.STATUS_UPDATE_ACKNOWLEDGED),

	/** Work has started. */
	IN_PROGRESS("inProgress", TemplateKey.STATUS_UPDATE_IN_PROGRESS),

	/** Closed, for whatever reason (the notes say why). */
	CLOSED("closed", TemplateKey.STATUS_UPDATE_CLOSED),

	/** A status without wording of its own: templates show it raw. */
	OTHER("other", TemplateKey.STATUS_UPDATE_OTHER);

	/**
	 * Raw statuses, lower-cased with spaces and hyphens turned into underscores, and
	 * their category. Anything else is {@link #OTHER}.
	 */
	private static final Map<String, StatusCategory> TABLE = Map.ofEntries(Map.entry("open", OPEN),
			Map.entry("new", OPEN), Map.entry("received", OPEN), Map.entry("submitted", OPEN),
			Map.entry("reopened", OPEN), Map.entry("re_opened", OPEN), Map.entry("pending", OPEN),
			Map.entry("acknowledged", ACKNOWLEDGED), Map.entry("assigned", ACKNOWLEDGED),
			Map.entry("accepted", ACKNOWLEDGED), Map.entry("confirmed", ACKNOWLEDGED),
			Map.entry("investigating", ACKNOWLEDGED), Map.entry("under_review", ACKNOWLEDGED),
			Map.entry("in_progress", IN_PROGRESS), Map.entry("inprogress", IN_PROGRESS),
			Map.entry("in_process", IN_PROGRESS), Map.entry("started", IN_PROGRESS),
			Map.entry("action_scheduled", IN_PROGRESS), Map.entry("work_in_progress", IN_PROGRESS),
			Map.entry("closed", CLOSED), Map.entry("resolved", CLOSED), Map.entry("fixed", CLOSED),
			Map.entry("completed", CLOSED), Map.entry("complete", CLOSED), Map.entry("done", CLOSED),
			Map.entry("processed", CLOSED), Map.entry("archived", CLOSED), Map.entry("rejected", CLOSED),
			Map.entry("duplicate", CLOSED), Map.entry("cancelled", CLOSED), Map.entry("canceled", CLOSED),
			Map.entry("not_responsible", CLOSED), Map.entry("unable_to_fix", CLOSED),
			Map.entry("no_further_action", CLOSED));

	private final String flag;

	private final TemplateKey updateKey;

	StatusCategory(String flag, TemplateKey updateKey) {
		this.flag = flag;
		this.updateKey = updateKey;
	}

	/**
	 * Classifies a backend status.
	 * @param status the raw status, any case; {@code null} is {@link #OTHER}
	 * @return its category
	 */
	public static StatusCategory of(String status) {
		if (status == null) {
			return OTHER;
		}
		String normalized = status.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
		return TABLE.getOrDefault(normalized, OTHER);
	}

	/**
	 * The flag set in {@code statusIs} for templates, e.g. {@code statusIs.inProgress}.
	 * @return the flag name
	 */
	public String flag() {
		return this.flag;
	}

	/**
	 * The status-update key for this category.
	 * @return the key
	 */
	public TemplateKey updateKey() {
		return this.updateKey;
	}

}
