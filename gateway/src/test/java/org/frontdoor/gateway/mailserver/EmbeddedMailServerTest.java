package org.frontdoor.gateway.mailserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded mail server's own rules, without an application: when it stays off, a
 * taken port, and the generated password.
 */
class EmbeddedMailServerTest {

	static final EmbeddedMailServerProperties PROPERTIES = new EmbeddedMailServerProperties(true, 3025, 3143,
			"311@frontdoor.localhost", null);

	static Stream<Arguments> channelSettings() {
		Map<String, Object> embedded = Map.of("frontdoor.channels.email.enabled", "true",
				"frontdoor.channels.email.imap.host", "127.0.0.1", "frontdoor.channels.email.imap.port", "3143",
				"frontdoor.channels.email.smtp.host", "127.0.0.1", "frontdoor.channels.email.smtp.port", "3025");
		return Stream.of(Arguments.of("pointed at it", embedded, null),
				Arguments.of("localhost is loopback too",
						with(embedded, "frontdoor.channels.email.imap.host", "localhost"), null),
				Arguments.of("channel off", with(embedded, "frontdoor.channels.email.enabled", "false"),
						"the email channel is off"),
				Arguments.of("channel unset", Map.of(), "the email channel is off"),
				Arguments.of("a real IMAP server",
						with(embedded, "frontdoor.channels.email.imap.host", "outlook.office365.com"),
						"another IMAP server"),
				Arguments.of("another IMAP port", with(embedded, "frontdoor.channels.email.imap.port", "993"),
						"another IMAP server"),
				Arguments.of("a real SMTP server",
						with(embedded, "frontdoor.channels.email.smtp.host", "smtp.city.gov"), "another SMTP server"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("channelSettings")
	void itStaysOffUnlessTheChannelUsesIt(String name, Map<String, Object> settings, String reason) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
		String elsewhere = EmbeddedMailServerConfiguration.channelElsewhere(PROPERTIES, environment);
		if (reason == null) {
			assertThat(elsewhere).isNull();
		}
		else {
			assertThat(elsewhere).contains(reason);
		}
	}

	@Test
	void aTakenPortFailsWithTheSettingToChange() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(EmbeddedMailServer.LOOPBACK))) {
			int free = freePort();
			EmbeddedMailServerProperties properties = new EmbeddedMailServerProperties(true, taken.getLocalPort(), free,
					"311@frontdoor.localhost", null);
			assertThatIllegalStateException().isThrownBy(() -> EmbeddedMailServer.start(properties, "pw"))
				.withMessageContaining("SMTP " + taken.getLocalPort())
				.withMessageContaining("frontdoor.email.embedded-server.smtp-port");
		}
	}

	@Test
	void aPasswordIsGeneratedOnlyWhenNoneIsConfigured() {
		StandardEnvironment unset = new StandardEnvironment();
		new GeneratedMailPassword().postProcessEnvironment(unset, null);
		String generated = unset.getProperty(GeneratedMailPassword.PROPERTY);
		assertThat(generated).hasSizeGreaterThanOrEqualTo(24);
		assertThat(GeneratedMailPassword.isGenerated(unset, generated)).isTrue();

		StandardEnvironment another = new StandardEnvironment();
		new GeneratedMailPassword().postProcessEnvironment(another, null);
		assertThat(another.getProperty(GeneratedMailPassword.PROPERTY)).isNotEqualTo(generated);

		StandardEnvironment configured = new StandardEnvironment();
		configured.getPropertySources()
			.addFirst(new MapPropertySource("env", Map.of(GeneratedMailPassword.PROPERTY, "chosen-by-the-user")));
		new GeneratedMailPassword().postProcessEnvironment(configured, null);
		assertThat(configured.getPropertySources().contains(GeneratedMailPassword.SOURCE)).isFalse();
		assertThat(GeneratedMailPassword.isGenerated(configured, "chosen-by-the-user")).isFalse();
	}

	private static Map<String, Object> with(Map<String, Object> base, String key, String value) {
		Map<String, Object> copy = new java.util.HashMap<>(base);
		copy.put(key, value);
		return copy;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
