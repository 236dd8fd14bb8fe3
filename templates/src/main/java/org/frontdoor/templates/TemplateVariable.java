package org.frontdoor.templates;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The variables a template can use, with the contract the renderer enforces on their
 * values. A caller passes values under {@link #id()} in the model map; which variables a
 * key declares (required or optional) is on {@link TemplateKey}.
 *
 * <p>
 * Text values are cleaned (control characters removed; on short channels newlines and
 * runs of spaces become one space) and cut to {@link #limit(TemplateChannel)} characters
 * at a word boundary with an ellipsis. On SMS and WhatsApp the renderer then shortens the
 * {@linkplain #shrinkable() shrinkable} values further, longest first and never below
 * {@link #floor()}, until the message fits the segment budget. Request ids, numbers and
 * the template's own wording are never shortened.
 */
public enum TemplateVariable {

	/** The city's name, e.g. {@code Cambridge}. Global: from configuration. */
	CITY_NAME("cityName", Kind.TEXT, 30, 100, -1),

	/**
	 * The name residents know the service by, used as the sender's signature, e.g.
	 * {@code Cambridge 311}. Global: from configuration.
	 */
	PROGRAM_NAME("programName", Kind.TEXT, 30, 100, -1),

	/**
	 * How to reach a person, e.g. {@code call 311 or visit cambridgema.gov/311}. Global:
	 * from configuration.
	 */
	HELP_CONTACT("helpContact", Kind.TEXT, 60, 200, -1),

	/** The emergency number, e.g. {@code 911}. Global: from configuration. */
	EMERGENCY_NUMBER("emergencyNumber", Kind.TEXT, 10, 20, -1),

	/** The Open311 service name, e.g. {@code Pothole in Street}. */
	SERVICE_NAME("serviceName", Kind.TEXT, 40, 150, 12),

	/** A place as the resident or the geocoder named it, e.g. {@code 795 Mass Ave}. */
	PLACE("place", Kind.TEXT, 60, 200, 16),

	/** What the resident wrote about the problem (shown back on email and chat). */
	DESCRIPTION("description", Kind.TEXT, 60, 1000, 12),

	/** The backend's {@code service_request_id}; never shortened. */
	REQUEST_ID("requestId", Kind.ID, 0, 0, -1),

	/**
	 * A service request's status as the backend gave it ({@code open}, {@code closed}, or
	 * an extension value); classified by {@link StatusCategory}.
	 */
	STATUS("status", Kind.TEXT, 30, 60, 10),

	/** The backend's {@code status_notes}. */
	NOTES("notes", Kind.TEXT, 140, 2000, 20),

	/** An Open311 attribute's {@code description}: the question to ask. */
	QUESTION("question", Kind.TEXT, 100, 400, 30),

	/**
	 * An example of an answer the conversation engine accepts, e.g. a date in the form
	 * its parser reads; templates have a default when absent.
	 */
	EXAMPLE("example", Kind.TEXT, 20, 40, -1),

	/**
	 * Numbered choices: a list of {@link MenuOption} (or maps with {@code number} and
	 * {@code label}). Limits apply to each label. Items: {@code number}, {@code label}.
	 * Pass at most 9 on SMS and WhatsApp.
	 */
	OPTIONS("options", Kind.OPTIONS, 30, 150, 6),

	/** The number that shows more choices (when the engine pages a long list). */
	MORE_NUMBER("moreNumber", Kind.NUMBER, 0, 0, -1),

	/** The longest text answer accepted, in characters. */
	MAX_LENGTH("maxLength", Kind.NUMBER, 0, 0, -1),

	/**
	 * A resident's requests: a list of {@link RequestSummary} (or maps with
	 * {@code requestId}, {@code serviceName}, {@code status}). Limits apply to each
	 * service name; at most {@value #SHORT_LIST_ITEMS} items are shown on SMS and
	 * WhatsApp and {@value #LONG_LIST_ITEMS} elsewhere, the rest counted in
	 * {@code moreCount}. Items: {@code requestId}, {@code serviceName}, {@code status},
	 * {@code statusIs}.
	 */
	REQUESTS("requests", Kind.REQUESTS, 24, 150, 8),

	/** The size limit for photos, in megabytes. */
	MAX_MEGABYTES("maxMegabytes", Kind.NUMBER, 0, 0, -1),

	/** How long the resident should wait, in minutes. */
	RETRY_MINUTES("retryMinutes", Kind.NUMBER, 0, 0, -1),

	/** After how many idle hours a conversation expires. */
	EXPIRY_HOURS("expiryHours", Kind.NUMBER, 0, 0, -1),

	/**
	 * Derived from {@code status} (top level and in each of {@code requests}): a map with
	 * one true flag among {@code open}, {@code acknowledged}, {@code inProgress},
	 * {@code closed}, {@code other}; use as
	 * {@code {{#statusIs.closed}}…{{/statusIs.closed}}}.
	 */
	STATUS_IS("statusIs", Kind.DERIVED, 0, 0, -1),

	/** Derived: how many of {@code requests} were not listed. */
	MORE_COUNT("moreCount", Kind.DERIVED, 0, 0, -1),

	/** Derived: the language tag of the templates used, e.g. {@code es}. */
	LANG("lang", Kind.DERIVED, 0, 0, -1),

	/** Derived, email HTML only: the rendered subject (for the document title). */
	SUBJECT("subject", Kind.DERIVED, 0, 0, -1);

	/** Items of {@link #REQUESTS} listed on SMS and WhatsApp. */
	public static final int SHORT_LIST_ITEMS = 3;

	/** Items of {@link #REQUESTS} listed on email and chat. */
	public static final int LONG_LIST_ITEMS = 20;

	/** Variables every key can use; their values come from configuration. */
	public static final Set<TemplateVariable> GLOBALS = Set.of(CITY_NAME, PROGRAM_NAME, HELP_CONTACT, EMERGENCY_NUMBER);

	/** Field names inside an {@link #OPTIONS} item. */
	static final Set<String> OPTION_FIELDS = Set.of("number", "label");

	/** Field names inside a {@link #REQUESTS} item. */
	static final Set<String> REQUEST_FIELDS = Set.of("requestId", "serviceName", "status", "statusIs");

	private static final Map<String, TemplateVariable> BY_ID = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(TemplateVariable::id, Function.identity()));

	private final String id;

	private final Kind kind;

	private final int shortLimit;

	private final int longLimit;

	private final int floor;

	TemplateVariable(String id, Kind kind, int shortLimit, int longLimit, int floor) {
		this.id = id;
		this.kind = kind;
		this.shortLimit = shortLimit;
		this.longLimit = longLimit;
		this.floor = floor;
	}

	/**
	 * The variable for a model key.
	 * @param id e.g. {@code "requestId"}
	 * @return the variable, if there is one by that name
	 */
	public static Optional<TemplateVariable> fromId(String id) {
		return Optional.ofNullable(BY_ID.get(id));
	}

	/**
	 * The name used in the model map and in templates.
	 * @return e.g. {@code "requestId"}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * What kind of value the variable holds.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The most characters a text value (or each label / service name of a list) keeps on
	 * a channel.
	 * @param channel the channel
	 * @return the limit, 0 when values are never cut
	 */
	public int limit(TemplateChannel channel) {
		return channel.shortForm() ? this.shortLimit : this.longLimit;
	}

	/**
	 * The shortest the renderer makes a value to fit the SMS segment budget.
	 * @return the floor in characters, or -1 when the value is never shortened to fit
	 */
	public int floor() {
		return this.floor;
	}

	/**
	 * Whether values may be shortened to fit the SMS segment budget.
	 * @return {@code true} when {@link #floor()} is not negative
	 */
	public boolean shrinkable() {
		return this.floor >= 0;
	}

	/**
	 * Whether the renderer computes this variable (callers must not pass it).
	 * @return {@code true} for derived variables
	 */
	public boolean derived() {
		return this.kind == Kind.DERIVED;
	}

	/**
	 * The kinds of values.
	 */
	public enum Kind {

		/** A string (or anything, by {@code toString()}). */
		TEXT,

		/** An identifier, string or number, kept whole. */
		ID,

		/** A whole or decimal number, or a numeric string. */
		NUMBER,

		/** A list of {@link MenuOption}. */
		OPTIONS,

		/** A list of {@link RequestSummary}. */
		REQUESTS,

		/** Computed by the renderer. */
		DERIVED

	}

}
