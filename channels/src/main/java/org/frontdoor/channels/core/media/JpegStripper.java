package org.frontdoor.channels.core.media;

import java.io.ByteArrayOutputStream;

/**
 * Removes metadata from a JPEG without re-encoding: segments are copied or dropped whole,
 * the entropy-coded image data is copied byte for byte.
 * <ul>
 * <li>kept: quantization and Huffman tables, frame and scan headers, restart intervals,
 * {@code APP0 JFIF}, {@code APP2 ICC_PROFILE} (colours) and {@code APP14 Adobe} (colour
 * transform), and the image data;</li>
 * <li>dropped: every other {@code APPn} ({@code APP1} Exif and XMP, {@code APP2} MPF,
 * {@code APP13} Photoshop/IPTC, vendor segments), {@code COM} comments, and anything
 * after the first {@code EOI} (the extra images of a multi-picture file, trailers);</li>
 * <li>orientation: when the Exif {@code Orientation} was not 1, a new 34-byte
 * {@code APP1} holding only that one tag is written, so phone photos are not shown
 * sideways. It carries nothing about the resident or the device.</li>
 * </ul>
 */
final class JpegStripper {

	private static final int SOI = 0xD8;

	private static final int EOI = 0xD9;

	private static final int SOS = 0xDA;

	private static final int APP0 = 0xE0;

	private static final int APP2 = 0xE2;

	private static final int APP14 = 0xEE;

	private static final int APP15 = 0xEF;

	private static final int COM = 0xFE;

	private static final int TEM = 0x01;

	private JpegStripper() {
	}

	static byte[] strip(byte[] in, int orientation) throws MalformedImageException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(0xFF);
		out.write(SOI);
		boolean orientationWritten = (orientation < 2 || orientation > 8);
		int pos = 2;
		while (true) {
			if (pos >= in.length) {
				// truncated after the last complete segment: close the image
				out.write(0xFF);
				out.write(EOI);
				return out.toByteArray();
			}
			if (Bytes.u8(in, pos) != 0xFF) {
				throw new MalformedImageException("JPEG marker expected at byte " + pos);
			}
			while (pos < in.length && (in[pos] & 0xFF) == 0xFF) {
				pos++; // fill bytes
			}
			int marker = Bytes.u8(in, pos);
			pos++;
			if (marker == EOI) {
				out.write(0xFF);
				out.write(EOI);
				return out.toByteArray();
			}
			if (marker == SOI || marker == 0x00) {
				throw new MalformedImageException("unexpected JPEG marker " + Integer.toHexString(marker));
			}
			if (marker == TEM || (marker >= 0xD0 && marker <= 0xD7)) {
				out.write(0xFF);
				out.write(marker);
				continue;
			}
			int length = Bytes.u16(in, pos);
			if (length < 2) {
				throw new MalformedImageException("JPEG segment length " + length + " at byte " + pos);
			}
			Bytes.check(in, pos, length);
			int payload = pos + 2;
			if (!orientationWritten && marker != APP0) {
				writeOrientation(out, orientation);
				orientationWritten = true;
			}
			if (keep(marker, in, payload)) {
				out.write(0xFF);
				out.write(marker);
				out.write(in, pos, length);
			}
			pos += length;
			if (marker == SOS) {
				int end = endOfEntropyData(in, pos);
				out.write(in, pos, end - pos);
				pos = end;
			}
		}
	}

	private static boolean keep(int marker, byte[] in, int payload) {
		if (marker == APP0) {
			return Bytes.startsWith(in, payload, "JFIF\0");
		}
		if (marker == APP2) {
			return Bytes.startsWith(in, payload, "ICC_PROFILE\0");
		}
		if (marker == APP14) {
			return Bytes.startsWith(in, payload, "Adobe");
		}
		return !(marker > APP0 && marker <= APP15) && marker != COM;
	}

	/** The offset of the first marker that is not stuffing or a restart marker. */
	private static int endOfEntropyData(byte[] in, int pos) {
		int p = pos;
		while (p < in.length) {
			if ((in[p] & 0xFF) != 0xFF || p + 1 >= in.length) {
				p++;
				continue;
			}
			int next = in[p + 1] & 0xFF;
			if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
				p += 2;
			}
			else if (next == 0xFF) {
				p++;
			}
			else {
				return p;
			}
		}
		return in.length;
	}

	/** A minimal big-endian Exif APP1 with IFD0 holding only the Orientation tag. */
	private static void writeOrientation(ByteArrayOutputStream out, int orientation) {
		byte[] segment = { (byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
				0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0 };
		out.write(segment, 0, segment.length);
	}

}
