package org.frontdoor.gateway.mailserver;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Gives the embedded mail server's city mailbox a random password for this run when none
 * is configured ({@code frontdoor.email.embedded-server.password}), as the lowest-ranked
 * property source, so the mail server and the email channel (whose
 * {@code imap.password}/{@code smtp.password} refer to it in
 * {@code application-simulator.yml}) agree on it. {@link EmbeddedMailServerConfiguration}
 * logs it once when the server starts with it.
 */
public class GeneratedMailPassword implements EnvironmentPostProcessor, Ordered {

	/** The property it fills. */
	static final String PROPERTY = EmbeddedMailServerProperties.PREFIX + ".password";

	/** The name of the property source holding a generated password. */
	static final String SOURCE = "frontdoorGeneratedMailPassword";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty(PROPERTY))) {
			return;
		}
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(PROPERTY, generated)));
	}

	@Override
	public int getOrder() {
		// after the configuration files and the environment variables are in place
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Whether a password is the one generated for this run.
	 * @param environment the application's environment
	 * @param password the password in use
	 * @return true when it was generated here (and must be shown once to the user)
	 */
	static boolean isGenerated(Environment environment, String password) {
		if (!(environment instanceof ConfigurableEnvironment configurable) || password == null) {
			return false;
		}
		PropertySource<?> source = configurable.getPropertySources().get(SOURCE);
		return source != null && password.equals(source.getProperty(PROPERTY));
	}

}
