package org.frontdoor.gateway.reply;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.frontdoor.channels.core.Channel;

/**
 * A resident on one channel address, as FrontDoor remembers them: their language and when
 * they last wrote (the WhatsApp window).
 *
 * @param id the resident id
 * @param channel the channel
 * @param address the address on it ({@code tel:+1…}, {@code whatsapp:+1…},
 * {@code mailto:…}, {@code chat:<session>})
 * @param identity the same person across channels (rate limits)
 * @param locale the language to write in, or {@code null} when not known yet
 * @param localeSource how it was chosen ({@link #DETECTED}, {@link #CHOSEN}), or
 * {@code null}
 * @param lastInboundAt when they last wrote, or {@code null}
 */
public record Resident(UUID id, Channel channel, String address, String identity, String locale, String localeSource,
		Instant lastInboundAt) {

	/** {@link #localeSource()}: detected from a message. */
	public static final String DETECTED = "detected";

	/** {@link #localeSource()}: chosen by the resident (LANG, the chat toggle). */
	public static final String CHOSEN = "chosen";

	/**
	 * The resident's locale, or the fallback when not known.
	 * @param fallback the city's default language
	 * @return the locale
	 */
	public Locale localeOr(String fallback) {
		return Locale.forLanguageTag((this.locale != null) ? this.locale : fallback);
	}

}
