package org.frontdoor.gateway.status;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the status poller watches tracked service requests ({@code frontdoor.status.*}).
 *
 * @param enabled whether this instance takes part in the leader election for polling
 * @param pollInterval how often the leader looks for requests due for a poll
 * @param batchSize at most this many requests per round
 * @param youngAge requests younger than this are polled every {@code young-interval}
 * @param youngInterval poll interval of young requests
 * @param matureAge requests younger than this (and older than {@code young-age}) are
 * polled every {@code mature-interval}
 * @param matureInterval poll interval of mature requests
 * @param sweepInterval poll interval of old and closed requests (the daily sweep), and of
 * every request while a change feed works
 * @param closedRetention how long a closed request is still swept (it may reopen)
 * @param changeFeed use {@code updated_after}: {@code auto} (probe the backend),
 * {@code on}, {@code off}
 * @param feedOverlap how far back each change-feed query reaches before the last change
 * seen (clock skew, late commits)
 * @param feedPageLimit a change-feed answer with at least this many requests may be a
 * truncated page (set it to the backend's page size): every tracked open request is then
 * also polled by id, so that no change in the part left out is missed
 * @param leaderHeartbeat how often the leader renews its lock (a dead leader is replaced
 * after the lock's time to live)
 */
@Validated
@ConfigurationProperties("frontdoor.status")
public record StatusProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue("10s") Duration pollInterval, @Min(1) @Max(5000) @DefaultValue("500") int batchSize,
		@NotNull @DefaultValue("2d") Duration youngAge, @NotNull @DefaultValue("1m") Duration youngInterval,
		@NotNull @DefaultValue("30d") Duration matureAge, @NotNull @DefaultValue("15m") Duration matureInterval,
		@NotNull @DefaultValue("24h") Duration sweepInterval, @NotNull @DefaultValue("30d") Duration closedRetention,
		@NotNull @DefaultValue("auto") ChangeFeed changeFeed, @NotNull @DefaultValue("2m") Duration feedOverlap,
		@Min(1) @DefaultValue("1000") int feedPageLimit, @NotNull @DefaultValue("2s") Duration leaderHeartbeat) {

	/** Whether to use the backend's {@code updated_after} change feed. */
	public enum ChangeFeed {

		/** Probe once whether the backend honours {@code updated_after}. */
		AUTO,

		/** Always. */
		ON,

		/** Never: batched id lists only. */
		OFF

	}

}
