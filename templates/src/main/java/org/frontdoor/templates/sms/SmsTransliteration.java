package org.frontdoor.templates.sms;

/**
 * Whether SMS bodies are rewritten into GSM-7 look-alikes ({@link Gsm7#transliterate})
 * before they are sent. Only SMS is affected; WhatsApp, email and chat always keep the
 * text as written.
 */
public enum SmsTransliteration {

	/** Send the text as written (accents kept; UCS-2 when any character needs it). */
	NEVER,

	/**
	 * Transliterate only when that makes the message take fewer segments (for example a
	 * 90-character Spanish reply with one {@code ó}: 2 UCS-2 segments, 1 GSM-7 one).
	 */
	WHEN_SHORTER,

	/** Always transliterate what has a GSM-7 spelling. */
	ALWAYS;

	/**
	 * Applies this policy to a text.
	 * @param text the text as rendered
	 * @return the text to send
	 */
	public String apply(String text) {
		return switch (this) {
			case NEVER -> text;
			case ALWAYS -> Gsm7.transliterate(text);
			case WHEN_SHORTER -> {
				if (Gsm7.isEncodable(text)) {
					yield text;
				}
				String plain = Gsm7.transliterate(text);
				yield (SmsLength.of(plain).segments() < SmsLength.of(text).segments()) ? plain : text;
			}
		};
	}

}
