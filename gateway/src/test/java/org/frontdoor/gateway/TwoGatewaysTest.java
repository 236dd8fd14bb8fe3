package org.frontdoor.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.gateway.persistence.JdbcInboundMessageStore;
import org.frontdoor.gateway.persistence.ServiceRequestLinkRepository;
import org.frontdoor.gateway.status.StatusPoller;
import org.frontdoor.gateway.testsupport.FakeOpen311Backend;
import org.frontdoor.gateway.testsupport.GatewayTestProperties;
import org.frontdoor.gateway.testsupport.Gateways;
import org.frontdoor.gateway.testsupport.TestInboundHandler;
import org.frontdoor.gateway.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances on one PostgreSQL: every inbound message processed exactly once
 * (also when one instance's lease runs out mid-message and the other takes over), and
 * exactly one instance polling statuses, with the other taking over when it stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoGatewaysTest {

	static final FakeOpen311Backend backend = new FakeOpen311Backend();

	static final Gateways gateways = new Gateways();

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoGateways() {
		backend.start();
		TestPostgres.TestDatabase database = TestPostgres.createDatabase();
		a = gateways.start(properties(database), TestInboundHandler.class);
		b = gateways.start(properties(database), TestInboundHandler.class);
	}

	@AfterAll
	static void stopThem() {
		gateways.closeAll();
		backend.stop();
	}

	static Map<String, Object> properties(TestPostgres.TestDatabase database) {
		Map<String, Object> properties = GatewayTestProperties.instance(backend.baseUrl(), database);
		properties.put("frontdoor.outbox.lease", "1s");
		properties.put("frontdoor.status.poll-interval", "200ms");
		properties.put("frontdoor.status.leader-heartbeat", "300ms");
		properties.put("frontdoor.status.change-feed", "off");
		return properties;
	}

	@Test
	@Order(1)
	void everyInboundMessageIsProcessedOnceEvenWhenALeaseRunsOut() {
		JdbcInboundMessageStore store = a.getBean(JdbcInboundMessageStore.class);
		List<InboundMessage> messages = new ArrayList<>();
		// handled for 2.5 s on its first attempt: longer than the 1 s lease, so the other
		// instance (or a second claim of the same one) takes it over while it still runs
		messages.add(message("slow first 2500"));
		for (int i = 0; i < 20; i++) {
			messages.add(message("report " + i));
		}
		messages.forEach(store::store);

		JdbcClient jdbc = a.getBean(JdbcClient.class);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from inbound_message where state = 'DONE'")
				.query(Long.class)
				.single() == messages.size());
		// the first attempt of the slow message finishes after the takeover: its outcome
		// must roll back rather than commit a second time
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);

		TestInboundHandler handlerA = a.getBean(TestInboundHandler.class);
		TestInboundHandler handlerB = b.getBean(TestInboundHandler.class);
		for (InboundMessage message : messages) {
			assertThat(handlerA.committedRows(message.id())).as(message.text()).isOne();
		}
		InboundMessage slow = messages.get(0);
		// two attempts: the first outlived its lease, another worker (of either instance)
		// took the message over, and only that second attempt's work was committed
		assertThat(handlerA.attempts(slow.id()) + handlerB.attempts(slow.id())).isEqualTo(2);
	}

	@Test
	@Order(2)
	void exactlyOneInstancePollsAndTheOtherTakesOverWhenItStops() {
		String id = backend.create("pothole", "leader test", Instant.now().minus(Duration.ofHours(1)));
		a.getBean(ServiceRequestLinkRepository.class).track(id, "pothole");
		StatusPoller pollerA = a.getBean(StatusPoller.class);
		StatusPoller pollerB = b.getBean(StatusPoller.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> pollerA.isLeader() || pollerB.isLeader());

		StatusPoller leader = pollerA.isLeader() ? pollerA : pollerB;
		StatusPoller follower = (leader == pollerA) ? pollerB : pollerA;
		long followerRounds = follower.pollTimer().count();
		long leaderRounds = leader.pollTimer().count();
		await().atMost(Duration.ofSeconds(10)).until(() -> leader.pollTimer().count() >= leaderRounds + 5);
		assertThat(follower.isLeader()).isFalse();
		assertThat(follower.pollTimer().count()).as("the follower never polls").isEqualTo(followerRounds);
		assertThat(backend.requestQueries())
			.anySatisfy((query) -> assertThat(query).containsEntry("service_request_id", id));

		gateways.stop((leader == pollerA) ? a : b);

		await().atMost(Duration.ofSeconds(20)).until(follower::isLeader);
		long takeOver = follower.pollTimer().count();
		await().atMost(Duration.ofSeconds(10)).until(() -> follower.pollTimer().count() > takeOver + 2);
	}

	private static InboundMessage message(String text) {
		return new InboundMessage(UUID.randomUUID(), Channel.SMS, "twilio", "SM" + UUID.randomUUID(),
				"tel:+16175550177", "tel:+16175550100", text, null, null, null, null, null, Instant.now());
	}

}
