package org.frontdoor.templates.sms;

/**
 * How long a text is as an SMS: the encoding it needs, its size in encoding units and the
 * number of segments a carrier bills for.
 *
 * <p>
 * Counting follows GSM 03.38 and 3GPP TS 23.040: a text goes out as GSM-7 only if every
 * character is in the default alphabet or its extension table (extension characters
 * {@code ^ { } \ [ ~ ] | €} and form feed cost two septets); otherwise the whole text is
 * UCS-2, where each UTF-16 code unit counts and a surrogate pair (an emoji) counts two. A
 * text that fits one message (160 septets / 70 units) is one segment; longer texts are
 * cut into segments of 153 septets / 67 units, and an escape sequence or a surrogate pair
 * is never split across two segments (it moves whole to the next one), exactly as a
 * handset or Twilio packs them.
 *
 * @param encoding the encoding the text needs
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param segments how many SMS segments the text is sent as; 0 for an empty text
 */
public record SmsLength(SmsEncoding encoding, int units, int segments) {

	/**
	 * Measures a text.
	 * @param text the message body, {@code null} counts as empty
	 * @return its encoding, size and segment count
	 */
	public static SmsLength of(CharSequence text) {
		String s = (text != null) ? text.toString() : "";
		if (s.isEmpty()) {
			return new SmsLength(SmsEncoding.GSM_7, 0, 0);
		}
		SmsEncoding encoding = Gsm7.isEncodable(s) ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2;
		int units = 0;
		for (int i = 0; i < s.length(); i++) {
			units += (encoding == SmsEncoding.GSM_7) ? Gsm7.septets(s.charAt(i)) : 1;
		}
		if (units <= encoding.singleCapacity()) {
			return new SmsLength(encoding, units, 1);
		}
		int segments = 1;
		int used = 0;
		for (int offset = 0; offset < s.length();) {
			int cp = s.codePointAt(offset);
			int cost = (encoding == SmsEncoding.GSM_7) ? Gsm7.septets(cp) : Character.charCount(cp);
			if (used + cost > encoding.segmentCapacity()) {
				segments++;
				used = 0;
			}
			used += cost;
			offset += Character.charCount(cp);
		}
		return new SmsLength(encoding, units, segments);
	}

	/**
	 * Whether the text fits in at most the given number of segments.
	 * @param maxSegments the budget
	 * @return {@code true} when {@link #segments()} is within it
	 */
	public boolean fits(int maxSegments) {
		return this.segments <= maxSegments;
	}

}
