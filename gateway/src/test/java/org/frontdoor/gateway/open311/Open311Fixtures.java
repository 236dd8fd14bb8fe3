package org.frontdoor.gateway.open311;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Builds clients for tests and reads the real fixtures under
 * {@code src/test/resources/open311} (see SOURCES.md there).
 */
final class Open311Fixtures {

	private Open311Fixtures() {
	}

	static Open311Properties properties(String baseUrl, Open311Properties.WireFormat format, String apiKey,
			String jurisdiction, Duration readTimeout) {
		return new Open311Properties(baseUrl, apiKey, jurisdiction, format, Duration.ofSeconds(2), readTimeout,
				Duration.ofHours(1), Duration.ofSeconds(1), false, false, "external_id", ZoneId.of("UTC"), Map.of());
	}

	static Open311Client client(String baseUrl, Open311Properties.WireFormat format) {
		return client(properties(baseUrl, format, "test-key", null, Duration.ofSeconds(3)));
	}

	static Open311Client client(Open311Properties properties) {
		return new Open311Client(properties, properties::baseUrl,
				new Open311Reader(new StatusMapper(properties.statusMap()), properties.timeZone()),
				(id) -> Optional.empty());
	}

	static byte[] fixture(String path) {
		try (InputStream in = Open311Fixtures.class.getResourceAsStream("/open311/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] resource(String path) {
		try (InputStream in = Open311Fixtures.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
