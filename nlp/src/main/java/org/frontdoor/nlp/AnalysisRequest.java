package org.frontdoor.nlp;

import org.frontdoor.nlp.language.Language;

/**
 * One message to analyze.
 *
 * @param text the message body (may be empty, e.g. a photo-only MMS; {@code null} is read
 * as empty)
 * @param subject an email subject, or {@code null}
 * @param channel {@code sms}, {@code whatsapp}, {@code email}, {@code chat}, or
 * {@code null}
 * @param languageHint the resident's remembered language, used when the text gives no
 * evidence ("ok", "123"), or {@code null}
 */
public record AnalysisRequest(String text, String subject, String channel, Language languageHint) {

	public AnalysisRequest {
		text = (text == null) ? "" : text;
	}

	/**
	 * A request with only a text.
	 * @param text the message
	 * @return the request
	 */
	public static AnalysisRequest of(String text) {
		return new AnalysisRequest(text, null, null, null);
	}

}
