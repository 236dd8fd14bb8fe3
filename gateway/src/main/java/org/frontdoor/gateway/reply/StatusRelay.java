package org.frontdoor.gateway.reply;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.frontdoor.channels.core.Channel;
import org.frontdoor.gateway.open311.Open311Catalog;
import org.frontdoor.gateway.open311.Service;
import org.frontdoor.gateway.persistence.OptOutRepository;
import org.frontdoor.gateway.persistence.ServiceRequestLink;
import org.frontdoor.gateway.persistence.ServiceRequestLinkRepository;
import org.frontdoor.gateway.persistence.SubscriptionRepository;
import org.frontdoor.gateway.persistence.SubscriptionRepository.Subscription;
import org.frontdoor.gateway.status.StatusChangedEvent;
import org.frontdoor.templates.TemplateKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every subscriber of a service request about a change (blueprint §6), inside the
 * transaction that records the change, so the notifications commit exactly when it does:
 * once per change and subscriber (dedupe key
 * {@code status-change:<changeId>:<subscriptionId>}), in the resident's language, on
 * their channel, never to an opted-out resident or an email sender whose mail failed
 * authentication; SMS and WhatsApp wait for the end of quiet hours; WhatsApp outside the
 * 24-hour window goes as the configured template; email is threaded into the
 * conversation. The first observation of a request FrontDoor only started following is a
 * baseline, not a change.
 */
@Component
public class StatusRelay {

	private static final Logger log = LoggerFactory.getLogger(StatusRelay.class);

	private final RelayProperties properties;

	private final CityProperties city;

	private final Timing timing;

	private final SubscriptionRepository subscriptions;

	private final ServiceRequestLinkRepository links;

	private final OptOutRepository optOuts;

	private final Residents residents;

	private final Transcript transcript;

	private final Messenger messenger;

	private final Open311Catalog catalog;

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private final Clock clock;

	public StatusRelay(RelayProperties properties, CityProperties city, Timing timing,
			SubscriptionRepository subscriptions, ServiceRequestLinkRepository links, OptOutRepository optOuts,
			Residents residents, Transcript transcript, Messenger messenger, Open311Catalog catalog, JdbcClient jdbc,
			MeterRegistry meters, Clock clock) {
		this.properties = properties;
		this.city = city;
		this.timing = timing;
		this.subscriptions = subscriptions;
		this.links = links;
		this.optOuts = optOuts;
		this.residents = residents;
		this.transcript = transcript;
		this.messenger = messenger;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Relay one change to its subscribers (runs in the poller's transaction).
	 * @param event the change
	 */
	@EventListener
	public void onStatusChanged(StatusChangedEvent event) {
		if (!this.properties.enabled()) {
			return;
		}
		if (event.oldStatus() != null) {
			Instant now = this.clock.instant();
			Optional<ServiceRequestLink> link = this.links.find(event.linkId());
			String serviceName = link.map(ServiceRequestLink::serviceCode)
				.flatMap(this.catalog::service)
				.map(Service::name)
				.orElse(null);
			for (Subscription subscription : this.subscriptions.activeFor(event.linkId())) {
				relay(event, subscription, serviceName, now);
			}
		}
		this.jdbc.sql("update status_change set relayed_at = now() where id = :id and relayed_at is null")
			.param("id", event.changeId())
			.update();
	}

	private void relay(StatusChangedEvent event, Subscription subscription, String serviceName, Instant now) {
		Optional<Resident> resident = this.residents.find(subscription.channel(), subscription.address());
		Map<String, String> thread = this.transcript.latestMeta(subscription.conversationId(), subscription.channel());
		String skip = skipReason(subscription, thread);
		TemplateKey key = TemplateKey.statusUpdate(event.rawStatus());
		if (skip != null) {
			resident.ifPresent((r) -> this.transcript.recordOut(r.id(), subscription.conversationId(), null, key.id(),
					null, skip + " (status change " + event.changeId() + ")"));
			this.meters.counter("frontdoor.relay.suppressed").increment();
			return;
		}
		String locale = resident.map(Resident::locale)
			.or(() -> Optional.ofNullable(subscription.locale()))
			.orElse(this.city.defaultLanguage());
		Instant lastInbound = resident.map(Resident::lastInboundAt).orElse(null);
		Audience audience = new Audience(resident.map(Resident::id).orElse(null), subscription.conversationId(),
				subscription.channel(), subscription.address(), null, java.util.Locale.forLanguageTag(locale), thread,
				lastInbound);
		Instant notBefore = this.timing.notBefore(subscription.channel(), now);
		String template = this.timing.whatsappTemplate(subscription.channel(), lastInbound,
				(notBefore != null) ? notBefore : now);
		Map<String, Object> model = new HashMap<>();
		model.put("requestId", event.serviceRequestId());
		model.put("status", (event.rawStatus() != null) ? event.rawStatus() : event.newStatus());
		if (serviceName != null) {
			model.put("serviceName", serviceName);
		}
		String notes = Notes.asSentence(event.statusNotes());
		if (notes != null) {
			model.put("notes", notes);
		}
		ReplyComposer.Extras extras = new ReplyComposer.Extras(true, event.serviceRequestId(), event.newStatus(),
				event.rawStatus(), template);
		Optional<java.util.UUID> queued = this.messenger.send(audience, key, model, new Messenger.Send(
				"status-change:" + event.changeId() + ":" + subscription.id(), notBefore, false, extras));
		if (queued.isPresent()) {
			this.meters.counter("frontdoor.relay.queued", "channel", subscription.channel().name()).increment();
			log.debug("Status change {} of {} queued for subscription {}{}", event.changeId(), event.serviceRequestId(),
					subscription.id(), (notBefore != null) ? " after quiet hours" : "");
		}
	}

	private String skipReason(Subscription subscription, Map<String, String> thread) {
		if (this.optOuts.isOptedOut(subscription.channel(), subscription.address())) {
			return "suppressed: opted out";
		}
		if (subscription.channel() == Channel.EMAIL
				&& "withhold".equals(thread.get(ReplyHeaders.EMAIL_STATUS_UPDATES))) {
			return "suppressed: the sender's mail failed authentication";
		}
		return null;
	}

}
