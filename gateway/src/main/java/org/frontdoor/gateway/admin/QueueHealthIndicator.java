package org.frontdoor.gateway.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.frontdoor.gateway.persistence.QueueControl;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health of the durable queues: {@code HALTED} (HTTP 200, so load balancers keep the
 * instance, but monitoring sees it) when any queue or channel was halted because the
 * remote side rejected our credentials, with the reason; {@code UP} otherwise.
 */
@Component("queues")
public class QueueHealthIndicator implements HealthIndicator {

	/** Health status of a halted queue. */
	public static final Status HALTED = new Status("HALTED", "A queue is halted; an admin must fix and resume it");

	private final QueueControl control;

	public QueueHealthIndicator(QueueControl control) {
		this.control = control;
	}

	@Override
	public Health health() {
		List<QueueControl.State> halted = this.control.states().stream().filter(QueueControl.State::halted).toList();
		if (halted.isEmpty()) {
			return Health.up().build();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		halted.forEach((state) -> details.put(state.queue(), state.reason()));
		return Health.status(HALTED).withDetails(details).build();
	}

}
