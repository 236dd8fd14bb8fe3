package org.frontdoor.gateway.persistence;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the durable queues (inbound processing, the Open311 submission outbox, the outbound
 * message outbox) are worked ({@code frontdoor.outbox.*}).
 *
 * @param enabled whether this instance works the queues (turn off on an instance that
 * should only accept webhooks)
 * @param pollInterval how often an idle worker looks for due rows
 * @param batchSize how many rows one claim takes
 * @param lease how long a claimed row stays with its worker before another instance may
 * take it over (must exceed the Open311 read timeout)
 * @param maxAttempts attempts before a row is dead-lettered
 * @param initialBackoff delay after the first failure; doubled after each further one
 * @param maxBackoff the longest delay between two attempts
 * @param tokenPollInterval how often a submission answered with a token asks
 * {@code tokens/{token}} for its service request id
 * @param tokenTimeout how long to wait for a token to turn into a service request id
 * before dead-lettering the submission
 * @param reconcileWindow how far around the first attempt the reconciliation query looks
 * for a request that an ambiguous attempt may have created
 */
@Validated
@ConfigurationProperties("frontdoor.outbox")
public record QueueProperties(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("1s") Duration pollInterval,
		@Min(1) @Max(500) @DefaultValue("20") int batchSize, @NotNull @DefaultValue("2m") Duration lease,
		@Min(1) @DefaultValue("15") int maxAttempts, @NotNull @DefaultValue("5s") Duration initialBackoff,
		@NotNull @DefaultValue("30m") Duration maxBackoff, @NotNull @DefaultValue("30s") Duration tokenPollInterval,
		@NotNull @DefaultValue("7d") Duration tokenTimeout, @NotNull @DefaultValue("10m") Duration reconcileWindow) {

}
