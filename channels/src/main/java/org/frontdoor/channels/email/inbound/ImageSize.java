package org.frontdoor.channels.email.inbound;

/**
 * Reads an image's pixel size from its header without decoding it (JPEG start-of-frame,
 * PNG {@code IHDR}, GIF logical screen), to tell logos from photos.
 */
final class ImageSize {

	private ImageSize() {
	}

	/**
	 * Width and height.
	 * @param bytes the image
	 * @return {@code {width, height}}, or {@code null} when unknown
	 */
	static int[] of(byte[] bytes) {
		if (bytes.length >= 24 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
			return new int[] { int32(bytes, 16), int32(bytes, 20) };
		}
		if (bytes.length >= 10 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F') {
			return new int[] { (bytes[6] & 0xFF) | (bytes[7] & 0xFF) << 8, (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8 };
		}
		if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
			return jpeg(bytes);
		}
		return null;
	}

	private static int[] jpeg(byte[] bytes) {
		int i = 2;
		while (i + 9 < bytes.length) {
			if ((bytes[i] & 0xFF) != 0xFF) {
				return null;
			}
			int marker = bytes[i + 1] & 0xFF;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			int length = ((bytes[i + 2] & 0xFF) << 8) | (bytes[i + 3] & 0xFF);
			boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
					&& marker != 0xCC;
			if (startOfFrame) {
				int height = ((bytes[i + 5] & 0xFF) << 8) | (bytes[i + 6] & 0xFF);
				int width = ((bytes[i + 7] & 0xFF) << 8) | (bytes[i + 8] & 0xFF);
				return new int[] { width, height };
			}
			if (length < 2) {
				return null;
			}
			i += 2 + length;
		}
		return null;
	}

	private static int int32(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8)
				| (bytes[offset + 3] & 0xFF);
	}

}
