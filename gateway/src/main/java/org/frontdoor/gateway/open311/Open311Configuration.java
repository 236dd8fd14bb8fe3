package org.frontdoor.gateway.open311;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.frontdoor.channels.core.MediaStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Wires the Open311 client to its configuration. With no
 * {@code frontdoor.open311.base-url}, the client talks to the built-in sandbox of this
 * process over HTTP, at the port the server actually bound (also when a configured local
 * URL names port {@code 0}).
 */
@Configuration(proxyBeanMethods = false)
public class Open311Configuration {

	/** The sandbox's GeoReport v2 path in this process. */
	public static final String SANDBOX_PATH = "/sandbox/open311/v2";

	private static final Pattern LOCAL_PORT_ZERO = Pattern
		.compile("^(https?://(?:localhost|127\\.0\\.0\\.1|\\[::1\\])):0(/|$)");

	@Bean
	Open311Reader open311Reader(Open311Properties properties) {
		return new Open311Reader(new StatusMapper(properties.statusMap()), properties.timeZone());
	}

	@Bean
	Open311Client open311Client(Open311Properties properties, Open311Reader reader, Environment environment,
			MediaStore mediaStore) {
		Supplier<String> baseUrl = new BoundBaseUrl(properties.baseUrl(), environment);
		Open311Client.MediaLoader media = (id) -> {
			Optional<MediaStore.StoredMedia> stored = mediaStore.find(id);
			return stored.filter((found) -> found.bytes() != null)
				.map((found) -> new Open311Client.MediaLoader.Media(found.bytes(), found.contentType(), null));
		};
		return new Open311Client(properties, baseUrl, reader, media);
	}

	/**
	 * The base URL to call: the configured one, or this process's own sandbox. A
	 * configured URL on this host with port {@code 0} (the sandbox profile's
	 * {@code http://localhost:${server.port}/...} when the server picks a free port) gets
	 * the port the server actually bound.
	 * @param configured {@code frontdoor.open311.base-url}, possibly empty
	 * @param environment where the bound port is published ({@code local.server.port})
	 * @return the URL
	 */
	static String resolveBaseUrl(String configured, Environment environment) {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		if (!StringUtils.hasText(configured)) {
			return "http://localhost:" + port + SANDBOX_PATH;
		}
		return LOCAL_PORT_ZERO.matcher(configured).replaceFirst("$1:" + port + "$2");
	}

	/**
	 * {@link #resolveBaseUrl} once the server has bound its port (it does not change
	 * afterwards), before that on every call: the environment's property sources are not
	 * walked again for each request the client sends.
	 */
	private static final class BoundBaseUrl implements Supplier<String> {

		private final String configured;

		private final Environment environment;

		private volatile String resolved;

		BoundBaseUrl(String configured, Environment environment) {
			this.configured = configured;
			this.environment = environment;
		}

		@Override
		public String get() {
			String url = this.resolved;
			if (url == null) {
				url = resolveBaseUrl(this.configured, this.environment);
				if (this.environment.containsProperty("local.server.port")) {
					this.resolved = url;
				}
			}
			return url;
		}

	}

	@Bean
	Open311Catalog open311Catalog(Open311Client client, Open311Properties properties, Clock clock) {
		return new Open311Catalog(client, properties, clock);
	}

}
