package org.frontdoor.channels.chat.inbound;

/**
 * A resident's message as the widget sends it ({@code application/json}, or the same
 * names as multipart fields beside a {@code photo} part, with {@code lat}/{@code lon} for
 * the location).
 *
 * @param clientMessageId the client's id for this message, unique within the session: the
 * idempotency key (a retried send with the same id is stored once)
 * @param text what the resident typed (or the value of the quick reply pressed); may be
 * empty when a photo or location comes with it
 * @param location a location pin the resident shared, or {@code null}
 * @param locale the widget's current language ({@code en}, {@code es}), or {@code null}
 * @param localeSource {@code user} when the resident chose the language with the toggle,
 * {@code browser} when it came from the browser's settings, or {@code null}
 * @param quickReplyLabel the label of the quick-reply button pressed, when the text is
 * that button's value, or {@code null}
 */
public record ChatMessageRequest(String clientMessageId, String text, Location location, String locale,
		String localeSource, String quickReplyLabel) {

	/**
	 * A shared location pin.
	 *
	 * @param lat WGS84 latitude
	 * @param lon WGS84 longitude
	 * @param accuracy the browser's accuracy estimate in metres, or {@code null}
	 */
	public record Location(Double lat, Double lon, Double accuracy) {

	}

}
