package org.frontdoor.templates;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.frontdoor.templates.sms.SmsLength;

/**
 * A message ready to send.
 *
 * @param key what was rendered
 * @param channel the channel it was rendered for
 * @param locale the locale of the templates actually used (the requested one, or the
 * fallback when a file was missing in it)
 * @param text the plain-text body; for SMS already transliterated if configured
 * @param subject the email subject (one line), {@code null} on other channels
 * @param html the HTML body of an email, {@code null} on other channels
 * @param quickReplies chat buttons, empty on other channels and for keys without any
 * @param smsLength the text measured as an SMS (encoding, units, segments); the segment
 * budget is enforced on SMS and WhatsApp only
 * @param shortened whether a model value was cut, by its limit or to fit the segment
 * budget
 * @param sources where each part came from, e.g.
 * {@code override:sms/es/help.txt.mustache},
 * {@code builtin:email/en/submitted.html.mustache}
 */
public record RenderedMessage(TemplateKey key, TemplateChannel channel, Locale locale, String text, String subject,
		String html, List<QuickReply> quickReplies, SmsLength smsLength, boolean shortened, List<String> sources) {

	public RenderedMessage {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(locale, "locale");
		Objects.requireNonNull(text, "text");
		quickReplies = List.copyOf(quickReplies);
		sources = List.copyOf(sources);
	}

}
