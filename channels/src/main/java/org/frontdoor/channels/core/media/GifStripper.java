package org.frontdoor.channels.core.media;

import java.io.ByteArrayOutputStream;

/**
 * Removes metadata from a GIF: comment extensions and application extensions other than
 * the animation loop ({@code NETSCAPE2.0}, {@code ANIMEXTS1.0}) and colour profile
 * ({@code ICCRGBG1012}) are dropped (XMP travels in an application extension); frames,
 * colour tables and graphic control extensions are copied unchanged.
 */
final class GifStripper {

	private GifStripper() {
	}

	static byte[] strip(byte[] in) throws MalformedImageException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		int flags = Bytes.u8(in, 10);
		int pos = 13 + colorTableSize(flags);
		Bytes.check(in, 0, pos);
		out.write(in, 0, pos);
		while (true) {
			int introducer = Bytes.u8(in, pos);
			if (introducer == 0x3B) {
				out.write(0x3B);
				return out.toByteArray();
			}
			if (introducer == 0x2C) {
				int descriptorEnd = pos + 10;
				int localFlags = Bytes.u8(in, pos + 9);
				int dataStart = descriptorEnd + colorTableSize(localFlags) + 1; // + LZW
																				// size
				int end = skipSubBlocks(in, dataStart);
				out.write(in, pos, end - pos);
				pos = end;
			}
			else if (introducer == 0x21) {
				int label = Bytes.u8(in, pos + 1);
				int end = skipSubBlocks(in, pos + 2);
				if (keepExtension(in, pos, label)) {
					out.write(in, pos, end - pos);
				}
				pos = end;
			}
			else {
				throw new MalformedImageException("unexpected GIF block 0x" + Integer.toHexString(introducer));
			}
		}
	}

	private static boolean keepExtension(byte[] in, int pos, int label) {
		if (label == 0xF9 || label == 0x01) {
			return true; // graphic control, plain text (part of the picture)
		}
		if (label == 0xFF) {
			return Bytes.startsWith(in, pos + 3, "NETSCAPE2.0") || Bytes.startsWith(in, pos + 3, "ANIMEXTS1.0")
					|| Bytes.startsWith(in, pos + 3, "ICCRGBG1012");
		}
		return false; // comment (0xFE) and unknown extensions
	}

	private static int colorTableSize(int flags) {
		return ((flags & 0x80) != 0) ? 3 * (1 << ((flags & 0x07) + 1)) : 0;
	}

	private static int skipSubBlocks(byte[] in, int start) throws MalformedImageException {
		int p = start;
		while (true) {
			int size = Bytes.u8(in, p);
			p += 1 + size;
			if (size == 0) {
				return p;
			}
		}
	}

}
