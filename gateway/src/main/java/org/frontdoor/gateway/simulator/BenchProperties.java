package org.frontdoor.gateway.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Benchmark helpers ({@code frontdoor.bench.*}), for measuring a running gateway only:
 * never turn them on in production.
 *
 * @param enabled whether {@code POST /bench/insert} (a bare endpoint that stores one row:
 * the reference ceiling for the webhooks) and {@code GET /bench/counts} (row counts to
 * check that nothing was lost) exist, open to anyone
 */
@ConfigurationProperties("frontdoor.bench")
public record BenchProperties(@DefaultValue("false") boolean enabled) {

	/** The property switching the benchmark endpoints on. */
	public static final String ENABLED = "frontdoor.bench.enabled";

}
