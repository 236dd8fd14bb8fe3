package org.frontdoor.gateway.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontdoor.gateway.open311.Open311Catalog;
import org.frontdoor.gateway.open311.Open311Error;
import org.frontdoor.gateway.open311.Service;
import org.frontdoor.gateway.outbox.SubmissionAcceptedEvent;
import org.frontdoor.gateway.outbox.SubmissionFailedEvent;
import org.frontdoor.gateway.outbox.SubmissionResolvedEvent;
import org.frontdoor.gateway.persistence.SubscriptionRepository;
import org.frontdoor.gateway.reply.Audience;
import org.frontdoor.gateway.reply.CityProperties;
import org.frontdoor.gateway.reply.Messenger;
import org.frontdoor.gateway.reply.ReplyComposer;
import org.frontdoor.gateway.reply.Resident;
import org.frontdoor.gateway.reply.Residents;
import org.frontdoor.gateway.reply.Timing;
import org.frontdoor.gateway.reply.Transcript;
import org.frontdoor.templates.TemplateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells residents what became of their report, inside the submission outbox's transaction
 * (the events are published in it, so what is queued here commits with the outcome): the
 * request id with a subscription to its updates; "sent, your number follows" for a
 * backend that answers with a token; and for a rejection, a question when the backend's
 * field error is something the resident can answer (an attribute, the location),
 * otherwise an apology (the dead letter stays for an admin).
 */
@Component
public class SubmissionOutcomes {

	private static final Logger log = LoggerFactory.getLogger(SubmissionOutcomes.class);

