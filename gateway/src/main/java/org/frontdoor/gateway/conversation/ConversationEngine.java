package org.frontdoor.gateway.conversation;

import java.time.Duration;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.gateway.open311.NewServiceRequest;
import org.frontdoor.gateway.open311.Open311Catalog;
import org.frontdoor.gateway.open311.Open311Client;
import org.frontdoor.gateway.open311.Open311Exception;
import org.frontdoor.gateway.open311.Service;
import org.frontdoor.gateway.open311.ServiceRequest;
import org.frontdoor.gateway.outbox.SubmissionOutbox;
import org.frontdoor.gateway.persistence.OptOutRepository;
import org.frontdoor.gateway.persistence.PreparedInboundMessageHandler;
import org.frontdoor.gateway.persistence.ServiceRequestLink;
import org.frontdoor.gateway.persistence.ServiceRequestLinkRepository;
import org.frontdoor.gateway.persistence.SubscriptionRepository;
import org.frontdoor.gateway.reply.Audience;
import org.frontdoor.gateway.reply.CityProperties;
import org.frontdoor.gateway.reply.Messenger;
import org.frontdoor.gateway.reply.Notes;
import org.frontdoor.gateway.reply.ReplyComposer;
import org.frontdoor.gateway.reply.ReplyHeaders;
import org.frontdoor.gateway.reply.Resident;
import org.frontdoor.gateway.reply.Residents;
import org.frontdoor.gateway.reply.Transcript;
import org.frontdoor.nlp.intent.Intent;
import org.frontdoor.nlp.language.Language;
import org.frontdoor.templates.RequestSummary;
import org.frontdoor.templates.TemplateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The conversation engine: FrontDoor's {@code InboundMessageHandler}. For each stored
 * inbound message, on any channel:
 * <ol>
 * <li>outside any transaction ({@link #prepare}): wait for an earlier message of the same
 * resident that another worker is applying; download and sanitize provider media; read
 * the message (keywords first, then NLP and geocoding); and make the backend queries the
 * decision will need (the duplicate check, a STATUS lookup);</li>
 * <li>in one transaction ({@link #handle(InboundMessage, Prepared)}): lock the resident's
 * row, mark the message applied (exactly once), apply keywords (STOP, START, HELP,
 * STATUS, LANG), the rate limit, then the {@link Dialog}; store the conversation and
 * queue what it decided (replies with dedupe keys derived from the message id, a
 * submission, a subscription).</li>
 * </ol>
 * A resident's messages are thus applied one at a time, in arrival order, whichever
 * worker or instance takes them.
 */
@Component
public class ConversationEngine implements PreparedInboundMessageHandler<ConversationEngine.Prepared> {

	private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

	private static final int STATUS_LIST_LIMIT = 20;

	/** How long after its closure a request still answers a bare STATUS. */
	private static final Duration RECENTLY_CLOSED = Duration.ofDays(7);

	private final InboundOrder order;

	private final ProviderMedia media;

	private final MessageReader reader;

	private final Dialog dialog;

	private final DuplicateFinder duplicates;

	private final Residents residents;

	private final Conversations conversations;

	private final Transcript transcript;

	private final Messenger messenger;

	private final OptOutRepository optOuts;

	private final RateLimiter rateLimiter;

	private final SubmissionOutbox submissions;

	private final ServiceRequestLinkRepository links;

	private final SubscriptionRepository subscriptions;

	private final Open311Client client;

	private final Open311Catalog catalog;

	private final ConversationProperties properties;

	private final CityProperties city;

	private final Environment environment;

	private final MeterRegistry meters;

	private final Clock clock;

	public ConversationEngine(InboundOrder order, ProviderMedia media, MessageReader reader, Dialog dialog,
			DuplicateFinder duplicates, Residents residents, Conversations conversations, Transcript transcript,
			Messenger messenger, OptOutRepository optOuts, RateLimiter rateLimiter, SubmissionOutbox submissions,
			ServiceRequestLinkRepository links, SubscriptionRepository subscriptions, Open311Client client,
			Open311Catalog catalog, ConversationProperties properties, CityProperties city, Environment environment,
			MeterRegistry meters, Clock clock) {
		this.order = order;
		this.media = media;
		this.reader = reader;
		this.dialog = dialog;
		this.duplicates = duplicates;
		this.residents = residents;
		this.conversations = conversations;
		this.transcript = transcript;
		this.messenger = messenger;
		this.optOuts = optOuts;
		this.rateLimiter = rateLimiter;
		this.submissions = submissions;
		this.links = links;
		this.subscriptions = subscriptions;
		this.client = client;
		this.catalog = catalog;
		this.properties = properties;
		this.city = city;
		this.environment = environment;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public Prepared prepare(InboundMessage message) throws Exception {
		this.order.awaitPredecessors(message);
		ProviderMedia.Fetched fetched = this.media.fetch(message);
		Optional<Resident> known = this.residents.find(message.channel(), message.from());
		Language hint = known.map(Resident::locale).flatMap(Language::fromCode).orElse(null);
		MessageReader.Reading reading = this.reader.read(message, fetched, hint)
			.orElseThrow(() -> new IllegalStateException("the Open311 catalog has not loaded yet"));
		Turn turn = reading.turn();
		if (turn.command() == Intent.STATUS) {
			return new Prepared(reading, null, lookUp(turn.argument()));
		}
		ConversationState snapshot = known.flatMap((r) -> this.conversations.current(r.id(), message.threadKey()))
			.filter((c) -> !c.phase().closed())
			.map(ConversationRecord::state)
			.orElse(ConversationState.empty());
		Outcome tentative = this.dialog.decide(snapshot, turn, new CatalogKnowledge(this.catalog, null));
		Outcome.CheckDuplicates needed = tentative.pendingCheck();
		DuplicateCheck check = (needed != null) ? this.duplicates.find(needed.serviceCode(), needed.place()) : null;
		return new Prepared(reading, check, null);
	}

	private StatusLookup lookUp(String requestId) {
		if (requestId == null || this.links.findByServiceRequestId(requestId).isPresent()) {
			return null;
		}
		try {
			return new StatusLookup(requestId, this.client.request(requestId).orElse(null), null);
		}
		catch (Open311Exception ex) {
			return new StatusLookup(requestId, null, ex.getMessage());
		}
	}

	@Override
	public void handle(InboundMessage message, Prepared prepared) {
		Instant now = this.clock.instant();
		Resident resident = this.residents.lockForMessage(message.channel(), message.from(), message.receivedAt());
		if (!this.transcript.recordIn(resident.id(), message.id(), message.text(), threadMeta(message))) {
			log.debug("Inbound {} was applied before; nothing to do", message.id());
			return;
		}
		Step step = new Step(message, resident, prepared, now);
		String note = apply(step);
		this.transcript.settleIn(message.id(), step.conversation.map(ConversationRecord::id).orElse(null), note);
		this.meters.counter("frontdoor.conversation.messages", "channel", message.channel().name()).increment();
	}

	/** Everything one message decides; returns the note for the transcript. */
	private String apply(Step step) {
		MessageReader.Reading reading = step.prepared.reading();
		Intent command = reading.turn().command();
		InboundMessage message = step.message;
		step.locale = locale(step, reading);
		if (this.optOuts.isOptedOut(message.channel(), message.from())) {
			if (command == Intent.START || reading.carrierOptIn()) {
				this.optOuts.optIn(message.channel(), message.from());
				reply(step, TemplateKey.START_CONFIRMATION, Map.of());
				return "opted in";
			}
			return "ignored: the resident opted out (only START is answered)";
		}
		if (command == Intent.STOP) {
			this.optOuts.optOut(message.channel(), message.from(), "keyword", "the resident sent a stop keyword");
			step.conversation.filter((c) -> !c.phase().closed())
				.ifPresent((c) -> this.conversations.save(c.moved(c.state(), Phase.CANCELLED, step.now)));
			send(step, TemplateKey.STOP_CONFIRMATION, Map.of(),
					new Messenger.Send(dedupe(step), null, true, ReplyComposer.Extras.REPLY));
			this.meters.counter("frontdoor.conversation.opt-outs").increment();
			return "opted out";
		}
		if (command == Intent.START) {
			reply(step, TemplateKey.START_CONFIRMATION, Map.of());
			return "start (not opted out)";
		}
		RateLimiter.Verdict verdict = this.rateLimiter.count(step.resident.identity(), step.now);
		if (!verdict.allowed()) {
			if (verdict.firstRefused()) {
				send(step, TemplateKey.RATE_LIMITED, Map.of("retryMinutes", verdict.retryMinutes()),
						Messenger.Send.reply("rate-limited:" + step.resident.identity() + ":" + verdict.window()));
			}
			this.meters.counter("frontdoor.conversation.rate-limited").increment();
			return "rate limited";
		}
		Turn turn = reading.turn().withLocale(step.locale);
		return switch (command) {
			case HELP -> {
				reply(step, TemplateKey.HELP, Map.of());
				yield "help";
			}
			case LANG -> switchLanguage(step, turn);
			case STATUS -> status(step, turn.argument());
			default -> converse(step, turn);
		};
	}

	private String converse(Step step, Turn turn) {
		Optional<ConversationRecord> current = step.conversation;
		if (current.isPresent() && !current.get().phase().closed()
				&& current.get().lastActivityAt().isBefore(step.now.minus(this.properties.expiry()))) {
			ConversationRecord stale = current.get();
			this.conversations.save(stale.moved(stale.state(), Phase.EXPIRED, stale.lastActivityAt()));
			current = Optional.empty();
		}
		boolean open = current.isPresent() && !current.get().phase().closed();
		if (!open && turn.command() != Intent.REPORT) {
			Outcome outcome = this.dialog.decide(ConversationState.empty(), turn, knowledge(step));
			sendReplies(step, outcome, current.map(ConversationRecord::serviceRequestId).orElse(null));
			return outcome.note() + " (no open conversation)";
		}
		ConversationRecord conversation = open ? current.get()
				: this.conversations.start(step.resident.id(), step.message.channel(), step.message.from(),
						step.message.to(), step.message.threadKey(), step.locale.toLanguageTag(), step.now);
		step.conversation = Optional.of(conversation);
		Outcome outcome = this.dialog.decide(conversation.state(), turn, knowledge(step));
		if (outcome.pendingCheck() != null) {
			throw new IllegalStateException("the conversation changed since the duplicate check; deciding again");
		}
		for (Outcome.Action action : outcome.actions()) {
			if (action instanceof Outcome.Submit submit) {
				UUID submission = this.submissions.enqueue(request(submit.report(), conversation), conversation.id());
				conversation = conversation.withSubmission(submission);
				this.meters.counter("frontdoor.conversation.submitted", "channel", conversation.channel().name())
					.increment();
			}
			else if (action instanceof Outcome.Follow follow) {
				ServiceRequestLink link = this.links.track(follow.requestId(), follow.serviceCode());
				this.subscriptions.subscribe(link.id(), conversation.channel(), conversation.address(),
						step.locale.toLanguageTag(), conversation.id());
				conversation = conversation.withServiceRequestId(follow.requestId());
			}
		}
		conversation = conversation.withLocale(step.locale.toLanguageTag())
			.moved(outcome.state(), outcome.phase(), step.now);
		this.conversations.save(conversation);
		step.conversation = Optional.of(conversation);
		sendReplies(step, outcome, conversation.serviceRequestId());
		return outcome.note();
	}

	private void sendReplies(Step step, Outcome outcome, String requestId) {
		for (Outcome.Reply reply : outcome.replies()) {
			Map<String, Object> model = reply.model();
			if (reply.key() == TemplateKey.THANKS_REPLY && requestId != null) {
				model = new HashMap<>(model);
				model.put("requestId", requestId);
			}
			reply(step, reply.key(), model);
		}
	}

	private String switchLanguage(Step step, Turn turn) {
		Optional<Language> wanted = Language.fromCode(turn.argument());
		if (wanted.isEmpty()) {
			reply(step, TemplateKey.HELP, Map.of());
			return "unknown language";
		}
		String tag = wanted.get().code();
		this.residents.setLocale(step.resident.id(), tag, Resident.CHOSEN);
		step.locale = Locale.forLanguageTag(tag);
		reply(step, TemplateKey.LANGUAGE_SWITCHED, Map.of());
		Optional<ConversationRecord> open = step.conversation.filter((c) -> !c.phase().closed());
		if (open.isPresent()) {
			ConversationRecord conversation = open.get().withLocale(tag);
			this.conversations.save(conversation.moved(conversation.state(), conversation.phase(), step.now));
			this.dialog.reask(conversation.state(), knowledge(step))
				.ifPresent((question) -> reply(step, question.key(), question.model()));
		}
		return "language " + tag;
	}

	private String status(Step step, String requestId) {
		if (requestId != null) {
			Optional<ServiceRequestLink> link = this.links.findByServiceRequestId(requestId);
			Map<String, Object> model = new HashMap<>();
			model.put("requestId", requestId);
			if (link.isPresent()) {
				ServiceRequestLink l = link.get();
				putStatus(model, l.rawStatus(), l.status(), l.serviceCode(), l.statusNotes());
				reply(step, TemplateKey.STATUS_REPLY, model);
				return "status of a followed request";
			}
			StatusLookup lookup = step.prepared.status();
			ServiceRequest found = (lookup != null && requestId.equals(lookup.requestId())) ? lookup.request() : null;
			if (found == null) {
				reply(step, TemplateKey.STATUS_REPLY_NOT_FOUND, model);
				return (lookup != null && lookup.error() != null) ? "status lookup failed: " + lookup.error()
						: "status: no such request";
			}
			model.put("status", firstText(found.rawStatus(), found.status().wire(), "open"));
			serviceName(found.serviceCode()).ifPresent((name) -> model.put("serviceName", name));
			putText(model, "notes", Notes.asSentence(found.statusNotes()));
			putText(model, "place", found.address());
			reply(step, TemplateKey.STATUS_REPLY, model);
			return "status from the backend";
		}
		List<RequestSummary> requests = new ArrayList<>();
		for (Conversations.Followed followed : this.conversations.openRequestsOf(step.message.channel(),
				step.message.from(), STATUS_LIST_LIMIT)) {
			requests
				.add(new RequestSummary(followed.serviceRequestId(), serviceName(followed.serviceCode()).orElse(null),
						firstText(followed.rawStatus(), followed.status(), "open")));
		}
		if (requests.isEmpty()) {
			Optional<Conversations.Followed> closed = this.conversations.lastClosedOf(step.message.channel(),
					step.message.from(), this.clock.instant().minus(RECENTLY_CLOSED));
			if (closed.isPresent()) {
				Conversations.Followed last = closed.get();
				Map<String, Object> model = new HashMap<>();
				model.put("requestId", last.serviceRequestId());
				putStatus(model, last.rawStatus(), last.status(), last.serviceCode(), last.notes());
				reply(step, TemplateKey.STATUS_REPLY, model);
				return "status: no open requests, the one closed last";
			}
			reply(step, TemplateKey.STATUS_REPLY_NONE, Map.of());
			return "status: no open requests";
		}
		reply(step, TemplateKey.STATUS_REPLY_LIST, Map.of("requests", requests));
		return "status of " + requests.size() + " requests";
	}

	/** A followed request's status, service and notes, for the STATUS answer. */
	private void putStatus(Map<String, Object> model, String rawStatus, String status, String serviceCode,
			String notes) {
		model.put("status", firstText(rawStatus, status, "open"));
		serviceName(serviceCode).ifPresent((name) -> model.put("serviceName", name));
		putText(model, "notes", Notes.asSentence(notes));
	}

	/** The language to answer in: chosen, else remembered, else detected now. */
	private Locale locale(Step step, MessageReader.Reading reading) {
		Resident resident = step.resident;
		Map<String, String> metadata = step.message.metadata();
		Optional<Language> chosen = "user".equals(metadata.get("localeSource"))
				? Language.fromCode(metadata.get("locale")) : Optional.empty();
		if (chosen.isPresent() && !chosen.get().code().equals(resident.locale())) {
			this.residents.setLocale(resident.id(), chosen.get().code(), Resident.CHOSEN);
			return Locale.forLanguageTag(chosen.get().code());
		}
		if (resident.locale() != null) {
			return Locale.forLanguageTag(resident.locale());
		}
		if (reading.languageFromEvidence()) {
			this.residents.setLocale(resident.id(), reading.language().code(), Resident.DETECTED);
			return Locale.forLanguageTag(reading.language().code());
		}
		return Language.fromCode(metadata.get("locale"))
			.map((language) -> Locale.forLanguageTag(language.code()))
			.orElse(Locale.forLanguageTag(this.city.defaultLanguage()));
	}

	private NewServiceRequest request(Report report, ConversationRecord conversation) {
		Place place = report.place();
		String mediaId = report.mediaIds().isEmpty() ? null : report.mediaIds().get(0);
		String mediaUrl = (mediaId != null) ? mediaBase() + "/media/" + mediaId : null;
		String phone = null;
		String email = null;
		if (this.properties.shareContact()) {
			String address = conversation.address();
			if (conversation.channel() == Channel.SMS || conversation.channel() == Channel.WHATSAPP) {
				phone = address.substring(address.indexOf(':') + 1);
			}
			else if (conversation.channel() == Channel.EMAIL && address.regionMatches(true, 0, "mailto:", 0, 7)) {
				email = address.substring(7);
			}
		}
		Map<String, List<String>> attributes = new LinkedHashMap<>(report.attributes());
		return new NewServiceRequest(report.serviceCode(), place.lat(), place.lon(), place.address(), null,
				report.description().isBlank() ? null : report.description(), attributes, mediaUrl, mediaId, email,
				phone, null, null, null, null);
	}

	private String mediaBase() {
		URI configured = this.properties.mediaBaseUrl();
		if (configured != null) {
			String base = configured.toString();
			return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		}
		return "http://localhost:" + this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
	}

	private Knowledge knowledge(Step step) {
		return new CatalogKnowledge(this.catalog, step.prepared.duplicates());
	}

	private Optional<String> serviceName(String code) {
		return (code != null) ? this.catalog.service(code).map(Service::name) : Optional.empty();
	}

	private void reply(Step step, TemplateKey key, Map<String, ?> model) {
		send(step, key, model, Messenger.Send.reply(dedupe(step)));
	}

	private void send(Step step, TemplateKey key, Map<String, ?> model, Messenger.Send options) {
		ConversationRecord conversation = step.conversation.orElse(null);
		Audience audience = new Audience(step.resident.id(), (conversation != null) ? conversation.id() : null,
				step.message.channel(), step.message.from(), step.message.to(),
				(step.locale != null) ? step.locale : step.resident.localeOr(this.city.defaultLanguage()),
				threadMeta(step.message), step.message.receivedAt());
		ReplyComposer.Extras extras = options.extras();
		if (key == TemplateKey.DUPLICATE_FOLLOWED && conversation != null && conversation.serviceRequestId() != null) {
			extras = ReplyComposer.Extras.about(conversation.serviceRequestId());
		}
		this.messenger.send(audience, key, model, options.with(extras));
	}

	/** Dedupe keys of replies: the inbound message id and the reply's position. */
	private static String dedupe(Step step) {
		return "reply:" + step.message.id() + ":" + (step.replies++);
	}

	/** Email threading details worth keeping from an inbound message. */
	private static Map<String, String> threadMeta(InboundMessage message) {
		if (message.channel() != Channel.EMAIL) {
			return Map.of();
		}
		Map<String, String> meta = new LinkedHashMap<>();
		for (String key : List.of(ReplyHeaders.EMAIL_MESSAGE_ID, ReplyHeaders.EMAIL_REFERENCES_META,
				ReplyHeaders.EMAIL_STATUS_UPDATES, ReplyHeaders.EMAIL_SUBJECT_META,
				ReplyHeaders.EMAIL_IN_REPLY_TO_META)) {
			String value = message.metadata().get(key);
			if (value != null && !value.isBlank()) {
				meta.put(key, value);
			}
		}
		if (!meta.containsKey(ReplyHeaders.EMAIL_MESSAGE_ID)) {
			meta.put(ReplyHeaders.EMAIL_MESSAGE_ID, message.providerMessageId());
		}
		return meta;
	}

	private static String firstText(String... values) {
		for (String value : values) {
			if (StringUtils.hasText(value)) {
				return value;
			}
		}
		return null;
	}

	private static void putText(Map<String, Object> model, String key, String value) {
		if (StringUtils.hasText(value)) {
			model.put(key, value);
		}
	}

	/** The state of applying one message. */
	private final class Step {

		private final InboundMessage message;

		private final Resident resident;

		private final Prepared prepared;

		private final Instant now;

		private Optional<ConversationRecord> conversation;

		private Locale locale;

		private int replies;

		Step(InboundMessage message, Resident resident, Prepared prepared, Instant now) {
			this.message = message;
			this.resident = resident;
			this.prepared = prepared;
			this.now = now;
			this.conversation = ConversationEngine.this.conversations.current(resident.id(), message.threadKey());
		}

	}

	/**
	 * What the remote steps found for one message.
	 *
	 * @param reading the message as read
	 * @param duplicates the duplicate check the decision needs, or {@code null}
	 * @param status the backend's answer for {@code STATUS <id>} of a request FrontDoor
	 * does not track, or {@code null}
	 */
	public record Prepared(MessageReader.Reading reading, DuplicateCheck duplicates, StatusLookup status) {

	}

	/**
	 * A request looked up in the backend.
	 *
	 * @param requestId the id asked for
	 * @param request the request, or {@code null} when the backend does not know it
	 * @param error why the lookup failed, or {@code null}
	 */
	public record StatusLookup(String requestId, ServiceRequest request, String error) {

	}

}
