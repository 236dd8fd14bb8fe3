package org.frontdoor.gateway.conversation;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;

/**
 * One stored conversation ({@code conversation}).
 *
 * @param id the conversation id
 * @param residentId the resident
 * @param channel the channel
 * @param address the resident's address
 * @param cityAddress the city's address they wrote to, or {@code null}
 * @param threadKey the email thread or chat session, or {@code null}
 * @param phase where it stands
 * @param state the report and the pending question
 * @param locale the language it is held in
 * @param submissionId the submission it queued, or {@code null}
 * @param serviceRequestId the backend's id of the request it created or follows, or
 * {@code null}
 * @param lastActivityAt the last message in or out that moved it
 * @param createdAt when it started
 * @param closedAt when it was closed, or {@code null}
 */
public record ConversationRecord(UUID id, UUID residentId, Channel channel, String address, String cityAddress,
		String threadKey, Phase phase, ConversationState state, String locale, UUID submissionId,
		String serviceRequestId, Instant lastActivityAt, Instant createdAt, Instant closedAt) {

	/**
	 * The same conversation with another state and phase.
	 * @param newState the state
	 * @param newPhase the phase
	 * @param at when
	 * @return a copy
	 */
	public ConversationRecord moved(ConversationState newState, Phase newPhase, Instant at) {
		return new ConversationRecord(this.id, this.residentId, this.channel, this.address, this.cityAddress,
				this.threadKey, newPhase, newState, this.locale, this.submissionId, this.serviceRequestId, at,
				this.createdAt, (newPhase.closed() && this.closedAt == null) ? at : this.closedAt);
	}

	/**
	 * The same conversation in another language.
	 * @param tag the language tag
	 * @return a copy
	 */
	public ConversationRecord withLocale(String tag) {
		return new ConversationRecord(this.id, this.residentId, this.channel, this.address, this.cityAddress,
				this.threadKey, this.phase, this.state, tag, this.submissionId, this.serviceRequestId,
				this.lastActivityAt, this.createdAt, this.closedAt);
	}

	/**
	 * The same conversation with its submission.
	 * @param submission the submission id
	 * @return a copy
	 */
	public ConversationRecord withSubmission(UUID submission) {
		return new ConversationRecord(this.id, this.residentId, this.channel, this.address, this.cityAddress,
				this.threadKey, this.phase, this.state, this.locale, submission, this.serviceRequestId,
				this.lastActivityAt, this.createdAt, this.closedAt);
	}

	/**
	 * The same conversation with the backend's request id.
	 * @param requestId the id
	 * @return a copy
	 */
	public ConversationRecord withServiceRequestId(String requestId) {
		return new ConversationRecord(this.id, this.residentId, this.channel, this.address, this.cityAddress,
				this.threadKey, this.phase, this.state, this.locale, this.submissionId, requestId, this.lastActivityAt,
				this.createdAt, this.closedAt);
	}

	/**
	 * The conversation's language.
	 * @param fallback the city's default language
	 * @return the locale
	 */
	public Locale localeOr(String fallback) {
		return Locale.forLanguageTag((this.locale != null) ? this.locale : fallback);
	}

}
