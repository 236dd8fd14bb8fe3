package org.frontdoor.gateway.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.frontdoor.gateway.testsupport.GatewayTestProperties;
import org.frontdoor.gateway.testsupport.Gateways;
import org.frontdoor.gateway.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontdoor.gateway.testsupport.MailAwait.awaitIgnoringServerThreads;

/**
 * The gateway restarting between fetching a mail and processing it: the first instance
 * stores the mail and acknowledges it on the server, then stops before any of its queue
 * workers touches it; the next instance, on the same database and mailbox, processes it
 * exactly once (one request, one confirmation) and never fetches it again. A redelivery
 * of the same mail (a crash between storing and acknowledging, see
 * {@code EmailChannelGreenMailTest.restartBetweenFetchAndStoreLosesNothingAndStoresNothingTwice}
 * in the channels module for the listener's side) changes nothing either.
 * <p>
 * The city's mail server is a GreenMail of its own here (it must outlive the gateways),
 * and the gateways are whole instances ({@link Gateways}), not test contexts.
 */
class EmailRestartTest {

	static final String CITY = "311@city.example";

	static final String PASSWORD = "test-only-password";

	static final Gateways gateways = new Gateways();

	static GreenMail greenMail;

	static MailClient mail;

	static TestPostgres.TestDatabase database;

	@BeforeAll
	static void start() {
		ServerSetup[] setups = ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP);
		for (ServerSetup setup : setups) {
			setup.setServerStartupTimeout(30_000);
		}
		greenMail = new GreenMail(setups);
		greenMail.start();
		greenMail.setUser(CITY, CITY, PASSWORD);
		mail = new MailClient(greenMail.getSmtp().getPort(), greenMail.getImap().getPort());
		database = TestPostgres.createDatabase();
	}

	@AfterAll
	static void stop() {
		gateways.closeAll();
		greenMail.stop();
	}

	@Test
	void aMailFetchedBeforeARestartIsProcessedOnceAfterIt() {
		String resident = "resident-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String messageId = "<" + UUID.randomUUID() + "@mail.example.org>";
		MimeMessage sent = mail.compose(resident, CITY, messageId, "Trash can", "overflowing trash can on this corner",
				resource("/sandbox/iphone_photo_gps.jpg"));

		// 1. An instance that fetches and stores, but stops before processing.
		ConfigurableApplicationContext first = gateways.start(properties(false));
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		mail.send(sent, resident, CITY);
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> messageIds("FrontDoor/Processed").contains(messageId));
		assertThat(inboundStates(jdbc, messageId)).as("stored, acknowledged, not processed yet")
			.containsExactly("PENDING");
		gateways.stop(first);
		assertThat(messageIds("INBOX")).isEmpty();

		// 2. The next instance processes it, once.
		ConfigurableApplicationContext second = gateways.start(properties(true));
		jdbc = second.getBean(JdbcClient.class);
		List<MimeMessage> answers = awaitAnswers(resident, 1);
		assertThat(MailClient.header(answers.get(0), "In-Reply-To")).isEqualTo(messageId);
		assertThat(MailClient.parts(answers.get(0)).text().toString()).contains("#");
		JdbcClient db = jdbc;
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(30))
			.until(() -> inboundStates(db, messageId).equals(List.of("DONE")));

		// 3. The same mail delivered again (as after a crash between storing and
		// acknowledging): recognized, acknowledged, nothing new.
		mail.send(mail.parse(raw(sent)), resident, CITY);
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> messageIds("FrontDoor/Processed").stream().filter(messageId::equals).count() == 2);
		assertThat(messageIds("INBOX")).isEmpty();
		assertThat(inboundStates(jdbc, messageId)).containsExactly("DONE");
		assertThat(jdbc.sql("select count(*) from sandbox_request where email = :email")
			.param("email", resident)
			.query(Long.class)
			.single()).as("one request").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from outbound_message where recipient = :to")
			.param("to", "mailto:" + resident)
			.query(Long.class)
			.single()).as("one answer queued").isEqualTo(1);
		assertThat(mail.read(resident, resident, "INBOX")).as("one answer received").hasSize(1);
	}

	private static Map<String, Object> properties(boolean processing) {
		Map<String, Object> properties = GatewayTestProperties.instance("http://localhost:0/sandbox/open311/v2",
				database);
		properties.put("frontdoor.outbox.enabled", Boolean.toString(processing));
		properties.put("frontdoor.outbox.lease", "30s");
		properties.put("frontdoor.open311.read-timeout", "5s");
		properties.put("frontdoor.open311.external-id-idempotent", "true");
		properties.put("frontdoor.simulator.enabled", "false");
		properties.put("frontdoor.channels.sms.twilio.enabled", "false");
		properties.put("frontdoor.status.enabled", "false");
		properties.put("frontdoor.email.embedded-server.enabled", "false");
		String prefix = "frontdoor.channels.email.";
		properties.put(prefix + "enabled", "true");
		properties.put(prefix + "address", CITY);
		properties.put(prefix + "imap.host", "localhost");
		properties.put(prefix + "imap.port", greenMail.getImap().getPort());
		properties.put(prefix + "imap.ssl", "false");
		properties.put(prefix + "imap.username", CITY);
		properties.put(prefix + "imap.password", PASSWORD);
		properties.put(prefix + "imap.reconnect-initial-delay", "200ms");
		properties.put(prefix + "imap.reconnect-max-delay", "2s");
		properties.put(prefix + "imap.shutdown-timeout", "2s");
		properties.put(prefix + "smtp.host", "localhost");
		properties.put(prefix + "smtp.port", greenMail.getSmtp().getPort());
		properties.put(prefix + "smtp.starttls", "false");
		properties.put(prefix + "smtp.username", "");
		properties.put(prefix + "smtp.password", "");
		return properties;
	}

	private static List<String> inboundStates(JdbcClient jdbc, String messageId) {
		return jdbc.sql("select state from inbound_message where channel = 'EMAIL' and provider_message_id = :id")
			.param("id", messageId)
			.query(String.class)
			.list();
	}

	private static List<String> messageIds(String folder) {
		return mail.read(CITY, PASSWORD, folder).stream().map((m) -> MailClient.header(m, "Message-ID")).toList();
	}

	private static List<MimeMessage> awaitAnswers(String resident, int count) {
		awaitIgnoringServerThreads().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> mail.read(resident, resident, "INBOX").size() >= count);
		return mail.read(resident, resident, "INBOX");
	}

	private static byte[] raw(MimeMessage message) {
		try {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] resource(String path) {
		try (InputStream in = EmailRestartTest.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
