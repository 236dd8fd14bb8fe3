package org.frontdoor.gateway.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.frontdoor.gateway.open311.NewServiceRequest;
import org.frontdoor.gateway.outbox.SubmissionOutbox;
import org.frontdoor.gateway.persistence.ServiceRequestLink;
import org.frontdoor.gateway.persistence.ServiceRequestLinkRepository;
import org.frontdoor.gateway.status.StatusChangedEvent.Change;
import org.frontdoor.gateway.testsupport.FakeOpen311Backend;
import org.frontdoor.gateway.testsupport.FakeOpen311Backend.GetFault;
import org.frontdoor.gateway.testsupport.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The status poller against a real GeoReport backend on loopback: the change feed and
 * batched id lists, cadence by age, what counts as a change (exactly one event and one
 * {@code status_change} row per real change), token links, and backend faults.
 */
class StatusPollerTest extends GatewayIntegrationTest {

	static final Duration SECONDS = Duration.ofSeconds(1);

	@Autowired
	StatusPoller poller;

	@Autowired
	ServiceRequestLinkRepository links;

	@Autowired
	SubmissionOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void forgetTrackedRequests() {
		this.jdbc.sql("delete from status_change").update();
		this.jdbc.sql("delete from subscription").update();
		this.jdbc.sql("delete from service_request_link").update();
		this.jdbc.sql("delete from poller_state").update();
	}

	@Test
	void withoutAChangeFeedRequestsArePolledInBatchesOfAtMostFiftyIds() {
		backend.honorUpdatedAfter(false);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			ids.add(track(backend.create("pothole", "hole " + i, Instant.now().minus(Duration.ofHours(1)))));
		}

		assertThat(this.poller.pollOnce()).isZero();

		assertThat(state(StatusPoller.FEED_SUPPORTED)).as("the probe saw updated_after ignored").isEqualTo("false");
		List<List<String>> batches = idBatches();
		assertThat(batches).hasSize(3).allSatisfy((batch) -> assertThat(batch).hasSizeLessThanOrEqualTo(50));
		assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(polledLinks()).isEqualTo(120);
		assertThat(changeRows()).as("the first look is a baseline, not a change").isZero();

		backend.setStatus(ids.get(0), "closed", "Filled");
		backend.setStatus(ids.get(1), "open", "Crew assigned");
		makeAllDue();
		assertThat(this.poller.pollOnce()).isEqualTo(2);

		List<StatusChangedEvent> events = this.recorder.of(StatusChangedEvent.class);
		assertThat(events).extracting(StatusChangedEvent::serviceRequestId)
			.containsExactlyInAnyOrder(ids.get(0), ids.get(1));
		StatusChangedEvent closed = events.stream()
			.filter((e) -> e.serviceRequestId().equals(ids.get(0)))
			.findFirst()
			.orElseThrow();
		assertThat(closed.oldStatus()).isEqualTo("open");
		assertThat(closed.newStatus()).isEqualTo("closed");
		assertThat(closed.statusNotes()).isEqualTo("Filled");
		assertThat(closed.changes()).contains(Change.STATUS, Change.NOTES);
		assertThat(this.recorder.inTransaction).containsOnly(true);
		assertThat(changeRows()).isEqualTo(2);

