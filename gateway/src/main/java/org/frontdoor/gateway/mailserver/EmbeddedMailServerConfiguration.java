package org.frontdoor.gateway.mailserver;

import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts the {@link EmbeddedMailServer} when
 * {@code frontdoor.email.embedded-server.enabled=true} and the email channel is pointed
 * at it (as {@code application-simulator.yml} does): its IMAP and SMTP hosts on loopback
 * and its IMAP and SMTP ports the embedded server's. When the channel is configured for
 * another server, or turned off, the embedded server stays off and says so in the log.
 * <p>
 * The server starts while the application's beans are created, before any
 * {@code SmartLifecycle} (so before the email channel's IMAP listener connects), and
 * stops after them when the application closes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = EmbeddedMailServerProperties.PREFIX, name = "enabled", havingValue = "true")
public class EmbeddedMailServerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServerConfiguration.class);

	private static final String CHANNEL = "frontdoor.channels.email.";

	private static final Set<String> LOOPBACK_NAMES = Set.of(EmbeddedMailServer.LOOPBACK, "localhost", "::1", "[::1]");

	/**
	 * The embedded mail server, or nothing when the email channel uses another server.
	 * @param properties its configuration
	 * @param environment the application's environment (the email channel's settings)
	 * @return the running server; {@code null} (no bean) when it stays off
	 */
	@Bean(destroyMethod = "close")
	EmbeddedMailServer embeddedMailServer(EmbeddedMailServerProperties properties, Environment environment) {
		String elsewhere = channelElsewhere(properties, environment);
		if (elsewhere != null) {
			log.info("Embedded mail server off: {}", elsewhere);
			return null;
		}
		String password = environment.getProperty(GeneratedMailPassword.PROPERTY);
		if (password == null || password.isBlank()) {
			throw new IllegalStateException(
					"No password for the embedded mail server's city mailbox: set " + GeneratedMailPassword.PROPERTY);
		}
		EmbeddedMailServer server = EmbeddedMailServer.start(properties, password);
		log.info("Embedded mail server (local trial only) on {}: SMTP {}, IMAP {}; the city's mailbox is {}",
				EmbeddedMailServer.LOOPBACK, server.smtpPort(), server.imapPort(), server.address());
		if (GeneratedMailPassword.isGenerated(environment, password)) {
			log.warn("No embedded mail server password configured; generated one for the city's mailbox for this "
					+ "run: {} (set FRONTDOOR_EMAIL_EMBEDDEDSERVER_PASSWORD to choose it)", password);
		}
		return server;
	}

	/**
	 * Why the email channel does not use the embedded server, if it does not.
	 * @return the reason, or {@code null} when the channel is pointed at it
	 */
	static String channelElsewhere(EmbeddedMailServerProperties properties, Environment environment) {
		if (!environment.getProperty(CHANNEL + "enabled", Boolean.class, false)) {
			return "the email channel is off (frontdoor.channels.email.enabled)";
		}
		for (String protocol : new String[] { "imap", "smtp" }) {
			String host = environment.getProperty(CHANNEL + protocol + ".host", "");
			int expected = protocol.equals("imap") ? properties.imapPort() : properties.smtpPort();
			Integer port = environment.getProperty(CHANNEL + protocol + ".port", Integer.class);
			if (!LOOPBACK_NAMES.contains(host.strip().toLowerCase(Locale.ROOT)) || port == null || port != expected) {
				return "the email channel is configured for another " + protocol.toUpperCase(Locale.ROOT)
						+ " server (frontdoor.channels.email." + protocol + ".host/port)";
			}
		}
		return null;
	}

}
