package org.frontdoor.channels.email.outbound;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.OutboundMessage;
import org.frontdoor.channels.core.SendException;
import org.frontdoor.channels.email.EmailConfiguration;
import org.frontdoor.channels.email.EmailProperties;
import org.frontdoor.channels.email.support.ScriptedSmtpServer;
import org.frontdoor.channels.email.support.TestEmailProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SMTP failures from a real (scripted) SMTP conversation on loopback, mapped to the
 * outbox policy by {@link SmtpFailures}.
 */
class EmailSenderErrorsTest {

	static final ScriptedSmtpServer smtp = start();

	static ScriptedSmtpServer start() {
		try {
			return new ScriptedSmtpServer();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		smtp.close();
	}

	@BeforeEach
	void reset() {
		smtp.reset();
	}

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			RCPT     | 550 5.1.1 <resident@example.org>: Recipient address rejected: User unknown | GIVE_UP | 550
			RCPT     | 553 5.1.3 Bad recipient address syntax                                  | GIVE_UP | 553
			RCPT     | 552 5.2.2 Mailbox full                                                  | GIVE_UP | 552
			RCPT     | 450 4.2.1 Mailbox busy, try again later                                 | RETRY   | 450
			RCPT     | 452 4.5.3 Too many recipients                                           | RETRY   | 452
			MAIL     | 553 5.7.1 Sender address rejected: not owned by user                    | HALT    | 553
			MAIL     | 451 4.3.0 Temporary lookup failure                                      | RETRY   | 451
			MAIL     | 530 5.7.0 Authentication required                                       | HALT    | 530
			DATA     | 554 5.7.1 Message rejected as spam                                      | GIVE_UP | 554
			DATA     | 552 5.3.4 Message size exceeds fixed limit                              | GIVE_UP | 552
			DATA     | 451 4.7.1 Greylisted, please try again later                            | RETRY   | 451
			AUTH     | 535 5.7.8 Authentication credentials invalid                            | HALT    | 535
			GREETING | 421 4.3.2 Service not available, closing channel                        | RETRY   |
			""")
	void smtpRepliesMapToPolicies(String command, String reply, SendException.Policy policy, String code) {
		smtp.reply(command, reply);
		EmailSender sender = sender(smtp.port(), command.equals("AUTH"));

		SendException failure = org.junit.jupiter.api.Assertions.assertThrows(SendException.class,
				() -> sender.send(message()));

		assertThat(failure.policy()).isEqualTo(policy);
		if (code != null) {
			assertThat(failure.code()).isEqualTo(code);
		}
		assertThat(failure.getMessage()).doesNotContain("resident@example.org");
	}

	@Test
	void anAcceptedMessageReturnsOurMessageIdAsTheReceipt() throws Exception {
		EmailSender sender = sender(smtp.port(), false);
		OutboundMessage message = message();
		assertThat(sender.send(message).providerMessageId()).isEqualTo("<frontdoor." + message.id() + "@city.example>");
	}

	@Test
	void anUnreachableServerIsRetried() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		EmailSender sender = sender(closedPort, false);
		assertThatExceptionOfType(SendException.class).isThrownBy(() -> sender.send(message()))
			.satisfies((failure) -> assertThat(failure.policy()).isEqualTo(SendException.Policy.RETRY));
	}

	@Test
	void anInvalidRecipientIsGivenUpWithoutContactingTheServer() {
		EmailSender sender = sender(smtp.port(), false);
		OutboundMessage message = new OutboundMessage(UUID.randomUUID(), Channel.EMAIL, "mailto:not an address", null,
				"text", "subject", null, List.of(), List.of(), Map.of());
		assertThatExceptionOfType(SendException.class).isThrownBy(() -> sender.send(message))
			.satisfies((failure) -> assertThat(failure.policy()).isEqualTo(SendException.Policy.GIVE_UP));
	}

	@Test
	void headerInjectionIsImpossible() throws Exception {
		EmailSender sender = sender(smtp.port(), false);
		OutboundMessage message = new OutboundMessage(UUID.randomUUID(), Channel.EMAIL, "mailto:resident@example.org",
				null, "text", "Pothole\r\nBcc: victim@example.org", null, List.of(), List.of(),
				Map.of("In-Reply-To", "<a@example.org>\r\nBcc: victim@example.org", "References", "garbage"));
		assertThat(sender.send(message).status()).isEqualTo("sent");
		String wire = smtp.lastMessage();
		String headers = wire.substring(0, wire.indexOf("\r\n\r\n"));
		assertThat(headers).doesNotContainPattern("(?m)^Bcc:");
		assertThat(headers).contains("In-Reply-To: <a@example.org>").doesNotContain("References: garbage");
		assertThat(headers).containsPattern("(?m)^Subject: (Re: )?Pothole Bcc: victim@example.org");
	}

	private static EmailSender sender(int port, boolean authenticate) {
		EmailProperties properties = TestEmailProperties.of(Map.of("smtp.port", Integer.toString(port), "smtp.starttls",
				"false", "smtp.username", authenticate ? "311@city.example" : "", "smtp.password",
				authenticate ? "wrong" : "", "smtp.connection-timeout", "5s", "smtp.timeout", "5s"));
		JavaMailSenderImpl mailSender = EmailConfiguration.mailSender(properties.smtp());
		return new EmailSender(properties, mailSender, mailSender.getSession());
	}

	private static OutboundMessage message() {
		return new OutboundMessage(UUID.randomUUID(), Channel.EMAIL, "mailto:resident@example.org", null,
				"We filed request #101.", "Pothole", null, List.of(), List.of(), Map.of());
	}

}
