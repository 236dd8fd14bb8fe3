package org.frontdoor.gateway.open311;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which base URL the client calls: the configured one, this process's sandbox, and a
 * local URL naming port 0 (the sandbox profile's {@code ${server.port}} when the server
 * picks a free port) completed with the port the server bound.
 */
class Open311ConfigurationTest {

	static Stream<Arguments> urls() {
		return Stream.of(Arguments.of(null, "http://localhost:41234/sandbox/open311/v2"),
				Arguments.of("", "http://localhost:41234/sandbox/open311/v2"),
				Arguments.of("http://localhost:0/sandbox/open311/v2", "http://localhost:41234/sandbox/open311/v2"),
				Arguments.of("http://127.0.0.1:0/v2", "http://127.0.0.1:41234/v2"),
				Arguments.of("http://localhost:8080/sandbox/open311/v2", "http://localhost:8080/sandbox/open311/v2"),
				Arguments.of("https://311.city.example:0/open311/v2", "https://311.city.example:0/open311/v2"),
				Arguments.of("https://311.city.example/open311/v2", "https://311.city.example/open311/v2"),
				Arguments.of("http://localhost:00/v2", "http://localhost:00/v2"));
	}

	@ParameterizedTest
	@MethodSource("urls")
	void baseUrl(String configured, String called) {
		MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0")
			.withProperty("local.server.port", "41234");

		assertThat(Open311Configuration.resolveBaseUrl(configured, environment)).isEqualTo(called);
	}

}
