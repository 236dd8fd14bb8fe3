package org.frontdoor.gateway.open311;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.frontdoor.channels.core.MediaStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Wires the Open311 client to its configuration. With no
 * {@code frontdoor.open311.base-url}, the client talks to the built-in sandbox of this
 * process over HTTP, at the port the server actually bound.
 */
@Configuration(proxyBeanMethods = false)
public class Open311Configuration {

	/** The sandbox's GeoReport v2 path in this process. */
	public static final String SANDBOX_PATH = "/sandbox/open311/v2";

	@Bean
	Open311Reader open311Reader(Open311Properties properties) {
		return new Open311Reader(new StatusMapper(properties.statusMap()), properties.timeZone());
	}

	@Bean
	Open311Client open311Client(Open311Properties properties, Open311Reader reader, Environment environment,
			MediaStore mediaStore) {
		Supplier<String> baseUrl = () -> StringUtils.hasText(properties.baseUrl()) ? properties.baseUrl()
				: "http://localhost:"
						+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
						+ SANDBOX_PATH;
		Open311Client.MediaLoader media = (id) -> {
			Optional<MediaStore.StoredMedia> stored = mediaStore.find(id);
			return stored.filter((found) -> found.bytes() != null)
				.map((found) -> new Open311Client.MediaLoader.Media(found.bytes(), found.contentType(), null));
		};
		return new Open311Client(properties, baseUrl, reader, media);
	}

	@Bean
	Open311Catalog open311Catalog(Open311Client client, Open311Properties properties, Clock clock) {
		return new Open311Catalog(client, properties, clock);
	}

}
