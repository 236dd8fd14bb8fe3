package org.frontdoor.templates.sms;

/**
 * The two encodings an SMS body can travel in, with their per-segment capacities.
 * Capacities are in encoding units: septets for GSM-7, UTF-16 code units for UCS-2.
 */
public enum SmsEncoding {

	/**
	 * The GSM 03.38 7-bit default alphabet (plus its extension table, whose characters
	 * cost two septets): 160 septets in a single message, 153 per segment when
	 * concatenated (the user data header takes 7).
	 */
	GSM_7(160, 153),

	/**
	 * UCS-2 (UTF-16 on the wire): 70 code units in a single message, 67 per segment when
	 * concatenated. Characters outside the Basic Multilingual Plane (emoji) are surrogate
	 * pairs and cost two units.
	 */
	UCS_2(70, 67);

	private final int singleCapacity;

	private final int segmentCapacity;

	SmsEncoding(int singleCapacity, int segmentCapacity) {
		this.singleCapacity = singleCapacity;
		this.segmentCapacity = segmentCapacity;
	}

	/**
	 * How many units fit in a message that is sent as one segment.
	 * @return 160 for GSM-7, 70 for UCS-2
	 */
	public int singleCapacity() {
		return this.singleCapacity;
	}

	/**
	 * How many units fit in each segment of a concatenated message.
	 * @return 153 for GSM-7, 67 for UCS-2
	 */
	public int segmentCapacity() {
		return this.segmentCapacity;
	}

	/**
	 * The most units a message of at most {@code segments} segments can carry, assuming
	 * no multi-unit character has to be moved to the next segment.
	 * @param segments a positive number of segments
	 * @return the capacity in units
	 */
	public int capacity(int segments) {
		if (segments < 1) {
			throw new IllegalArgumentException("segments must be positive: " + segments);
		}
		return (segments == 1) ? this.singleCapacity : this.segmentCapacity * segments;
	}

}
