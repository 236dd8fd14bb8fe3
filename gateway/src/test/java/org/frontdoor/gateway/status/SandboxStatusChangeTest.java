package org.frontdoor.gateway.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.gateway.open311.NewServiceRequest;
import org.frontdoor.gateway.outbox.Submission;
import org.frontdoor.gateway.outbox.SubmissionOutbox;
import org.frontdoor.gateway.outbox.SubmissionRepository;
import org.frontdoor.gateway.outbox.SubmissionResolvedEvent;
import org.frontdoor.gateway.testsupport.EventRecorder;
import org.frontdoor.gateway.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default run end to end: FrontDoor's Open311 client pointed at its own
 * sandbox over HTTP by the {@code sandbox} profile (base URL and key from
 * {@code application-sandbox.yml}), a submission posted through the outbox, a staff
 * status change in the sandbox, and the leader-elected poller picking it up on its own
 * schedule: one {@link StatusChangedEvent}, one {@code status_change} row, a DEBUG log
 * line.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdoor.admin.password=admin-e2e", "frontdoor.admin.staff.password=staff-e2e",
				"frontdoor.status.poll-interval=300ms", "frontdoor.status.young-interval=1s",
				"frontdoor.status.leader-heartbeat=500ms", "frontdoor.outbox.poll-interval=200ms",
				"frontdoor.open311.catalog-retry=1s", "logging.level.org.frontdoor.gateway.status=debug",
				"server.shutdown=immediate", "frontdoor.outbox.shutdown-grace=2s" })
@PostgresTest
@Import(EventRecorder.class)
@ExtendWith(OutputCaptureExtension.class)
class SandboxStatusChangeTest {

	@Autowired
	SubmissionOutbox outbox;

	@Autowired
	SubmissionRepository submissions;

	@Autowired
	EventRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	StatusPoller poller;

	@LocalServerPort
	int port;

	@Test
	void aStaffStatusChangeInTheSandboxIsPickedUpByThePoller(CapturedOutput output) {
		UUID id = this.outbox.enqueue(
				NewServiceRequest.of("sidewalk", 42.3736, -71.1097, "Cracked sidewalk slab by the bus stop"), null);
		String serviceRequestId = awaitDone(id).serviceRequestId();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.sql("select last_polled_at is not null from service_request_link where service_request_id = :id")
				.param("id", serviceRequestId)
				.query(Boolean.class)
				.single());
		assertThat(this.poller.isLeader()).isTrue();

		List<Map<String, Object>> changed = client().post()
			.uri("/sandbox/admin/requests/{id}", serviceRequestId)
			.headers((headers) -> headers.setBasicAuth("staff", "staff-e2e"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "closed", "status_notes", "Slab replaced by the city crew"))
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(changed).singleElement()
			.satisfies((request) -> assertThat(request).containsEntry("status", "closed"));

		await().atMost(Duration.ofSeconds(30)).until(() -> closedEvents(serviceRequestId).size() == 1);
		StatusChangedEvent event = closedEvents(serviceRequestId).get(0);
		assertThat(event.oldStatus()).isEqualTo("open");
		assertThat(event.statusNotes()).isEqualTo("Slab replaced by the city crew");
		assertThat(event.changes()).contains(StatusChangedEvent.Change.STATUS, StatusChangedEvent.Change.NOTES);
		assertThat(output.getOut()).contains("Status change on service request " + serviceRequestId);

		// later rounds see the same state: no second event, one row
		long rounds = roundsSoFar();
		await().atMost(Duration.ofSeconds(30)).until(() -> roundsSoFar() >= rounds + 3);
		assertThat(closedEvents(serviceRequestId)).hasSize(1);
		assertThat(this.jdbc
			.sql("select count(*) from status_change where service_request_id = :id and new_status = 'closed'")
			.param("id", serviceRequestId)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aRepostAfterAnUnknownOutcomeIsAnsweredWithTheSandboxesOwnRequest() {
		String description = "Streetlight out, repost " + UUID.randomUUID();
		// the submission's first POST reached the sandbox but its answer was lost: the
		// row
		// is marked ambiguous, and the sandbox already holds a request with its id
		UUID id = this.transactions.execute((status) -> {
			UUID queued = this.outbox.enqueue(NewServiceRequest.of("sidewalk", 42.3741, -71.1189, description), null);
			this.jdbc.sql("update submission set ambiguous = true, first_attempt_at = now() where id = :id")
				.param("id", queued)
				.update();
			return queued;
		});
		String firstId = postDirectly(description, id);

		Submission done = awaitDone(id);

		assertThat(done.serviceRequestId()).isEqualTo(firstId);
		assertThat(this.recorder.of(SubmissionResolvedEvent.class))
			.filteredOn((event) -> event.submissionId().equals(id))
			.singleElement()
			.satisfies((event) -> assertThat(event.via()).isEqualTo("post"));
		List<Map<String, Object>> same = client().get()
			.uri("/sandbox/open311/v2/requests.json?service_code=sidewalk")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(same).filteredOn((request) -> description.equals(request.get("description"))).hasSize(1);
	}

	private String postDirectly(String description, UUID externalId) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("api_key", "frontdoor-sandbox-key");
		form.add("service_code", "sidewalk");
		form.add("lat", "42.3741");
		form.add("long", "-71.1189");
		form.add("description", description);
		form.add("attribute[external_id]", externalId.toString());
		List<Map<String, Object>> answer = client().post()
			.uri("/sandbox/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		return String.valueOf(answer.get(0).get("service_request_id"));
	}

	private Submission awaitDone(UUID id) {
		await().atMost(Duration.ofSeconds(40))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.submissions.find(id).map(Submission::state).orElse(""), "DONE"::equals);
		return this.submissions.find(id).orElseThrow();
	}

	private List<StatusChangedEvent> closedEvents(String serviceRequestId) {
		return this.recorder.of(StatusChangedEvent.class)
			.stream()
			.filter((event) -> event.serviceRequestId().equals(serviceRequestId))
			.filter((event) -> "closed".equals(event.newStatus()))
			.toList();
	}

	private long roundsSoFar() {
		return this.poller.pollTimer().count();
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
