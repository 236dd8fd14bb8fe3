package org.frontdoor.channels.core.media;

import java.nio.charset.StandardCharsets;

/** Bounds-checked big/little-endian reads shared by the format strippers. */
final class Bytes {

	private Bytes() {
	}

	static int u8(byte[] b, int offset) throws MalformedImageException {
		check(b, offset, 1);
		return b[offset] & 0xFF;
	}

	static int u16(byte[] b, int offset) throws MalformedImageException {
		check(b, offset, 2);
		return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
	}

	static long u32(byte[] b, int offset) {
		if (offset < 0 || offset + 4 > b.length) {
			return -1;
		}
		return ((long) (b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
				| (b[offset + 3] & 0xFF);
	}

	static long u32checked(byte[] b, int offset) throws MalformedImageException {
		check(b, offset, 4);
		return u32(b, offset);
	}

	static long u32le(byte[] b, int offset) throws MalformedImageException {
		check(b, offset, 4);
		return (b[offset] & 0xFF) | ((b[offset + 1] & 0xFF) << 8) | ((b[offset + 2] & 0xFF) << 16)
				| ((long) (b[offset + 3] & 0xFF) << 24);
	}

	static long uN(byte[] b, int offset, int size) throws MalformedImageException {
		check(b, offset, size);
		long value = 0;
		for (int i = 0; i < size; i++) {
			value = (value << 8) | (b[offset + i] & 0xFF);
		}
		if (value < 0) {
			throw new MalformedImageException("value out of range at " + offset);
		}
		return value;
	}

	static String ascii(byte[] b, int offset, int length) throws MalformedImageException {
		check(b, offset, length);
		return new String(b, offset, length, StandardCharsets.ISO_8859_1);
	}

	static boolean startsWith(byte[] b, int offset, String prefix) {
		if (offset < 0 || offset + prefix.length() > b.length) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (b[offset + i] != (byte) prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	static void check(byte[] b, long offset, long length) throws MalformedImageException {
		if (offset < 0 || length < 0 || offset + length > b.length) {
			throw new MalformedImageException("truncated at byte " + offset);
		}
	}

}
