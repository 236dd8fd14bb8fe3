package org.frontdoor.channels.core.media;

import java.io.ByteArrayOutputStream;

/**
 * Removes metadata from a WebP: the {@code EXIF} and {@code XMP } chunks are dropped and
 * their flags cleared in {@code VP8X}; image, alpha, animation and ICC chunks are copied
 * unchanged and the RIFF size is recomputed.
 */
final class WebpStripper {

	private static final int EXIF_FLAG = 0x08;

	private static final int XMP_FLAG = 0x04;

	private WebpStripper() {
	}

	static byte[] strip(byte[] in) throws MalformedImageException {
		long riffSize = Bytes.u32le(in, 4);
		long end = Math.min(in.length, riffSize + 8);
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 12);
		int pos = 12;
		while (pos + 8 <= end) {
			String fourcc = Bytes.ascii(in, pos, 4);
			long size = Bytes.u32le(in, pos + 4);
			long padded = size + (size & 1);
			if (pos + 8 + size > in.length || size > Integer.MAX_VALUE) {
				throw new MalformedImageException("WebP chunk overruns the file at byte " + pos);
			}
			int total = (int) Math.min(8 + padded, in.length - pos);
			if (fourcc.equals("VP8X")) {
				if (total < 9) {
					throw new MalformedImageException("WebP VP8X chunk too short");
				}
				byte[] chunk = new byte[total];
				System.arraycopy(in, pos, chunk, 0, total);
				chunk[8] = (byte) (chunk[8] & ~(EXIF_FLAG | XMP_FLAG));
				out.write(chunk, 0, total);
			}
			else if (!fourcc.equals("EXIF") && !fourcc.equals("XMP ")) {
				out.write(in, pos, total);
			}
			pos += total;
		}
		byte[] result = out.toByteArray();
		long newSize = result.length - 8L;
		result[4] = (byte) newSize;
		result[5] = (byte) (newSize >> 8);
		result[6] = (byte) (newSize >> 16);
		result[7] = (byte) (newSize >> 24);
		return result;
	}

}
