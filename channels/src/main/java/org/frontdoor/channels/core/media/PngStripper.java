package org.frontdoor.channels.core.media;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * Removes metadata from a PNG by copying only the chunks needed to show the image (an
 * allow-list): {@code eXIf}, {@code tEXt}, {@code iTXt}, {@code zTXt}, {@code tIME} and
 * every unknown ancillary chunk are dropped, pixel data is copied unchanged, anything
 * after {@code IEND} is dropped. An unknown critical chunk makes the file malformed.
 */
final class PngStripper {

	private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP",
			"sBIT", "sRGB", "cICP", "mDCv", "cLLi", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT");

	private PngStripper() {
	}

	static byte[] strip(byte[] in) throws MalformedImageException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 8);
		int pos = 8;
		boolean first = true;
		while (true) {
			long length = Bytes.u32checked(in, pos);
			String type = Bytes.ascii(in, pos + 4, 4);
			if (length > Integer.MAX_VALUE - 12) {
				throw new MalformedImageException("PNG chunk too long at byte " + pos);
			}
			int total = 12 + (int) length;
			Bytes.check(in, pos, total);
			if (first && !type.equals("IHDR")) {
				throw new MalformedImageException("PNG does not start with IHDR");
			}
			first = false;
			boolean critical = Character.isUpperCase(type.charAt(0));
			if (KEPT.contains(type)) {
				out.write(in, pos, total);
			}
			else if (critical) {
				throw new MalformedImageException("unknown critical PNG chunk " + type.replaceAll("[^A-Za-z]", "?"));
			}
			pos += total;
			if (type.equals("IEND")) {
				return out.toByteArray();
			}
		}
	}

}
