package org.frontdoor.gateway.sandbox;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The sandbox Open311 backend ({@code frontdoor.sandbox.*}), active in the
 * {@value #PROFILE} profile only.
 *
 * @param apiKeys the {@code api_key} values {@code POST requests} accepts (a public
 * sandbox key, not a secret: the embedded run documents {@value #DEFAULT_API_KEY})
 * @param jurisdictionId the {@code jurisdiction_id} this server answers to; a request
 * naming another one gets {@code 404}, a request naming none is accepted (the spec's
 * single-jurisdiction rule); empty accepts any value
 * @param tokenDelay how long after {@code POST requests} a {@code batch} service's token
 * takes to resolve to a {@code service_request_id} (and the request to become visible)
 * @param timeZone the city's time zone, used to write every {@code *_datetime} and to
 * read date/times given without an offset
 * @param maxRequests the most service requests one {@code GET requests} returns (the
 * spec's 1000)
 * @param maxWindow the longest {@code start_date}..{@code end_date} span, and the default
 * window when none is given (the spec's 90 days)
 * @param maxDescriptionLength the longest {@code description} accepted, in characters
 * (the spec's 4000)
 * @param maxMediaSize the largest photo accepted as the multipart {@code media} part
 * @param staffPageSize how many requests one staff page lists
 */
@Validated
@Profile(SandboxProperties.PROFILE)
@ConfigurationProperties("frontdoor.sandbox")
public record SandboxProperties(@NotEmpty @DefaultValue(DEFAULT_API_KEY) List<@NotBlank String> apiKeys,
		@NotNull @DefaultValue("sandbox.frontdoor.local") String jurisdictionId,
		@NotNull @DefaultValue("2s") Duration tokenDelay, @NotNull @DefaultValue("America/New_York") ZoneId timeZone,
		@Min(1) @Max(10000) @DefaultValue("1000") int maxRequests, @NotNull @DefaultValue("90d") Duration maxWindow,
		@Min(1) @DefaultValue("4000") int maxDescriptionLength, @NotNull @DefaultValue("10MB") DataSize maxMediaSize,
		@Min(1) @Max(500) @DefaultValue("50") int staffPageSize) {

	/** The Spring profile that turns the sandbox on (the embedded run's default). */
	public static final String PROFILE = "sandbox";

	/** The sandbox's documented api_key in the embedded run. */
	public static final String DEFAULT_API_KEY = "frontdoor-sandbox-key";

}
