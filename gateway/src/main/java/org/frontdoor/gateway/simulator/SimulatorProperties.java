package org.frontdoor.gateway.simulator;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The texting simulator ({@code frontdoor.simulator.*}): a page at {@code /simulator}
 * where someone types as a resident, and a local Twilio-compatible REST API that
 * FrontDoor's real Twilio sender delivers to. On in the embedded default run (profile
 * {@code simulator}); it refuses to start unless the Twilio channel points at it.
 *
 * @param enabled whether the simulator runs
 * @param deliveryDelay how long after accepting an outbound message the simulated Twilio
 * posts its {@code delivered} status callback
 * @param maxPhotoSize the largest photo the page may attach
 */
@Validated
@ConfigurationProperties("frontdoor.simulator")
public record SimulatorProperties(@DefaultValue("false") boolean enabled,
		@NotNull @DefaultValue("500ms") Duration deliveryDelay, @NotNull @DefaultValue("5MB") DataSize maxPhotoSize) {

	/** The property switching the simulator on. */
	public static final String ENABLED = "frontdoor.simulator.enabled";

	/** Where the simulated Twilio REST API answers (its {@code api-base-url}). */
	public static final String TWILIO_API_PATH = "/simulator/twilio";

}
