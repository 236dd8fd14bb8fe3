package org.frontdoor.gateway.reply;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.frontdoor.channels.core.Channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How status updates and other messages FrontDoor sends on its own initiative reach
 * residents ({@code frontdoor.relay.*}).
 *
 * @param enabled whether status changes are relayed to subscribers at all
 * @param quietHours when messages on some channels wait until morning (city time)
 * @param whatsappWindow how long after a resident's last message WhatsApp lets the city
 * write freely (Meta's customer-service window); later messages need an approved template
 * @param whatsappTemplate the template purpose (a key of
 * {@code frontdoor.channels.sms.twilio.whatsapp.templates}) used for status updates
 * outside that window
 */
@Validated
@ConfigurationProperties("frontdoor.relay")
public record RelayProperties(@DefaultValue("true") boolean enabled,
		@Valid @NotNull @DefaultValue QuietHours quietHours, @NotNull @DefaultValue("24h") Duration whatsappWindow,
		@NotBlank @DefaultValue("status-update") String whatsappTemplate) {

	/**
	 * Quiet hours: messages FrontDoor sends on its own (status updates, expiry notices)
	 * on these channels are held from {@code start} to {@code end} and sent at
	 * {@code end}. Replies to a resident's own message are never held.
	 *
	 * @param start when quiet hours begin (city time)
	 * @param end when they end (city time); before {@code start} means the next day
	 * @param channels the channels they apply to
	 */
	public record QuietHours(@NotNull @DefaultValue("21:00") LocalTime start,
			@NotNull @DefaultValue("08:00") LocalTime end, @NotNull @DefaultValue( {
					"SMS", "WHATSAPP" }) Set<Channel> channels){

	}

}
