package org.frontdoor.channels.email.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.frontdoor.channels.email.EmailProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@link EmailProperties} the way Spring Boot does, from a few test values. */
public final class TestEmailProperties {

	/** The city's address in tests. */
	public static final String CITY = "311@city.example";

	private TestEmailProperties() {
	}

	/**
	 * Properties with defaults, the test city address and loopback servers.
	 * @param overrides extra {@code frontdoor.channels.email.*} keys (relative names)
	 * @return the bound properties
	 */
	public static EmailProperties of(Map<String, String> overrides) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("enabled", "true");
		values.put("address", CITY);
		values.put("imap.host", "localhost");
		values.put("smtp.host", "localhost");
		values.putAll(overrides);
		Map<String, String> prefixed = new LinkedHashMap<>();
		values.forEach((key, value) -> prefixed.put(EmailProperties.PREFIX + "." + key, value));
		return new Binder(new MapConfigurationPropertySource(prefixed))
			.bind(EmailProperties.PREFIX, EmailProperties.class)
			.get();
	}

	/**
	 * Properties with defaults.
	 * @return the bound properties
	 */
	public static EmailProperties defaults() {
		return of(Map.of());
	}

}
