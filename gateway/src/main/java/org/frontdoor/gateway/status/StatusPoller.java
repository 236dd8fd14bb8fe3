package org.frontdoor.gateway.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.frontdoor.gateway.open311.Open311Client;
import org.frontdoor.gateway.open311.Open311Exception;
import org.frontdoor.gateway.open311.RequestQuery;
import org.frontdoor.gateway.open311.RequestStatus;
import org.frontdoor.gateway.open311.ServiceRequest;
import org.frontdoor.gateway.persistence.ServiceRequestLink;
import org.frontdoor.gateway.persistence.ServiceRequestLinkRepository;
import org.frontdoor.gateway.persistence.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches every tracked service request for changes (blueprint §6). Only the elected
 * leader polls. Each round it reads the backend's change feed ({@code updated_after})
 * when the backend supports it, then polls links that are due with batched id lists
 * ({@value Open311Client#MAX_IDS_PER_CALL} per call): young requests often, older ones
 * less, old and closed ones in a daily sweep. Each real change updates the link, inserts
 * a {@code status_change} row and publishes a {@link StatusChangedEvent}, all in one
 * transaction.
 */
@Component
public class StatusPoller {

	static final String FEED_SUPPORTED = "status.feed.supported";

	static final String FEED_WATERMARK = "status.feed.watermark";

	static final String LAST_ROUND = "status.last.round";

	static final String LAST_FAILURE = "status.last.failure";

	private static final Logger log = LoggerFactory.getLogger(StatusPoller.class);

	private final Open311Client client;

	private final ServiceRequestLinkRepository links;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final StatusProperties properties;

	private final LockRegistryLeaderInitiator leader;

	private final Clock clock;

	private final Timer pollTimer;

	private final MeterRegistry meters;

	public StatusPoller(Open311Client client, ServiceRequestLinkRepository links, JdbcClient jdbc,
			TransactionTemplate transactions, ApplicationEventPublisher events, StatusProperties properties,
			LockRegistryLeaderInitiator statusPollerLeader, Clock clock, MeterRegistry meters) {
		this.client = client;
		this.links = links;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.leader = statusPollerLeader;
		this.clock = clock;
		this.meters = meters;
		this.pollTimer = Timer.builder("frontdoor.status.poll")
			.description("One status polling round (change feed and id batches)")
			.register(meters);
	}

	/** Poll when this instance leads. */
	@Scheduled(fixedDelayString = "${frontdoor.status.poll-interval:10s}", initialDelayString = "2s")
	public void scheduled() {
		if (this.properties.enabled() && isLeader()) {
			try {
				pollOnce();
			}
			catch (RuntimeException ex) {
				log.warn("Status polling round failed: {}", ex.toString());
			}
		}
	}

	/**
	 * Whether this instance currently leads polling.
	 * @return {@code true} if so
	 */
	public boolean isLeader() {
		return this.leader.getContext().isLeader();
	}

	/**
	 * One polling round, now, on the calling thread (whether or not this instance leads).
	 * @return how many changes were detected
	 */
	public int pollOnce() {
		return this.pollTimer.record(() -> {
			int changes = 0;
			boolean feed = feedSupported();
			if (feed) {
				changes += readFeed();
			}
			changes += pollDue(feed);
			setState(LAST_ROUND, this.clock.instant().toString());
			return changes;
		});
	}

	/**
	 * The timer of polling rounds (its count is the number of rounds this instance ran).
	 * @return the timer
	 */
	public Timer pollTimer() {
		return this.pollTimer;
	}

	/**
	 * What the poller is doing, for the admin API.
	 * @return the summary
	 */
	public Summary summary() {
		ServiceRequestLinkRepository.Counts counts = this.links.counts(this.clock.instant());
		return new Summary(this.properties.enabled(), this.properties.enabled() && isLeader(),
				this.properties.changeFeed().name().toLowerCase(java.util.Locale.ROOT),
				state(FEED_SUPPORTED).map(Boolean::parseBoolean).orElse(null), state(FEED_WATERMARK).orElse(null),
				state(LAST_ROUND).orElse(null), state(LAST_FAILURE).orElse(null), counts);
	}

	private void failed(String what, Open311Exception ex) {
		this.meters
			.counter("frontdoor.status.poll.failures", "kind", ex.kind().name().toLowerCase(java.util.Locale.ROOT))
			.increment();
		String text = this.clock.instant() + " " + what + " failed (" + ex.kind() + "): " + ex.getMessage();
		log.warn("Status poller: {} failed ({}): {}", what, ex.kind(), ex.getMessage());
		setState(LAST_FAILURE, Sql.cut(text, 1000));
	}

	private int pollDue(boolean feed) {
		Instant now = this.clock.instant();
		List<ServiceRequestLink> due = this.links.due(now, this.properties.batchSize());
		int changes = 0;
		for (int from = 0; from < due.size(); from += Open311Client.MAX_IDS_PER_CALL) {
			List<ServiceRequestLink> batch = due.subList(from,
					Math.min(due.size(), from + Open311Client.MAX_IDS_PER_CALL));
			List<ServiceRequest> found;
			try {
				found = this.client
					.requests(RequestQuery.ids(batch.stream().map(ServiceRequestLink::serviceRequestId).toList()));
			}
			catch (Open311Exception ex) {
				failed("polling " + batch.size() + " service requests by id", ex);
				this.links.reschedule(batch.stream().map(ServiceRequestLink::id).toList(),
						now.plus(this.properties.youngInterval()));
				continue;
			}
			Map<String, ServiceRequest> byId = new HashMap<>();
			found.forEach((request) -> byId.put(request.serviceRequestId(), request));
			List<UUID> missing = new ArrayList<>();
			List<Polled> polled = new ArrayList<>();
			for (ServiceRequestLink link : batch) {
				ServiceRequest request = byId.get(link.serviceRequestId());
				if (request == null) {
					missing.add(link.id());
				}
				else {
					polled.add(new Polled(link, request));
				}
			}
			changes += observeAll(polled, feed);
			// not (yet) visible in the backend's list: look again later, never drop it
			this.links.reschedule(missing, now.plus(this.properties.matureInterval()));
		}
		if (!due.isEmpty()) {
			log.debug("Polled {} service requests by id: {} changes", due.size(), changes);
		}
		return changes;
	}

	private int readFeed() {
		Instant watermark = state(FEED_WATERMARK).map(Instant::parse)
			.orElse(this.clock.instant().minus(this.properties.youngInterval()));
		Instant after = watermark.minus(this.properties.feedOverlap());
		List<ServiceRequest> updated;
		try {
			updated = this.client.requests(RequestQuery.updatedAfter(after));
		}
		catch (Open311Exception ex) {
			failed("reading the change feed (updated_after)", ex);
			return 0;
		}
		if (updated.stream()
			.anyMatch((request) -> request.updatedAt() != null && !request.updatedAt().isAfter(after))) {
			log.info("The Open311 backend ignores updated_after; polling by id lists only");
			setState(FEED_SUPPORTED, "false");
			return 0;
		}
		if (updated.size() >= this.properties.feedPageLimit()) {
			// a full page: the backend may have left changes out (newest first, or in no
			// order), so every tracked request is polled by id, from this round on
			int due = this.links.makeOpenDue(this.clock.instant());
			this.meters.counter("frontdoor.status.feed.truncated").increment();
			log.info("The change feed answered a full page ({} requests): polling {} tracked requests by id as well",
					updated.size(), due);
		}
		Map<String, ServiceRequest> byId = new HashMap<>();
		updated.forEach((request) -> byId.put(request.serviceRequestId(), request));
		int changes = observeAll(this.links.findByServiceRequestIds(byId.keySet())
			.stream()
			.map((link) -> new Polled(link, byId.get(link.serviceRequestId())))
			.toList(), true);
		Instant newest = updated.stream()
			.map(ServiceRequest::updatedAt)
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(watermark);
		if (newest.isAfter(watermark)) {
			setState(FEED_WATERMARK, newest.toString());
		}
		return changes;
	}

	boolean feedSupported() {
		return switch (this.properties.changeFeed()) {
			case ON -> true;
			case OFF -> false;
			case AUTO -> state(FEED_SUPPORTED).map(Boolean::parseBoolean).orElseGet(this::probeFeed);
		};
	}

	private boolean probeFeed() {
		try {
			// a backend that honours updated_after has nothing updated tomorrow
			List<ServiceRequest> future = this.client
				.requests(RequestQuery.updatedAfter(this.clock.instant().plus(Duration.ofDays(1))));
			boolean supported = future.isEmpty();
			setState(FEED_SUPPORTED, Boolean.toString(supported));
			log.info("Open311 change feed (updated_after) {}", supported ? "supported" : "not supported");
			return supported;
		}
		catch (Open311Exception ex) {
			failed("probing the change feed", ex);
			if (ex.policy() == Open311Exception.Policy.PERMANENT) {
				setState(FEED_SUPPORTED, "false");
			}
			return false;
		}
	}

	/**
	 * Record what the backend said about a batch of links. Answers that bring nothing new
	 * (the common case: most requests do not change between two polls) are recorded
	 * together in one statement, guarded by the row still being as it was loaded; the
	 * others, and any link that changed meanwhile, go through {@link #observe} one by one
	 * under the row lock.
	 * @param polled the links as loaded, each with the backend's answer
	 * @param feed whether a change feed watches these requests
	 * @return how many real changes were recorded
	 */
	int observeAll(List<Polled> polled, boolean feed) {
		Instant now = this.clock.instant();
		List<Polled> quiet = new ArrayList<>();
		List<ServiceRequestLinkRepository.Unchanged> unchanged = new ArrayList<>();
		List<Polled> others = new ArrayList<>();
		for (Polled each : polled) {
			ServiceRequestLink link = each.link();
			ServiceRequest request = each.request();
			if (!older(link, request) && changes(link, request).isEmpty()) {
				quiet.add(each);
				unchanged
					.add(new ServiceRequestLinkRepository.Unchanged(link, request.status().wire(), request.rawStatus(),
							request.statusNotes(), request.updatedAt(), nextPoll(link, request, feed, now)));
			}
			else {
				others.add(each);
			}
		}
		if (!unchanged.isEmpty()) {
			// a link changed since it was loaded: compare again under its row lock
			Set<UUID> recorded = this.links.recordUnchanged(unchanged);
			quiet.stream().filter((each) -> !recorded.contains(each.link().id())).forEach(others::add);
		}
		int changes = 0;
		for (Polled each : others) {
			if (observe(each.link(), each.request(), feed)) {
				changes++;
			}
		}
		return changes;
	}

	/** An answer older than the one already recorded (a lagging replica, an overlap). */
	private static boolean older(ServiceRequestLink link, ServiceRequest request) {
		return request.updatedAt() != null && link.backendUpdatedAt() != null
				&& micros(request.updatedAt()).isBefore(link.backendUpdatedAt());
	}

	/**
	 * A link as loaded before the remote call, with the backend's answer.
	 *
	 * @param link the link
	 * @param request the backend's view
	 */
	record Polled(ServiceRequestLink link, ServiceRequest request) {

	}

	/**
	 * Compare what the backend says with what we saw last, store it, and record a change.
	 * The link row is locked and re-read inside the transaction, so two rounds observing
	 * the same answer (a leader hand-over, a manual round) record the change once.
	 * @param polled the link as loaded before the remote call
	 * @param request the backend's view
	 * @param feed whether a change feed watches this request
	 * @return whether it was a real change
	 */
	boolean observe(ServiceRequestLink polled, ServiceRequest request, boolean feed) {
		Instant now = this.clock.instant();
		StatusChangedEvent event = this.transactions.execute((status) -> {
			ServiceRequestLink link = this.links.lock(polled.id()).orElse(null);
			if (link == null) {
				return null;
			}
			Instant next = nextPoll(link, request, feed, now);
			if (older(link, request)) {
				// an older answer than the one we have (a lagging replica, an overlapping
				// round)
				this.links.reschedule(List.of(link.id()), next);
				return null;
			}
			Set<StatusChangedEvent.Change> changes = changes(link, request);
			this.links.recordObservation(link.id(), request.status().wire(), request.rawStatus(), request.statusNotes(),
					request.updatedAt(), next);
			if (changes.isEmpty()) {
				return null;
			}
			long changeId = this.jdbc.sql("""
					insert into status_change (link_id, service_request_id, old_status, new_status, raw_status,
						status_notes, backend_updated_at, changes)
					values (:link, :sr, :old, :new, :raw, :notes, :updated, :changes) returning id
					""")
				.param("link", link.id())
				.param("sr", link.serviceRequestId())
				.param("old", link.status())
				.param("new", request.status().wire())
				.param("raw", Sql.cut(request.rawStatus(), 255))
				.param("notes", request.statusNotes())
				.param("updated", Sql.ts(request.updatedAt()))
				.param("changes", changes.toString())
				.query(Long.class)
				.single();
			StatusChangedEvent changed = new StatusChangedEvent(changeId, link.id(), link.serviceRequestId(),
					link.status(), request.status().wire(), request.rawStatus(), request.statusNotes(),
					request.updatedAt(), Set.copyOf(changes));
			this.events.publishEvent(changed);
			return changed;
		});
		if (event == null) {
			return false;
		}
		this.meters.counter("frontdoor.status.changes").increment();
		log.debug("Status change on service request {} (link {}): {} -> {} ({}) {}", event.serviceRequestId(),
				event.linkId(), event.oldStatus(), event.newStatus(), event.rawStatus(), event.changes());
		return true;
	}

	static Set<StatusChangedEvent.Change> changes(ServiceRequestLink link, ServiceRequest request) {
		Set<StatusChangedEvent.Change> changes = EnumSet.noneOf(StatusChangedEvent.Change.class);
		boolean baseline = link.lastPolledAt() == null;
		if (baseline && link.status() == null) {
			// first look at a request we only started to follow: what it says now is the
			// starting point (the subscriber was told), not a change
			return changes;
		}
		boolean statusChanged = !Objects.equals(link.status(), request.status().wire())
				|| (link.rawStatus() != null && !Objects.equals(link.rawStatus(), request.rawStatus()));
		if (statusChanged) {
			changes.add(StatusChangedEvent.Change.STATUS);
		}
		if (!Objects.equals(blankToNull(link.statusNotes()), blankToNull(request.statusNotes()))) {
			changes.add(StatusChangedEvent.Change.NOTES);
		}
		if (!baseline && request.updatedAt() != null
				&& (link.backendUpdatedAt() == null || micros(request.updatedAt()).isAfter(link.backendUpdatedAt()))) {
			changes.add(StatusChangedEvent.Change.UPDATED);
		}
		return changes;
	}

	Instant nextPoll(ServiceRequestLink link, ServiceRequest request, boolean feed, Instant now) {
		Instant since = (request.requestedAt() != null) ? request.requestedAt() : link.createdAt();
		Duration age = Duration.between(since, now);
		if (request.status() == RequestStatus.CLOSED) {
			Instant closedAt = (request.updatedAt() != null) ? request.updatedAt() : now;
			return Duration.between(closedAt, now).compareTo(this.properties.closedRetention()) > 0 ? null
					: now.plus(this.properties.sweepInterval());
		}
		if (feed || age.compareTo(this.properties.matureAge()) >= 0) {
			return now.plus(this.properties.sweepInterval());
		}
		if (age.compareTo(this.properties.youngAge()) < 0) {
			return now.plus(this.properties.youngInterval());
		}
		return now.plus(this.properties.matureInterval());
	}

	/**
	 * The poller's state for the admin API.
	 *
	 * @param enabled whether this instance takes part in the election
	 * @param leader whether this instance polls
	 * @param changeFeed the configured change-feed mode
	 * @param feedSupported what the probe found ({@code null}: not probed yet)
	 * @param feedWatermark the newest change seen on the feed, or {@code null}
	 * @param lastRound when the last round finished (any instance), or {@code null}
	 * @param lastFailure the last failed call with its time and reason, or {@code null}
	 * @param links how many requests are tracked and due
	 */
	public record Summary(boolean enabled, boolean leader, String changeFeed, Boolean feedSupported,
			String feedWatermark, String lastRound, String lastFailure, ServiceRequestLinkRepository.Counts links) {

	}

	/** Times as the database keeps them (microseconds), so a re-poll compares equal. */
	private static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private Optional<String> state(String name) {
		return this.jdbc.sql("select value from poller_state where name = :name")
			.param("name", name)
			.query(String.class)
			.optional();
	}

	private void setState(String name, String value) {
		this.jdbc
			.sql("insert into poller_state (name, value) values (:name, :value) "
					+ "on conflict (name) do update set value = excluded.value, updated_at = now()")
			.param("name", name)
			.param("value", value)
			.update();
	}

}
