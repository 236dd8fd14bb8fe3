package org.frontdoor.channels.email.inbound;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decompresses {@code PR_RTF_COMPRESSED} (MS-OXRTFCP): the LZ77 variant ("LZFu") Outlook
 * uses for RTF bodies in TNEF, and the uncompressed "MELA" form.
 */
final class CompressedRtf {

	private static final int COMPRESSED = 0x75465A4C;

	private static final int UNCOMPRESSED = 0x414C454D;

	private static final int HEADER = 16;

	private static final int DICTIONARY_SIZE = 4096;

	/** The dictionary's initial content, from MS-OXRTFCP section 2.1.2.1. */
	static final byte[] PREBUF = ("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
			+ "\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0"
			+ "\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx")
		.getBytes(StandardCharsets.US_ASCII);

	/** Refuse to inflate beyond this (a forged raw size cannot exhaust memory). */
	private static final int MAX_OUTPUT = 16 * 1024 * 1024;

	private CompressedRtf() {
	}

	/**
	 * Decompress.
	 * @param data the property value
	 * @return the RTF bytes, or {@code null} when the data is not compressed RTF
	 */
	static byte[] decompress(byte[] data) {
		if (data == null || data.length < HEADER) {
			return null;
		}
		ByteBuffer header = ByteBuffer.wrap(data, 0, HEADER).order(ByteOrder.LITTLE_ENDIAN);
		int compressedSize = header.getInt();
		int rawSize = header.getInt();
		int type = header.getInt();
		int end = Math.min(data.length, Math.max(HEADER, compressedSize + 4));
		if (type == UNCOMPRESSED) {
			int length = Math.min(Math.max(rawSize, 0), data.length - HEADER);
			byte[] raw = new byte[length];
			System.arraycopy(data, HEADER, raw, 0, length);
			return raw;
		}
		if (type != COMPRESSED) {
			return null;
		}
		byte[] dictionary = new byte[DICTIONARY_SIZE];
		System.arraycopy(PREBUF, 0, dictionary, 0, PREBUF.length);
		int write = PREBUF.length;
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(Math.max(rawSize, 0), MAX_OUTPUT));
		int in = HEADER;
		while (in < end) {
			int control = data[in++] & 0xFF;
			for (int bit = 0; bit < 8 && in < end; bit++) {
				if ((control & (1 << bit)) == 0) {
					byte literal = data[in++];
					out.write(literal);
					dictionary[write] = literal;
					write = (write + 1) % DICTIONARY_SIZE;
				}
				else {
					if (in + 1 >= end) {
						return out.toByteArray();
					}
					int reference = ((data[in] & 0xFF) << 8) | (data[in + 1] & 0xFF);
					in += 2;
					int offset = reference >>> 4;
					int length = (reference & 0xF) + 2;
					if (offset == write) {
						return out.toByteArray();
					}
					for (int i = 0; i < length; i++) {
						byte value = dictionary[(offset + i) % DICTIONARY_SIZE];
						out.write(value);
						dictionary[write] = value;
						write = (write + 1) % DICTIONARY_SIZE;
					}
				}
				if (out.size() > MAX_OUTPUT) {
					return out.toByteArray();
				}
			}
		}
		return out.toByteArray();
	}

}
