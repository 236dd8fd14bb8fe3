package org.frontdoor.gateway.conversation;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The intake dialog's settings ({@code frontdoor.conversation.*}).
 *
 * @param expiry how long a conversation waits for an answer before it is closed (what was
 * collected is kept for admins)
 * @param sweepInterval how often idle conversations are looked for
 * @param acknowledgeAfter when a submitted report still has no request id after this long
 * (the backend is slow or down), the resident is told it was received
 * @param workers how many threads of this instance apply inbound messages (messages of
 * one resident are still applied one at a time, in arrival order)
 * @param submissionWorkers how many threads of this instance post reports to the Open311
 * backend (the submission outbox; each post is one HTTP round trip)
 * @param outboundWorkers how many threads of this instance deliver messages to residents
 * (the outbound outbox; each send is one provider API call)
 * @param orderWait how long a message waits for an earlier message of the same resident
 * that another worker is applying, before it is applied anyway
 * @param menuSize how many services one menu message offers (1–8; "0" shows more)
 * @param duplicates the look for open requests nearby before submitting
 * @param rateLimit the per-resident message limit, across channels
 * @param mediaBaseUrl the public origin residents' photos are served from
 * ({@code <origin>/media/<id>} becomes the Open311 {@code media_url}); empty means this
 * gateway's own local address (fine for the embedded sandbox only)
 * @param shareContact whether the resident's phone number or email address is sent to the
 * backend with the request (Open311 {@code phone} / {@code email}; the GeoReport API
 * never publishes them)
 */
@Validated
@ConfigurationProperties("frontdoor.conversation")
public record ConversationProperties(@NotNull @DefaultValue("24h") Duration expiry,
		@NotNull @DefaultValue("1m") Duration sweepInterval, @NotNull @DefaultValue("2m") Duration acknowledgeAfter,
		@Min(1) @Max(32) @DefaultValue("2") int workers, @Min(1) @Max(32) @DefaultValue("2") int submissionWorkers,
		@Min(1) @Max(32) @DefaultValue("2") int outboundWorkers, @NotNull @DefaultValue("10s") Duration orderWait,
		@Min(1) @Max(8) @DefaultValue("5") int menuSize, @Valid @NotNull @DefaultValue Duplicates duplicates,
		@Valid @NotNull @DefaultValue RateLimit rateLimit, URI mediaBaseUrl,
		@DefaultValue("true") boolean shareContact) {

	/**
	 * The duplicate check.
	 *
	 * @param enabled whether open requests nearby are looked for
	 * @param radius the default distance within which an open request of the same service
	 * is offered, in metres
	 * @param radii per-service distances in metres, by service code (e.g. a larger one
	 * for {@code abandoned-vehicle})
	 * @param lookback how far back open requests are searched (by requested date)
	 * @param cacheTtl how long the backend's list of a service's open requests is reused
	 * (requests FrontDoor itself filed since are always included)
	 */
	public record Duplicates(@DefaultValue("true") boolean enabled, @Positive @DefaultValue("150") double radius,
			@NotNull @DefaultValue Map<String, @Positive Double> radii, @NotNull @DefaultValue("30d") Duration lookback,
			@NotNull @DefaultValue("30s") Duration cacheTtl) {

		/**
		 * The radius for a service.
		 * @param serviceCode the service
		 * @return metres
		 */
		public double radiusFor(String serviceCode) {
			return this.radii.getOrDefault(serviceCode, this.radius);
		}

	}

	/**
	 * How many messages one resident may send (all their channels together) before
	 * FrontDoor stops processing them for a while. STOP and START always work.
	 *
	 * @param maxMessages messages allowed per window
	 * @param window the window
	 */
	public record RateLimit(@Positive @DefaultValue("30") int maxMessages,
			@NotNull @DefaultValue("10m") Duration window) {

	}

}