		makeAllDue();
		assertThat(this.poller.pollOnce()).as("an unchanged re-poll is no change").isZero();
		assertThat(changeRows()).isEqualTo(2);
		assertThat(this.recorder.of(StatusChangedEvent.class)).hasSize(2);
	}

	@Test
	void withAChangeFeedOnlyChangedRequestsAreFetched() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(track(backend.create("pothole", "feed " + i, Instant.now().minus(Duration.ofHours(1)))));
		}
		this.poller.pollOnce();
		assertThat(state(StatusPoller.FEED_SUPPORTED)).isEqualTo("true");
		assertThat(polledLinks()).as("each request is seen once by id").isEqualTo(3);

		backend.setStatus(ids.get(2), "closed", "Removed");
		int before = backend.requestQueries().size();
		assertThat(this.poller.pollOnce()).isOne();

		List<Map<String, String>> round = backend.requestQueries().subList(before, backend.requestQueries().size());
		assertThat(round).isNotEmpty()
			.allSatisfy(
					(query) -> assertThat(query).containsKey("updated_after").doesNotContainKey("service_request_id"));
		assertThat(this.recorder.of(StatusChangedEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.serviceRequestId()).isEqualTo(ids.get(2)));
		assertThat(state(StatusPoller.FEED_WATERMARK)).isNotNull();

		// the next round's feed overlaps the last one: the same update is no new change
		assertThat(this.poller.pollOnce()).isZero();
		assertThat(changeRows()).isOne();
		assertThat(this.links.findByServiceRequestId(ids.get(0)).orElseThrow().nextPollAt())
			.as("a request the feed watches is only swept daily")
			.isAfter(Instant.now().plus(Duration.ofHours(23)));
	}

	@Test
	void aFullChangeFeedPageMakesEveryTrackedRequestPolledByIdSoNoChangeIsMissed() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(track(backend.create("pothole", "page " + i, Instant.now().minus(Duration.ofHours(1)))));
		}
		List<String> others = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			others.add(backend.create("litter", "not ours " + i, Instant.now().minus(Duration.ofHours(1))));
		}
		this.poller.pollOnce();
		assertThat(state(StatusPoller.FEED_SUPPORTED)).isEqualTo("true");
		this.recorder.clear();

		// our three requests change, then a thousand others: the backend's feed answers a
		// page of its 1,000 newest changes (its page size, and the poller's default
		// limit)
		backend.feedPage(1000);
		for (int i = 0; i < 3; i++) {
			backend.setStatus(ids.get(i), "closed", "Fixed " + i);
			backend.setUpdated(ids.get(i), Instant.now().minus(Duration.ofSeconds(60 - i)));
		}
		others.forEach((id) -> backend.setUpdated(id, Instant.now().minus(Duration.ofSeconds(10))));
		int before = backend.requestQueries().size();

		assertThat(this.poller.pollOnce()).isEqualTo(3);
		assertThat(this.recorder.of(StatusChangedEvent.class)).extracting(StatusChangedEvent::serviceRequestId)
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(backend.requestQueries().subList(before, backend.requestQueries().size()))
			.as("the requests left out of the page were fetched by id")
			.anySatisfy((query) -> assertThat(query.get("service_request_id")).contains(ids.get(0)));
		assertThat(changeRows()).isEqualTo(3);
	}

	static Stream<Arguments> observations() {
		BiConsumer<FakeOpen311Backend, String> nothing = (b, id) -> {
		};
		return Stream.of(Arguments.of("new status", (BiConsumer<FakeOpen311Backend, String>) (b, id) -> {
			b.setStatus(id, "closed", null);
		}, EnumSet.of(Change.STATUS, Change.UPDATED)),
				Arguments.of("new status notes", (BiConsumer<FakeOpen311Backend, String>) (b, id) -> {
					b.setStatus(id, "open", "Scheduled for Tuesday");
				}, EnumSet.of(Change.NOTES, Change.UPDATED)),
				Arguments.of("only a newer updated_datetime",
						(BiConsumer<FakeOpen311Backend, String>) (b, id) -> b.setUpdated(id, Instant.now()),
						EnumSet.of(Change.UPDATED)),
				Arguments.of("an unchanged re-poll", nothing, EnumSet.noneOf(Change.class)),
				Arguments.of("an older answer than the one seen", (BiConsumer<FakeOpen311Backend, String>) (b, id) -> {
					b.setStatus(id, "closed", "stale replica");
					b.setUpdated(id, Instant.now().minus(Duration.ofDays(3)));
				}, EnumSet.noneOf(Change.class)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("observations")
	void whatCountsAsAChange(String name, BiConsumer<FakeOpen311Backend, String> mutation, Set<Change> expected) {
		noChangeFeed();
		String id = track(backend.create("pothole", name, Instant.now().minus(Duration.ofDays(1))));
		this.poller.pollOnce();
		this.recorder.clear();

		mutation.accept(backend, id);
		makeAllDue();
		this.poller.pollOnce();

		List<StatusChangedEvent> events = this.recorder.of(StatusChangedEvent.class);
		if (expected.isEmpty()) {
			assertThat(events).isEmpty();
			assertThat(changeRows()).isZero();
		}
		else {
			assertThat(events).singleElement().satisfies((event) -> assertThat(event.changes()).isEqualTo(expected));
			Map<String, Object> row = this.jdbc.sql("select * from status_change").query().singleRow();
			assertThat(row.get("service_request_id")).isEqualTo(id);
			assertThat(row.get("id")).isEqualTo(events.get(0).changeId());
		}
	}

	@Test
	void youngRequestsArePolledOftenOldOnesDailyAndLongClosedOnesNoMore() {
		noChangeFeed();
		Instant now = Instant.now();
		String young = track(backend.create("pothole", "young", now.minus(Duration.ofHours(1))));
		String mature = track(backend.create("pothole", "mature", now.minus(Duration.ofDays(10))));
		String old = track(backend.create("pothole", "old", now.minus(Duration.ofDays(60))));
		String closedRecently = track(backend.create("pothole", "closed recently", now.minus(Duration.ofDays(5))));
		backend.setStatus(closedRecently, "closed", null);
		String closedLongAgo = track(backend.create("pothole", "closed long ago", now.minus(Duration.ofDays(90))));
		backend.setStatus(closedLongAgo, "closed", null);
		backend.setUpdated(closedLongAgo, now.minus(Duration.ofDays(60)));

		this.poller.pollOnce();

		assertThat(secondsUntilNextPoll(young)).isCloseTo(60, within(15L));
		assertThat(secondsUntilNextPoll(mature)).isCloseTo(15 * 60, within(15L));
		assertThat(secondsUntilNextPoll(old)).isCloseTo(24 * 3600, within(15L));
		assertThat(secondsUntilNextPoll(closedRecently)).isCloseTo(24 * 3600, within(15L));
		assertThat(this.links.findByServiceRequestId(closedLongAgo).orElseThrow().nextPollAt())
			.as("closed beyond the retention: no longer polled")
			.isNull();
	}

	@Test
	void aRequestKnownOnlyByItsTokenIsPolledOnceTheTokenResolves() {
		noChangeFeed();
		UUID submission = this.outbox.enqueue(NewServiceRequest.of("graffiti", 42.37, -71.11, "tag on the bridge"),
				null);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.links.findBySubmission(submission).map(ServiceRequestLink::serviceRequestId).isPresent());
		ServiceRequestLink link = this.links.findBySubmission(submission).orElseThrow();
		// (a submission an earlier test left retrying may reach the shared backend
		// meanwhile: only this test's request is looked at)
		assertThat(link.token()).isNotNull()
			.isEqualTo(backend.created()
				.stream()
				.filter((created) -> "tag on the bridge".equals(created.description()))
				.findFirst()
				.orElseThrow()
				.token());
		backend.setStatus(link.serviceRequestId(), "open", "Assigned to the graffiti crew");

		this.poller.pollOnce();

		assertThat(idBatches()).singleElement()
			.satisfies((batch) -> assertThat(batch).contains(link.serviceRequestId()));
		assertThat(this.recorder.of(StatusChangedEvent.class)
			.stream()
			.filter((event) -> link.serviceRequestId().equals(event.serviceRequestId()))).singleElement()
			.satisfies((event) -> assertThat(event.statusNotes()).isEqualTo("Assigned to the graffiti crew"));
	}

	@Test
	void malformedHtmlAnd5xxAnswersAreRetriedLaterAndShownToAdmins() {
		noChangeFeed();
		String id = track(backend.create("pothole", "faulty backend", Instant.now().minus(Duration.ofHours(2))));
		this.poller.pollOnce();
		Instant baseline = this.links.findByServiceRequestId(id).orElseThrow().lastPolledAt();
		makeAllDue();
		double malformedBefore = failures("malformed_response");
		double serverErrorsBefore = failures("server_error");
		backend.failNextGets(GetFault.HTML_PAGE, GetFault.SERVER_ERROR, GetFault.GARBAGE);

		for (int round = 0; round < 3; round++) {
			assertThat(this.poller.pollOnce()).isZero();
			ServiceRequestLink link = this.links.findByServiceRequestId(id).orElseThrow();
			assertThat(link.lastPolledAt()).as("no observation from a failed call").isEqualTo(baseline);
			assertThat(link.nextPollAt()).as("kept and retried later").isAfter(Instant.now());
			makeAllDue();
		}

		assertThat(failures("malformed_response") - malformedBefore).isEqualTo(2);
		assertThat(failures("server_error") - serverErrorsBefore).isEqualTo(1);
		String summary = admin().get().uri("/admin/status-poller").retrieve().body(String.class);
		assertThat(summary).contains("\"lastFailure\"").contains("unreadable answer").contains("\"due\":1");
		String metrics = anonymous().get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(metrics).contains("frontdoor_status_poll_failures_total{kind=\"malformed_response\"");

		backend.setStatus(id, "closed", "Fixed");
		assertThat(this.poller.pollOnce()).isOne();
		assertThat(this.links.findByServiceRequestId(id).orElseThrow().status()).isEqualTo("closed");
	}

	@Test
	void twoRoundsSeeingTheSameChangeRecordItOnce() throws Exception {
		noChangeFeed();
		String id = track(backend.create("pothole", "race", Instant.now().minus(Duration.ofHours(3))));
		this.poller.pollOnce();
		backend.setStatus(id, "closed", "Done");
		makeAllDue();

		// both rounds load the due link and get the backend's answer before either
		// records it
		backend.gatherGets(2);
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<Integer>> rounds = Stream.of(1, 2).map((n) -> CompletableFuture.supplyAsync(() -> {
			try {
				start.await();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return this.poller.pollOnce();
		})).toList();

		assertThat(rounds.get(0).get() + rounds.get(1).get()).isOne();
		assertThat(changeRows()).isOne();
		assertThat(this.recorder.of(StatusChangedEvent.class)).hasSize(1);
	}

	@Test
	void quietPollsAreRecordedTogetherButNeverOverAChangeRecordedMeanwhile() {
		noChangeFeed();
		Instant now = Instant.now();
		String quiet = track(backend.create("pothole", "quiet", now.minus(Duration.ofHours(1))));
		String raced = track(backend.create("pothole", "raced", now.minus(Duration.ofHours(1))));
		this.poller.pollOnce();
		ServiceRequestLink quietLink = this.links.findByServiceRequestId(quiet).orElseThrow();
		ServiceRequestLink racedLink = this.links.findByServiceRequestId(raced).orElseThrow();
		assertThat(quietLink.status()).as("baseline recorded by the batched path").isEqualTo("open");
		// another round records a change on one link after this round loaded it
		this.links.recordObservation(racedLink.id(), "closed", "Fixed", "filled", now, null);
		Instant next = now.plus(Duration.ofMinutes(5));

		Set<UUID> recorded = this.links.recordUnchanged(List.of(
				new ServiceRequestLinkRepository.Unchanged(quietLink, "open", quietLink.rawStatus(),
						quietLink.statusNotes(), quietLink.backendUpdatedAt(), next),
				new ServiceRequestLinkRepository.Unchanged(racedLink, "open", racedLink.rawStatus(),
						racedLink.statusNotes(), racedLink.backendUpdatedAt(), next)));

		assertThat(recorded).containsExactly(quietLink.id());
		ServiceRequestLink afterQuiet = this.links.findByServiceRequestId(quiet).orElseThrow();
		assertThat(afterQuiet.lastPolledAt()).isAfter(quietLink.lastPolledAt());
		assertThat(afterQuiet.nextPollAt()).isCloseTo(next, within(1, ChronoUnit.MILLIS));
		ServiceRequestLink afterRaced = this.links.findByServiceRequestId(raced).orElseThrow();
		assertThat(afterRaced.status()).as("the change recorded meanwhile stays").isEqualTo("closed");
		assertThat(afterRaced.statusNotes()).isEqualTo("filled");
		assertThat(afterRaced.nextPollAt()).isNull();
	}

	private String track(String serviceRequestId) {
		this.links.track(serviceRequestId, "pothole");
		return serviceRequestId;
	}

	private void noChangeFeed() {
		this.jdbc.sql("insert into poller_state (name, value) values (:name, 'false')")
			.param("name", StatusPoller.FEED_SUPPORTED)
			.update();
	}

	private void makeAllDue() {
		this.jdbc.sql("update service_request_link set next_poll_at = now() - interval '1 second'").update();
	}

	private String state(String name) {
		return this.jdbc.sql("select value from poller_state where name = :name")
			.param("name", name)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private List<List<String>> idBatches() {
		return backend.requestQueries()
			.stream()
			.filter((query) -> query.containsKey("service_request_id"))
			.map((query) -> Arrays.asList(query.get("service_request_id").split(",")))
			.toList();
	}

	private long polledLinks() {
		return this.jdbc.sql("select count(*) from service_request_link where last_polled_at is not null")
			.query(Long.class)
			.single();
	}

	private long changeRows() {
		return this.jdbc.sql("select count(*) from status_change").query(Long.class).single();
	}

	private long secondsUntilNextPoll(String id) {
		return Duration.between(Instant.now(), this.links.findByServiceRequestId(id).orElseThrow().nextPollAt())
			.toSeconds();
	}

	private double failures(String kind) {
		var counter = this.meters.find("frontdoor.status.poll.failures").tag("kind", kind).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
