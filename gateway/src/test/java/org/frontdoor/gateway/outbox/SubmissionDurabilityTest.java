package org.frontdoor.gateway.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.frontdoor.gateway.open311.NewServiceRequest;
import org.frontdoor.gateway.testsupport.FakeOpen311Backend;
import org.frontdoor.gateway.testsupport.FakeOpen311Backend.Fault;
import org.frontdoor.gateway.testsupport.GatewayTestProperties;
import org.frontdoor.gateway.testsupport.Gateways;
import org.frontdoor.gateway.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole gateways on one PostgreSQL: restarted while the backend is down and while a POST
 * is in flight, and two instances working the same outbox. Zero lost and zero duplicate
 * service requests.
 */
class SubmissionDurabilityTest {

	final FakeOpen311Backend backend = new FakeOpen311Backend();

	final Gateways gateways = new Gateways();

	@AfterEach
	void stop() {
		this.gateways.closeAll();
		this.backend.stop();
	}

	@Test
	void backendDownWhileTheGatewayRestartsLosesAndDuplicatesNothing() {
		this.backend.start();
		TestPostgres.TestDatabase database = TestPostgres.createDatabase();
		this.backend.stop();
		ConfigurableApplicationContext first = start(database);
		SubmissionOutbox outbox = first.getBean(SubmissionOutbox.class);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ids.add(outbox.enqueue(NewServiceRequest.of("pothole", 42.37 + i / 1000.0, -71.11, "restart " + i), null));
		}
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from submission where attempts > 0 and state = 'PENDING'")
				.query(Integer.class)
				.single() == 10);
		// the backend comes back, but the first requests it creates are answered too late
		// and the gateway is stopped in the middle of those calls
		this.backend.hangMillis(4000);
		this.backend.failNextPosts(Fault.CREATE_THEN_HANG, Fault.CREATE_THEN_HANG);
		this.backend.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> this.backend.posts() >= 1);
		this.gateways.stop(first);

		ConfigurableApplicationContext second = start(database);
		JdbcClient jdbc2 = second.getBean(JdbcClient.class);
		awaitDone(jdbc2, 10);

		assertThat(this.backend.created()).hasSize(10);
		assertThat(this.backend.createdPerDescription().values()).containsOnly(1L);
		List<String> resolved = jdbc2.sql("select service_request_id from submission").query(String.class).list();
		assertThat(resolved).doesNotContainNull().doesNotHaveDuplicates().hasSize(10);
	}

	@Test
	void twoInstancesOnOneDatabaseNeverDoubleSubmit() {
		this.backend.start();
		TestPostgres.TestDatabase database = TestPostgres.createDatabase();
		ConfigurableApplicationContext a = start(database);
		ConfigurableApplicationContext b = start(database);
		SubmissionOutbox outboxA = a.getBean(SubmissionOutbox.class);
		SubmissionOutbox outboxB = b.getBean(SubmissionOutbox.class);
		this.backend.failNextPosts(Fault.UNAVAILABLE, Fault.UNAVAILABLE, Fault.UNAVAILABLE, Fault.CREATE_THEN_HANG);
		this.backend.hangMillis(1500);
		for (int i = 0; i < 40; i++) {
			SubmissionOutbox outbox = (i % 2 == 0) ? outboxA : outboxB;
			outbox.enqueue(NewServiceRequest.of("pothole", 42.36 + i / 1000.0, -71.10, "two instances " + i), null);
		}
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		// claimed_by keeps only a row's last claimer, and a row one instance was stuck on
		// may end with the other: collect the claimers seen while the rows are worked
		Set<String> workers = new HashSet<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			workers.addAll(jdbc.sql("select distinct claimed_by from submission where claimed_by is not null")
				.query(String.class)
				.list());
			return jdbc.sql("select count(*) from submission where state = 'DONE'").query(Long.class).single() == 40;
		});

		assertThat(this.backend.created()).hasSize(40);
		assertThat(this.backend.createdPerDescription().values()).containsOnly(1L);
		assertThat(workers).as("both instances worked the outbox").hasSize(2);
	}

	@Test
	void stoppingMidBatchHandsUnstartedRowsBackAndLosesNothing() {
		this.backend.start();
		TestPostgres.TestDatabase database = TestPostgres.createDatabase();
		// every POST is created, then answered far too late: the first call of the batch
		// is still running when the gateway is told to stop
		this.backend.hangMillis(30_000);
		this.backend.failNextPosts(Fault.CREATE_THEN_HANG);
		Map<String, Object> slow = Map.of("frontdoor.open311.read-timeout", "25s", "frontdoor.outbox.lease", "3s",
				"frontdoor.outbox.shutdown-grace", "1s");
		ConfigurableApplicationContext first = start(database, slow);
		SubmissionOutbox outbox = first.getBean(SubmissionOutbox.class);
		// queued in one transaction, so one claim takes the whole batch
		List<UUID> ids = first.getBean(org.springframework.transaction.support.TransactionTemplate.class)
			.execute((status) -> {
				List<UUID> queued = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					queued.add(outbox.enqueue(NewServiceRequest.of("pothole", 42.38 + i / 1000.0, -71.12, "stop " + i),
							null));
				}
				return queued;
			});
		await().atMost(Duration.ofSeconds(20)).until(() -> this.backend.posts() == 1);

		this.gateways.stop(first);

		List<String> states = TestPostgres.query(database,
				"select state || ':' || attempts || ':' || ambiguous from submission");
		assertThat(states).as("the four rows not started went back at once, their attempt uncounted")
			.filteredOn("PENDING:0:false"::equals)
			.hasSize(4);
		assertThat(states).as("the interrupted call is known to be ambiguous: still leased, or put back marked so")
			.hasSize(5)
			.containsAnyOf("IN_FLIGHT:1:false", "PENDING:1:true");

		ConfigurableApplicationContext second = start(database, Map.of());
		JdbcClient jdbc2 = second.getBean(JdbcClient.class);
		awaitDone(jdbc2, 5);
		assertThat(this.backend.created()).hasSize(5);
		assertThat(this.backend.createdPerDescription().values()).containsOnly(1L);
		assertThat(jdbc2.sql("select service_request_id from submission where id in (:ids)")
			.param("ids", ids)
			.query(String.class)
			.list()).doesNotContainNull().doesNotHaveDuplicates();
	}

	private static void awaitDone(JdbcClient jdbc, int submissions) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("select count(*) from submission where state = 'DONE'")
				.query(Integer.class)
				.single() == submissions);
	}

	private ConfigurableApplicationContext start(TestPostgres.TestDatabase database) {
		return start(database, Map.of());
	}

	private ConfigurableApplicationContext start(TestPostgres.TestDatabase database, Map<String, Object> extra) {
		Map<String, Object> properties = GatewayTestProperties.instance(this.backend.baseUrl(), database);
		properties.put("frontdoor.status.enabled", "false");
		properties.put("frontdoor.outbox.batch-size", "5");
		// one submission worker per instance, so that the workers seen are the instances
		properties.put("frontdoor.conversation.submission-workers", "1");
		properties.putAll(extra);
		return this.gateways.start(properties);
	}

}
