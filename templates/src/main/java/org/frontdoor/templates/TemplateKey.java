package org.frontdoor.templates;

import static org.frontdoor.templates.TemplateVariable.DESCRIPTION;
import static org.frontdoor.templates.TemplateVariable.EXAMPLE;
import static org.frontdoor.templates.TemplateVariable.EXPIRY_HOURS;
import static org.frontdoor.templates.TemplateVariable.MAX_LENGTH;
import static org.frontdoor.templates.TemplateVariable.MAX_MEGABYTES;
import static org.frontdoor.templates.TemplateVariable.MORE_NUMBER;
import static org.frontdoor.templates.TemplateVariable.NOTES;
import static org.frontdoor.templates.TemplateVariable.OPTIONS;
import static org.frontdoor.templates.TemplateVariable.PLACE;
import static org.frontdoor.templates.TemplateVariable.QUESTION;
import static org.frontdoor.templates.TemplateVariable.REQUESTS;
import static org.frontdoor.templates.TemplateVariable.REQUEST_ID;
import static org.frontdoor.templates.TemplateVariable.RETRY_MINUTES;
import static org.frontdoor.templates.TemplateVariable.SERVICE_NAME;
import static org.frontdoor.templates.TemplateVariable.STATUS;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every message FrontDoor sends, as a stable identifier. {@link #id()} is the file name
 * stem ({@code templates/<channel>/<locale>/<id>.<part>.mustache}) and never changes once
 * released; cities' override files depend on it.
 *
 * <p>
 * Each key declares the variables its templates may use: {@link #required()} ones must be
 * in the model, {@link #optional()} ones may be; the {@linkplain TemplateVariable#GLOBALS
 * globals} and derived variables are always available. The Javadoc of each key says what
 * replies its wording promises, which the conversation engine must accept.
 */
public enum TemplateKey {

	/** "We got your message and are working on it." */
	ACKNOWLEDGEMENT("acknowledgement", vars(), vars()),

	/**
	 * Numbered menu of the most likely services. Promises: a number from {@code options},
	 * or {@code 0} for something else. After an invalid answer, send this key again.
	 */
	ASK_SERVICE("ask-service", vars(OPTIONS), vars()),

	/**
	 * "Where is it?" Promises: an address, cross streets or a landmark in text; a photo
	 * (SMS/MMS, email); a location pin (WhatsApp, chat).
	 */
	ASK_LOCATION("ask-location", vars(), vars(SERVICE_NAME)),

	/** A free-text attribute question. Promises: any short text. */
	ASK_ATTRIBUTE_TEXT("ask-attribute-text", vars(QUESTION), vars(SERVICE_NAME, MAX_LENGTH)),

	/** A number attribute question. Promises: digits. */
	ASK_ATTRIBUTE_NUMBER("ask-attribute-number", vars(QUESTION), vars(SERVICE_NAME)),

	/**
	 * A datetime attribute question. Promises: a date and time like {@code example}, or
	 * the template's default example ({@code en}: {@code 3/14 4:30pm}; {@code es}:
	 * {@code 14/3 16:30}).
	 */
	ASK_ATTRIBUTE_DATETIME("ask-attribute-datetime", vars(QUESTION), vars(SERVICE_NAME, EXAMPLE)),

	/**
	 * A single-value list attribute. Promises: one number from {@code options} (or
	 * {@code moreNumber}).
	 */
	ASK_ATTRIBUTE_SINGLE("ask-attribute-single", vars(QUESTION, OPTIONS), vars(SERVICE_NAME, MORE_NUMBER)),

	/**
	 * A multi-value list attribute. Promises: one or more numbers from {@code options},
	 * separated by spaces or commas.
	 */
	ASK_ATTRIBUTE_MULTI("ask-attribute-multi", vars(QUESTION, OPTIONS), vars(SERVICE_NAME)),

	/** The answer to a number question was not a number. */
	INVALID_ANSWER_NUMBER("invalid-answer-number", vars(), vars()),

	/** The answer to a datetime question could not be read. */
	INVALID_ANSWER_DATETIME("invalid-answer-datetime", vars(), vars(EXAMPLE)),

	/** The answer to a single-choice question (or the service menu) was not an option. */
	INVALID_ANSWER_SINGLE("invalid-answer-single", vars(OPTIONS), vars(MORE_NUMBER)),

	/** The answer to a multi-choice question had no valid option. */
	INVALID_ANSWER_MULTI("invalid-answer-multi", vars(OPTIONS), vars()),

	/** The answer to a text question was empty or too long. */
	INVALID_ANSWER_TEXT("invalid-answer-text", vars(), vars(MAX_LENGTH)),

	/**
	 * "Did you mean <place>?" Promises: {@code YES} / {@code SI}, {@code NO}, or a better
	 * location.
	 */
	CONFIRM_LOCATION("confirm-location", vars(PLACE), vars()),

	/** The location is outside the city. Promises: another location. */
	LOCATION_OUTSIDE_CITY("location-outside-city", vars(), vars(PLACE)),

	/** The location could not be found. Promises: another location. */
	LOCATION_NOT_FOUND("location-not-found", vars(), vars(PLACE)),

	/** The service request was created. Promises: {@code STATUS <id>} works. */
	SUBMITTED("submitted", vars(REQUEST_ID), vars(SERVICE_NAME, PLACE, DESCRIPTION)),

	/**
	 * The report was accepted by the backend but only a token came back; the id follows
	 * later (send {@link #SUBMITTED} then).
	 */
	SUBMITTED_PENDING("submitted-pending", vars(), vars(SERVICE_NAME, PLACE, DESCRIPTION)),

	/**
	 * An open request of the same service is nearby. Promises: {@code 1} to follow
	 * {@code requestId}, {@code 2} to report a new one.
	 */
	DUPLICATE_OFFER("duplicate-offer", vars(REQUEST_ID), vars(SERVICE_NAME, PLACE)),

	/** The resident now follows an existing request. */
	DUPLICATE_FOLLOWED("duplicate-followed", vars(REQUEST_ID), vars(SERVICE_NAME)),

	/** Status update: the request is open (or open again). */
	STATUS_UPDATE_OPEN("status-update-open", vars(REQUEST_ID), vars(SERVICE_NAME, PLACE, NOTES)),

	/** Status update: the city acknowledged the request. */
	STATUS_UPDATE_ACKNOWLEDGED("status-update-acknowledged", vars(REQUEST_ID), vars(SERVICE_NAME, PLACE, NOTES)),

	/** Status update: work is in progress. */
	STATUS_UPDATE_IN_PROGRESS("status-update-in-progress", vars(REQUEST_ID), vars(SERVICE_NAME, PLACE, NOTES)),

	/** Status update: the request was closed. */
	STATUS_UPDATE_CLOSED("status-update-closed", vars(REQUEST_ID), vars(SERVICE_NAME, PLACE, NOTES)),

	/** Status update with a status FrontDoor has no wording for; shows it raw. */
	STATUS_UPDATE_OTHER("status-update-other", vars(REQUEST_ID, STATUS), vars(SERVICE_NAME, PLACE, NOTES)),

	/** Answer to {@code STATUS <id>}: the request's current status. */
	STATUS_REPLY("status-reply", vars(REQUEST_ID, STATUS), vars(SERVICE_NAME, PLACE, NOTES)),

	/** Answer to {@code STATUS <id>} when there is no such request. */
	STATUS_REPLY_NOT_FOUND("status-reply-not-found", vars(), vars(REQUEST_ID)),

	/**
	 * Answer to {@code STATUS}: the resident's open requests. Promises:
	 * {@code STATUS <id>}.
	 */
	STATUS_REPLY_LIST("status-reply-list", vars(REQUESTS), vars()),

	/** Answer to {@code STATUS} when the resident has no open request. */
	STATUS_REPLY_NONE("status-reply-none", vars(), vars()),

	/**
	 * Answer to {@code HELP} / {@code AYUDA}; carrier-compliant on SMS (program name,
	 * contact, rates, opt-out). Promises: {@code STATUS}, {@code LANG ES} /
	 * {@code LANG EN}, {@code STOP} / {@code BAJA}.
	 */
	HELP("help", vars(), vars()),

	/**
	 * Answer to {@code STOP} / {@code BAJA}, sent once. Promises: {@code START} /
	 * {@code ALTA}.
	 */
	STOP_CONFIRMATION("stop-confirmation", vars(), vars()),

	/** Answer to {@code START} / {@code ALTA}. */
	START_CONFIRMATION("start-confirmation", vars(), vars()),

	/**
	 * Answer to {@code CANCEL} / {@code CANCELAR}: the report in progress was dropped.
	 */
	CANCEL_CONFIRMATION("cancel-confirmation", vars(), vars(SERVICE_NAME)),

	/** Answer to {@code LANG <tag>}, rendered in the new language. */
	LANGUAGE_SWITCHED("language-switched", vars(), vars()),

	/** A report in progress expired without an answer; nothing was sent to the city. */
	CONVERSATION_EXPIRED("conversation-expired", vars(), vars(SERVICE_NAME, EXPIRY_HOURS)),

	/** Answer to a thank-you. */
	THANKS_REPLY("thanks-reply", vars(), vars(REQUEST_ID)),

	/** An attachment was over the size limit. */
	MEDIA_REJECTED_TOO_BIG("media-rejected-too-big", vars(), vars(MAX_MEGABYTES)),

	/** An attachment was not a supported image. */
	MEDIA_REJECTED_TYPE("media-rejected-type", vars(), vars()),

	/** The resident hit a rate limit. */
	RATE_LIMITED("rate-limited", vars(), vars(RETRY_MINUTES)),

	/** Something failed on FrontDoor's side; try again later. */
	ERROR_TRY_LATER("error-try-later", vars(), vars());

	private final String id;

	private final Set<TemplateVariable> required;

	private final Set<TemplateVariable> optional;

	private final Set<TemplateVariable> available;

	TemplateKey(String id, Set<TemplateVariable> required, Set<TemplateVariable> optional) {
		this.id = id;
		this.required = Collections.unmodifiableSet(required);
		this.optional = Collections.unmodifiableSet(optional);
		EnumSet<TemplateVariable> all = EnumSet.copyOf(TemplateVariable.GLOBALS);
		all.addAll(required);
		all.addAll(optional);
		for (TemplateVariable v : TemplateVariable.values()) {
			if (v.derived()) {
				all.add(v);
			}
		}
		this.available = Collections.unmodifiableSet(all);
	}

	/**
	 * The key for a file name stem.
	 * @param id e.g. {@code "ask-service"}
	 * @return the key, if there is one by that id
	 */
	public static Optional<TemplateKey> fromId(String id) {
		return Arrays.stream(values()).filter((k) -> k.id.equals(id)).findFirst();
	}

	/**
	 * The status-update key for a backend status (a table lookup through
	 * {@link StatusCategory#of(String)}).
	 * @param status the backend's status, raw; {@code null} or unknown values give
	 * {@link #STATUS_UPDATE_OTHER}
	 * @return the key to render
	 */
	public static TemplateKey statusUpdate(String status) {
		return StatusCategory.of(status).updateKey();
	}

	/**
	 * The stable identifier, also the file name stem.
	 * @return e.g. {@code "status-update-closed"}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Variables the model must contain (non-blank).
	 * @return the required variables
	 */
	public Set<TemplateVariable> required() {
		return this.required;
	}

	/**
	 * Variables the model may contain.
	 * @return the optional variables
	 */
	public Set<TemplateVariable> optional() {
		return this.optional;
	}

	/**
	 * Every variable this key's templates may reference: required, optional, globals and
	 * derived.
	 * @return the variables
	 */
	public Set<TemplateVariable> available() {
		return this.available;
	}

	private static Set<TemplateVariable> vars(TemplateVariable... variables) {
		EnumSet<TemplateVariable> set = EnumSet.noneOf(TemplateVariable.class);
		set.addAll(Arrays.asList(variables));
		return set;
	}

}
