package org.frontdoor.gateway.testsupport;

import org.frontdoor.gateway.persistence.QueueControl;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of the gateway's integration tests that can share one application context: the
 * whole gateway on a random port, on its own PostgreSQL database, with its Open311 client
 * pointed at one {@link FakeOpen311Backend} for the test JVM, fast queues, the status
 * poller's scheduled rounds off (tests call {@code pollOnce()}; leader election is tested
 * with separate contexts), the texting simulator and the Twilio channel off, and three
 * stand-ins registered: a {@link TestOutboundSender} (the provider), a
 * {@link TestInboundHandler} (in place of the conversation engine) and an
 * {@link EventRecorder}.
 * <p>
 * Every class extending it without adding configuration gets the same cached context, so
 * the suite starts the gateway once for all of them. The context, its database and the
 * backend are shared: each test resets the stand-ins and resumes halted queues before it
 * runs, uses its own keys (ids, addresses), and waits for the work it starts to finish.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PostgresTest
@Import({ EventRecorder.class, TestOutboundSender.class, TestInboundHandler.class })
public abstract class GatewayIntegrationTest {

	/** The city's backend, shared by every test of the JVM. */
	protected static final FakeOpen311Backend backend = SharedBackend.INSTANCE;

	/** Password of the admin user. */
	protected static final String ADMIN_PASSWORD = "admin-secret";

	@Autowired
	protected EventRecorder recorder;

	@Autowired
	protected TestOutboundSender sender;

	@Autowired
	protected TestInboundHandler handler;

	@Autowired
	protected QueueControl control;

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		GatewayTestProperties.fastQueues(backend.baseUrl()).forEach((key, value) -> registry.add(key, () -> value));
		registry.add("frontdoor.status.enabled", () -> "false");
		// the foundation's own stand-ins only: no texting simulator and no Twilio channel
		// (they would deliver WhatsApp messages the tests expect to wait for a sender)
		registry.add("frontdoor.simulator.enabled", () -> "false");
		registry.add("frontdoor.channels.sms.twilio.enabled", () -> "false");
	}

	@Autowired
	private JdbcClient queueRows;

	@BeforeEach
	void resetStandIns() {
		// submissions an earlier test left retrying would reach the backend during this
		// one (and be counted as its requests): they are set aside first
		this.queueRows.sql("update submission set state = 'DEAD' where state in ('PENDING', 'IN_FLIGHT')").update();
		backend.reset();
		this.recorder.clear();
		this.sender.reset();
		this.control.states()
			.stream()
			.filter(QueueControl.State::halted)
			.forEach((state) -> this.control.resume(state.queue()));
	}

	/**
	 * A client of this gateway without credentials.
	 * @return the client
	 */
	protected RestClient anonymous() {
		return RestClient.create("http://localhost:" + this.port);
	}

	/**
	 * A client of this gateway with the admin's credentials.
	 * @return the client
	 */
	protected RestClient admin() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
			.build();
	}

	/** The backend every shared-context test talks to, started once per JVM. */
	private static final class SharedBackend {

		static final FakeOpen311Backend INSTANCE = new FakeOpen311Backend();

		static {
			INSTANCE.start();
		}

	}

}
