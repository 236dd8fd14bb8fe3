package org.frontdoor.gateway.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.frontdoor.gateway.open311.NewServiceRequest;
import org.frontdoor.gateway.persistence.DeadLetterRepository;
import org.frontdoor.gateway.persistence.QueueControl;
import org.frontdoor.gateway.persistence.QueueNames;
import org.frontdoor.gateway.testsupport.FakeOpen311Backend;
import org.frontdoor.gateway.testsupport.FakeOpen311Backend.Fault;
import org.frontdoor.gateway.testsupport.GatewayTestProperties;
import org.frontdoor.gateway.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Open311 outbox against a real, stateful backend on loopback that fails on demand:
 * every fault ends with exactly one service request or a visible dead letter.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PostgresTest
@Import(EventRecorder.class)
class SubmissionOutboxTest {

	static final FakeOpen311Backend backend = new FakeOpen311Backend();

	static {
		backend.start();
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		GatewayTestProperties.fastQueues(backend.baseUrl()).forEach((key, value) -> registry.add(key, () -> value));
		registry.add("frontdoor.status.enabled", () -> "false");
	}

	@AfterAll
	static void stopBackend() {
		backend.stop();
	}

	@Autowired
	SubmissionOutbox outbox;

	@Autowired
	SubmissionRepository submissions;

	@Autowired
	DeadLetterRepository deadLetters;

	@Autowired
	QueueControl control;

	@Autowired
	EventRecorder recorder;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeEach
	void reset() {
		backend.reset();
		this.recorder.events.clear();
		this.recorder.inTransaction.clear();
	}

	@Test
	void retriesThrough503sAndCreatesExactlyOneRequest() {
		backend.failNextPosts(Fault.UNAVAILABLE, Fault.UNAVAILABLE);
		UUID id = this.outbox.enqueue(NewServiceRequest.of("pothole", 42.3736, -71.1097, "503 twice"), null);

		Submission done = awaitState(id, "DONE");

		assertThat(backend.created()).hasSize(1);
		assertThat(backend.posts()).isEqualTo(3);
		assertThat(backend.created().get(0).externalId()).isEqualTo(id.toString());
		assertThat(done.serviceRequestId()).isEqualTo(backend.created().get(0).id());
		assertThat(this.recorder.of(SubmissionResolvedEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.serviceRequestId()).isEqualTo(done.serviceRequestId()));
		assertThat(this.recorder.inTransaction).containsOnly(true);
	}

	@Test
	void aTimeoutAfterTheBackendCreatedTheRequestIsReconciledNotPostedAgain() {
		backend.failNextPosts(Fault.CREATE_THEN_HANG);
		UUID id = this.outbox.enqueue(NewServiceRequest.of("pothole", 42.3736, -71.1097, "timeout after create"), null);

		Submission done = awaitState(id, "DONE");

		assertThat(backend.created()).hasSize(1);
		assertThat(backend.posts()).isEqualTo(1);
		assertThat(done.serviceRequestId()).isEqualTo(backend.created().get(0).id());
		assertThat(this.recorder.of(SubmissionResolvedEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.via()).isEqualTo("reconciled"));
	}

	@Test
	void aRejectedSubmissionIsDeadLetteredWithTheFieldErrorsAndCanBeReplayed() {
		backend.failNextPosts(Fault.BAD_REQUEST);
		UUID id = this.outbox.enqueue(NewServiceRequest.of("pothole", 42.37, -71.11, "needs size"), null);

		awaitState(id, "DEAD");

		assertThat(backend.created()).isEmpty();
		SubmissionFailedEvent failed = this.recorder.of(SubmissionFailedEvent.class).get(0);
		assertThat(failed.rejectedByBackend()).isTrue();
		assertThat(failed.errors()).extracting("code").containsExactly("attribute[size]");
		var letter = this.deadLetters.find(SubmissionWorker.DEAD_LETTER_SOURCE, id.toString()).orElseThrow();
		assertThat(letter.reason()).contains("size is required");

		String list = admin().get().uri("/admin/dead-letters?source=outbox.submission").retrieve().body(String.class);
		assertThat(list).contains(letter.id().toString()).contains("size is required");
		String replayed = admin().post()
			.uri("/admin/dead-letters/{id}/replay", letter.id())
			.retrieve()
			.body(String.class);
		assertThat(replayed).contains("\"outcome\":\"REPLAYED\"");

		awaitState(id, "DONE");
		assertThat(backend.created()).hasSize(1);
		assertThat(this.deadLetters.find(letter.id()).orElseThrow().replayState()).isEqualTo("REPLAYED");
	}

	@Test
	void aBadKeyHaltsTheQueueWithoutBurningAttemptsUntilAnAdminResumesIt() throws InterruptedException {
		backend.failNextPosts(Fault.UNAUTHORIZED);
		UUID id = this.outbox.enqueue(NewServiceRequest.of("pothole", 42.37, -71.11, "bad key"), null);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.control.isHalted(QueueNames.SUBMISSION));
		Thread.sleep(1000);
		assertThat(backend.posts()).isEqualTo(1);
		assertThat(this.submissions.find(id).orElseThrow().attempts()).isZero();
		String health = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/actuator/health")
			.retrieve()
			.body(String.class);
		assertThat(health).contains("\"status\":\"HALTED\"").contains("rejected our credentials");
		assertThat(admin().get().uri("/admin/queues").retrieve().body(String.class)).contains("\"halted\":true");

		admin().post().uri("/admin/queues/submission/resume").retrieve().toBodilessEntity();
		// the row was released for a minute; bring it forward instead of waiting
		this.jdbc.sql("update submission set next_attempt_at = now() where id = :id").param("id", id).update();
		awaitState(id, "DONE");
		assertThat(backend.created()).hasSize(1);
	}

	@Test
	void aBatchServiceTokenIsResolvedThroughTheQueue() {
		UUID id = this.outbox.enqueue(NewServiceRequest.of("graffiti", 42.37, -71.11, "tagged wall"), null);

		Submission done = awaitState(id, "DONE");

		assertThat(done.token()).isEqualTo(backend.created().get(0).token());
		assertThat(done.serviceRequestId()).isEqualTo(backend.created().get(0).id());
		assertThat(this.recorder.of(SubmissionAcceptedEvent.class)).hasSize(1);
		assertThat(this.recorder.of(SubmissionResolvedEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.via()).isEqualTo("token"));
	}

	@Test
	void adminApiNeedsTheAdminRole() {
		RestClient anonymous = RestClient.create("http://localhost:" + this.port);
		assertThat(status(anonymous, "/admin/queues")).isEqualTo(401);
		RestClient staff = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("staff", "staff-secret"))
			.build();
		assertThat(status(staff, "/admin/queues")).isEqualTo(403);
		assertThat(status(admin(), "/admin/queues")).isEqualTo(200);
		assertThat(status(admin(), "/admin/dead-letters/" + UUID.randomUUID())).isEqualTo(404);
	}

	private static int status(RestClient client, String uri) {
		return client.get().uri(uri).exchange((request, response) -> response.getStatusCode().value());
	}

	private RestClient admin() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("admin", "admin-secret"))
			.build();
	}

	private Submission awaitState(UUID id, String state) {
		return awaitState(id, state, Duration.ofSeconds(20));
	}

	private Submission awaitState(UUID id, String state, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.submissions.find(id).map(Submission::state).orElse(""), state::equals);
		return this.submissions.find(id).orElseThrow();
	}

	static List<String> ids(List<FakeOpen311Backend.Created> created) {
		return created.stream().map(FakeOpen311Backend.Created::id).toList();
	}

}
