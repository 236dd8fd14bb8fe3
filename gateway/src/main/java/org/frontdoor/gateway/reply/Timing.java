package org.frontdoor.gateway.reply;

import java.time.Duration;
import java.time.Instant;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When and how a message FrontDoor sends on its own may reach a resident: quiet hours
 * hold it until morning on the channels they apply to, and a WhatsApp message that would
 * leave more than 24 hours after the resident's last message must be the configured
 * approved template. A reply to a message the resident just sent is never held.
 */
@Component
public class Timing {

	/** A resident who wrote this recently is in a conversation: no quiet hours. */
	static final Duration CONVERSING = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(Timing.class);

	private final QuietHours quietHours;

	private final RelayProperties properties;

	private final ObjectProvider<TwilioProperties> twilio;

	public Timing(QuietHours quietHours, RelayProperties properties, ObjectProvider<TwilioProperties> twilio) {
		this.quietHours = quietHours;
		this.properties = properties;
		this.twilio = twilio;
	}

	/**
	 * When an unsolicited message may be sent.
	 * @param channel the channel
	 * @param now the current time
	 * @return the end of quiet hours, or {@code null} for now
	 */
	public Instant notBefore(Channel channel, Instant now) {
		return this.quietHours.notBefore(channel, now);
	}

	/**
	 * When a late answer (a confirmation that took long, an expiry notice) may be sent:
	 * now if the resident wrote in the last half hour, else after quiet hours.
	 * @param channel the channel
	 * @param lastInbound when the resident last wrote, or {@code null}
	 * @param now the current time
	 * @return the time, or {@code null} for now
	 */
	public Instant notBefore(Channel channel, Instant lastInbound, Instant now) {
		if (lastInbound != null && lastInbound.isAfter(now.minus(CONVERSING))) {
			return null;
		}
		return this.quietHours.notBefore(channel, now);
	}

	/**
	 * Whether a WhatsApp message sent at a time is outside the window since the
	 * resident's last message.
	 * @param channel the channel
	 * @param lastInbound when the resident last wrote, or {@code null}
	 * @param sendAt when it will leave
	 * @return {@code true} for WhatsApp outside the window
	 */
	public boolean outsideWhatsappWindow(Channel channel, Instant lastInbound, Instant sendAt) {
		return channel == Channel.WHATSAPP
				&& (lastInbound == null || sendAt.isAfter(lastInbound.plus(this.properties.whatsappWindow())));
	}

	/**
	 * The template purpose for a WhatsApp status update that leaves outside the window,
	 * when one is configured.
	 * @param channel the channel
	 * @param lastInbound when the resident last wrote, or {@code null}
	 * @param sendAt when it will leave
	 * @return the purpose, or {@code null} (inside the window, another channel, or none
	 * configured: then Twilio refuses the free text and the message is dead-lettered)
	 */
	public String whatsappTemplate(Channel channel, Instant lastInbound, Instant sendAt) {
		if (!outsideWhatsappWindow(channel, lastInbound, sendAt)) {
			return null;
		}
		TwilioProperties configured = this.twilio.getIfAvailable();
		String purpose = this.properties.whatsappTemplate();
		if (configured != null && configured.whatsapp().templates().containsKey(purpose)) {
			return purpose;
		}
		log.warn(
				"A WhatsApp status update leaves outside the 24-hour window but no template is configured for "
						+ "'{}' (frontdoor.channels.sms.twilio.whatsapp.templates.{}); Twilio will refuse it",
				purpose, purpose);
		return null;
	}

}
