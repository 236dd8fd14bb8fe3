package org.frontdoor.gateway.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.frontdoor.gateway.persistence.DurableQueue;
import org.frontdoor.gateway.persistence.QueueControl;
import org.frontdoor.gateway.persistence.QueueStats;

import org.springframework.stereotype.Component;

/**
 * Prometheus gauges of the durable queues: {@code frontdoor.outbox.depth},
 * {@code frontdoor.outbox.dead}, {@code frontdoor.outbox.oldest.age} (seconds) and
 * {@code frontdoor.queue.halted} per queue. Statistics are read from the database at most
 * every few seconds, whatever the scrape rate.
 */
@Component
public class QueueMetrics {

	private static final Duration CACHE = Duration.ofSeconds(5);

	private final Clock clock;

	private final QueueControl control;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	public QueueMetrics(AdminQueues queues, QueueControl control, MeterRegistry registry, Clock clock) {
		this.clock = clock;
		this.control = control;
		for (DurableQueue queue : queues.all()) {
			Gauge.builder("frontdoor.outbox.depth", () -> stats(queue).pending() + stats(queue).inFlight())
				.tag("queue", queue.name())
				.description("Rows waiting or in flight")
				.register(registry);
			Gauge.builder("frontdoor.outbox.dead", () -> stats(queue).dead())
				.tag("queue", queue.name())
				.description("Rows given up on (dead-lettered)")
				.register(registry);
			Gauge
				.builder("frontdoor.outbox.oldest.age",
						() -> DurableQueue.oldestAge(stats(queue), clock.instant()).toSeconds())
				.tag("queue", queue.name())
				.baseUnit("seconds")
				.description("Age of the oldest waiting row")
				.register(registry);
			Gauge.builder("frontdoor.queue.halted", () -> control.isHalted(queue.name()) ? 1 : 0)
				.tag("queue", queue.name())
				.description("1 when the queue is halted (bad credentials)")
				.register(registry);
		}
	}

	private QueueStats stats(DurableQueue queue) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(queue.name());
		if (cached == null || cached.at().plus(CACHE).isBefore(now)) {
			cached = new Cached(queue.stats(), now);
			this.cache.put(queue.name(), cached);
		}
		return cached.stats();
	}

	private record Cached(QueueStats stats, Instant at) {

	}

}
