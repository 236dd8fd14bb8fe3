package org.frontdoor.gateway.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.gateway.FrontDoorApplication;
import org.frontdoor.gateway.open311.NewServiceRequest;
import org.frontdoor.gateway.testsupport.FakeOpen311Backend;
import org.frontdoor.gateway.testsupport.FakeOpen311Backend.Fault;
import org.frontdoor.gateway.testsupport.GatewayTestProperties;
import org.frontdoor.gateway.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
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

	final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
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
		first.close();
		this.contexts.remove(first);

		ConfigurableApplicationContext second = start(database);
		JdbcClient jdbc2 = second.getBean(JdbcClient.class);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc2.sql("select count(*) from submission where state = 'DONE'")
				.query(Integer.class)
				.single() == 10);

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
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("select count(*) from submission where state = 'DONE'")
				.query(Integer.class)
				.single() == 40);

		assertThat(this.backend.created()).hasSize(40);
		assertThat(this.backend.createdPerDescription().values()).containsOnly(1L);
		List<String> workers = jdbc.sql("select distinct claimed_by from submission").query(String.class).list();
		assertThat(workers).as("both instances worked the outbox").hasSize(2);
	}

	private ConfigurableApplicationContext start(TestPostgres.TestDatabase database) {
		Map<String, Object> properties = GatewayTestProperties.fastQueues(this.backend.baseUrl());
		properties.putAll(database.properties());
		properties.put("server.port", "0");
		properties.put("frontdoor.status.enabled", "false");
		properties.put("frontdoor.outbox.batch-size", "5");
		// as command-line arguments: they must win over application.yml
		String[] args = properties.entrySet()
			.stream()
			.map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(FrontDoorApplication.class).run(args);
		this.contexts.add(context);
		return context;
	}

}
