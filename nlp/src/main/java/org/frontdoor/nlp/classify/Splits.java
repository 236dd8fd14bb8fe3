package org.frontdoor.nlp.classify;

import java.nio.charset.StandardCharsets;

/**
 * The one deterministic split of the real data into train (buckets 0–49), dev (50–69) and
 * held-out (70–99), by the FNV-1a hash of a key (the organization for the multi-city
 * reports, the normalized title for Atlanta). Learning uses only train, calibration and
 * tuning only dev; held-out is for reporting.
 */
public final class Splits {

	/** A part of the data. */
	public enum Part {

		/** Learned from. */
		TRAIN,

		/** Tuned and calibrated on. */
		DEV,

		/** Only reported on. */
		HELDOUT

	}

	private Splits() {
	}

	/**
	 * The part a key belongs to.
	 * @param key the split key
	 * @return the part
	 */
	public static Part of(String key) {
		int bucket = bucket(key);
		if (bucket < 50) {
			return Part.TRAIN;
		}
		return (bucket < 70) ? Part.DEV : Part.HELDOUT;
	}

	/**
	 * The bucket (0..99) of a key.
	 * @param key the key
	 * @return the bucket
	 */
	public static int bucketOf(String key) {
		return bucket(key);
	}

	static int bucket(String key) {
		long h = 0xcbf29ce484222325L;
		for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
			h ^= (b & 0xff);
			h *= 0x100000001b3L;
		}
		return (int) Long.remainderUnsigned(h, 100);
	}

}