	/** {@code attribute[code]} in a GeoReport error. */
	private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]\\[]+)\\]");

	/** Error parameters that are about the location. */
	private static final Pattern LOCATION = Pattern.compile("^\\s*(lat|long|lon|address_string|address_id|location)\\b",
			Pattern.CASE_INSENSITIVE);

	private final Conversations conversations;

	private final Residents residents;

	private final SubscriptionRepository subscriptions;

	private final Messenger messenger;

	private final Transcript transcript;

	private final Dialog dialog;

	private final Open311Catalog catalog;

	private final Timing timing;

	private final CityProperties city;

	private final Clock clock;

	public SubmissionOutcomes(Conversations conversations, Residents residents, SubscriptionRepository subscriptions,
			Messenger messenger, Transcript transcript, Dialog dialog, Open311Catalog catalog, Timing timing,
			CityProperties city, Clock clock) {
		this.conversations = conversations;
		this.residents = residents;
		this.subscriptions = subscriptions;
		this.messenger = messenger;
		this.transcript = transcript;
		this.dialog = dialog;
		this.catalog = catalog;
		this.timing = timing;
		this.city = city;
		this.clock = clock;
	}

	/**
	 * The backend created the request: subscribe the resident and tell them its number.
	 * @param event the outcome
	 */
	@EventListener
	public void onResolved(SubmissionResolvedEvent event) {
		locked(event.conversationId()).ifPresent((locked) -> {
			ConversationRecord conversation = locked.conversation();
			String locale = locked.resident().localeOr(this.city.defaultLanguage()).toLanguageTag();
			this.subscriptions.subscribe(event.linkId(), conversation.channel(), conversation.address(), locale,
					conversation.id());
			ConversationRecord submitted = conversation.withServiceRequestId(event.serviceRequestId())
				.moved(conversation.state(), Phase.SUBMITTED, this.clock.instant());
			this.conversations.save(submitted);
			Map<String, Object> model = reportModel(submitted);
			model.put("requestId", event.serviceRequestId());
			send(locked.resident(), submitted, TemplateKey.SUBMITTED, model, "submitted:" + event.submissionId(),
					ReplyComposer.Extras.about(event.serviceRequestId()));
		});
	}

	/**
	 * A batch backend accepted the report with a token: follow it and tell the resident
	 * the number comes later ({@link #onResolved} sends it).
	 * @param event the outcome
	 */
	@EventListener
	public void onAccepted(SubmissionAcceptedEvent event) {
		locked(event.conversationId()).ifPresent((locked) -> {
			ConversationRecord conversation = locked.conversation();
			String locale = locked.resident().localeOr(this.city.defaultLanguage()).toLanguageTag();
			this.subscriptions.subscribe(event.linkId(), conversation.channel(), conversation.address(), locale,
					conversation.id());
			ConversationRecord accepted = conversation.moved(conversation.state(), Phase.SUBMITTED,
					this.clock.instant());
			this.conversations.save(accepted);
			send(locked.resident(), accepted, TemplateKey.SUBMITTED_PENDING, reportModel(accepted),
					"submission-accepted:" + event.submissionId(), ReplyComposer.Extras.REPLY);
		});
	}

	/**
	 * The report will not become a request as it is: ask the resident what the backend
	 * wants when they can answer it, else apologize.
	 * @param event the outcome
	 */
	@EventListener
	public void onFailed(SubmissionFailedEvent event) {
		locked(event.conversationId()).ifPresent((locked) -> {
			ConversationRecord conversation = locked.conversation();
			Instant now = this.clock.instant();
			Optional<ConversationState> again = event.rejectedByBackend()
					? askAgain(conversation.state(), event.errors()) : Optional.empty();
			CatalogKnowledge knowledge = new CatalogKnowledge(this.catalog, null);
			Optional<Outcome.Reply> question = again.flatMap((state) -> this.dialog.reask(state, knowledge));
			if (again.isPresent() && question.isPresent()) {
				ConversationRecord reopened = conversation.moved(again.get(), Phase.OPEN, now);
				this.conversations.save(reopened);
				send(locked.resident(), reopened, question.get().key(), question.get().model(),
						"submission-failed:" + event.submissionId(), ReplyComposer.Extras.REPLY);
				log.info("Submission {} was rejected ({}); asking the resident again", event.submissionId(),
						event.reason());
				return;
			}
			ConversationRecord failed = conversation.moved(conversation.state(), Phase.FAILED, now);
			this.conversations.save(failed);
			send(locked.resident(), failed, TemplateKey.ERROR_TRY_LATER, new HashMap<>(),
					"submission-failed:" + event.submissionId(), ReplyComposer.Extras.REPLY);
		});
	}

	/**
	 * The conversation with the question a backend's field errors call for, when the
	 * resident can answer one: an attribute they can provide, or the location.
	 * @param state the submitted conversation
	 * @param errors the backend's errors
	 * @return the state to continue from, or empty
	 */
	Optional<ConversationState> askAgain(ConversationState state, List<Open311Error> errors) {
		Report report = state.report();
		CatalogKnowledge knowledge = new CatalogKnowledge(this.catalog, null);
		for (Open311Error error : errors) {
			String text = ((error.code() != null) ? error.code() : "") + " "
					+ ((error.description() != null) ? error.description() : "");
			Matcher attribute = ATTRIBUTE.matcher(text);
			if (attribute.find() && report.serviceCode() != null
					&& knowledge.attribute(report.serviceCode(), attribute.group(1)).isPresent()) {
				return Optional.of(new ConversationState(report.withoutAttribute(attribute.group(1)),
						new Question(Question.Kind.ATTRIBUTE, attribute.group(1), List.of(), 0, null)));
			}
			if (LOCATION.matcher((error.description() != null) ? error.description() : "").find()
					|| LOCATION.matcher((error.code() != null) ? error.code() : "").find()) {
				return Optional.of(new ConversationState(report.withoutPlace(), Question.of(Question.Kind.LOCATION)));
			}
		}
		return Optional.empty();
	}

	private Map<String, Object> reportModel(ConversationRecord conversation) {
		Map<String, Object> model = new HashMap<>();
		Report report = conversation.state().report();
		if (report.serviceCode() != null) {
			this.catalog.service(report.serviceCode()).map(Service::name).ifPresent((n) -> model.put("serviceName", n));
		}
		if (report.place() != null && report.place().address() != null) {
			model.put("place", report.place().address());
		}
		if (!report.description().isBlank()) {
			model.put("description", report.description());
		}
		return model;
	}

	private void send(Resident resident, ConversationRecord conversation, TemplateKey key, Map<String, ?> model,
			String dedupeKey, ReplyComposer.Extras extras) {
		Instant now = this.clock.instant();
		Audience audience = new Audience(resident.id(), conversation.id(), conversation.channel(),
				conversation.address(), conversation.cityAddress(), resident.localeOr(this.city.defaultLanguage()),
				this.transcript.latestMeta(conversation.id(), conversation.channel()), resident.lastInboundAt());
		Instant notBefore = this.timing.notBefore(conversation.channel(), resident.lastInboundAt(), now);
		this.messenger.send(audience, key, model, new Messenger.Send(dedupeKey, notBefore, false, extras));
	}

	/** The conversation of an event, with its resident's row locked. */
	private Optional<Locked> locked(UUID conversationId) {
		if (conversationId == null) {
			return Optional.empty();
		}
		return this.residents.lockOfConversation(conversationId)
			.flatMap((r) -> this.conversations.find(conversationId).map((c) -> new Locked(r, c)));
	}

	private record Locked(Resident resident, ConversationRecord conversation) {

	}

}
