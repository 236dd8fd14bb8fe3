package org.frontdoor.channels.core.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes metadata from a HEIC/HEIF file in place, keeping every offset valid (so the
 * image needs no re-encoding and the {@code iloc} table no rewriting):
 * <ul>
 * <li>each {@code Exif} item and each {@code mime} item holding XMP
 * ({@code application/rdf+xml}) has its bytes overwritten with zeros and its item type
 * renamed to {@code skip}, a type no reader knows and every reader ignores;</li>
 * <li>a top-level XMP {@code uuid} box becomes a zero-filled {@code free} box.</li>
 * </ul>
 * The file keeps its size. Orientation in HEIF lives in the {@code irot}/{@code imir}
 * item properties, not in Exif, so it is untouched. Items whose data is built from other
 * items ({@code iloc} construction method 2) cannot be redacted this way: such files are
 * refused with {@link RejectedMedia.Reason#CANNOT_STRIP}.
 */
final class HeifRedactor {

	private static final byte[] XMP_UUID = { (byte) 0xBE, 0x7A, (byte) 0xCF, (byte) 0xCB, (byte) 0x97, (byte) 0xA9,
			0x42, (byte) 0xE8, (byte) 0x9C, 0x71, (byte) 0x99, (byte) 0x94, (byte) 0x91, (byte) 0xE3, (byte) 0xAF,
			(byte) 0xAC };

	private static final byte[] REDACTED_TYPE = "skip".getBytes(StandardCharsets.ISO_8859_1);

	private HeifRedactor() {
	}

	static byte[] redact(byte[] in) throws MalformedImageException {
		byte[] out = in.clone();
		int pos = 0;
		boolean sawMeta = false;
		while (pos + 8 <= out.length) {
			Box box = Box.at(out, pos, out.length);
			if (box.type.equals("meta")) {
				redactMeta(out, box);
				sawMeta = true;
			}
			else if (box.type.equals("uuid") && isXmpUuid(out, box.start + 8)) {
				System.arraycopy("free".getBytes(StandardCharsets.ISO_8859_1), 0, out, box.start + 4, 4);
				zero(out, box.start + 8, box.end);
			}
			pos = box.end;
		}
		if (!sawMeta) {
			throw new MalformedImageException("HEIF file without a meta box");
		}
		return out;
	}

	private static void redactMeta(byte[] b, Box meta) throws MalformedImageException {
		Box iinf = null;
		Box iloc = null;
		Box idat = null;
		int pos = meta.payload() + 4; // full box: version and flags
		while (pos + 8 <= meta.end) {
			Box child = Box.at(b, pos, meta.end);
			switch (child.type) {
				case "iinf" -> iinf = child;
				case "iloc" -> iloc = child;
				case "idat" -> idat = child;
				default -> {
				}
			}
			pos = child.end;
		}
		if (iinf == null) {
			return; // no items, no metadata items
		}
		Map<Long, Integer> targets = metadataItems(b, iinf);
		if (targets.isEmpty()) {
			return;
		}
		if (iloc == null) {
			throw new MalformedImageException("HEIF metadata items without an iloc box");
		}
		Map<Long, List<long[]>> extents = locations(b, iloc, idat);
		for (Map.Entry<Long, Integer> target : targets.entrySet()) {
			for (long[] range : extents.getOrDefault(target.getKey(), List.of())) {
				Bytes.check(b, range[0], range[1]);
				zero(b, (int) range[0], (int) (range[0] + range[1]));
			}
			System.arraycopy(REDACTED_TYPE, 0, b, target.getValue(), 4);
		}
	}

	/** Item id → offset of its 4-byte item type, for Exif and XMP items. */
	private static Map<Long, Integer> metadataItems(byte[] b, Box iinf) throws MalformedImageException {
		Map<Long, Integer> targets = new HashMap<>();
		int version = Bytes.u8(b, iinf.payload());
		int pos = iinf.payload() + 4 + ((version == 0) ? 2 : 4);
		while (pos + 8 <= iinf.end) {
			Box infe = Box.at(b, pos, iinf.end);
			pos = infe.end;
			if (!infe.type.equals("infe")) {
				continue;
			}
			int infeVersion = Bytes.u8(b, infe.payload());
			if (infeVersion < 2) {
				continue; // version 0/1 entries carry no item type (not used by HEIF
							// images)
			}
			int idSize = (infeVersion == 2) ? 2 : 4;
			int p = infe.payload() + 4;
			long itemId = Bytes.uN(b, p, idSize);
			int typeOffset = p + idSize + 2;
			String itemType = Bytes.ascii(b, typeOffset, 4);
			if (itemType.equals("Exif")) {
				targets.put(itemId, typeOffset);
			}
			else if (itemType.equals("mime")) {
				int nameEnd = indexOfZero(b, typeOffset + 4, infe.end);
				int typeEnd = indexOfZero(b, nameEnd + 1, infe.end);
				String contentType = new String(b, nameEnd + 1, Math.max(0, typeEnd - nameEnd - 1),
						StandardCharsets.ISO_8859_1);
				if (contentType.contains("rdf+xml") || contentType.contains("xmp")) {
					targets.put(itemId, typeOffset);
				}
			}
		}
		return targets;
	}

	/** Item id → list of {absolute offset, length}. */
	private static Map<Long, List<long[]>> locations(byte[] b, Box iloc, Box idat) throws MalformedImageException {
		Map<Long, List<long[]>> result = new HashMap<>();
		int p = iloc.payload();
		int version = Bytes.u8(b, p);
		p += 4;
		int sizes = Bytes.u8(b, p++);
		int offsetSize = sizes >> 4;
		int lengthSize = sizes & 0x0F;
		int sizes2 = Bytes.u8(b, p++);
		int baseOffsetSize = sizes2 >> 4;
		int indexSize = (version == 1 || version == 2) ? (sizes2 & 0x0F) : 0;
		long itemCount = (version < 2) ? Bytes.u16(b, p) : Bytes.u32checked(b, p);
		p += (version < 2) ? 2 : 4;
		for (long i = 0; i < itemCount; i++) {
			long itemId = (version < 2) ? Bytes.u16(b, p) : Bytes.u32checked(b, p);
			p += (version < 2) ? 2 : 4;
			int method = 0;
			if (version == 1 || version == 2) {
				method = Bytes.u16(b, p) & 0x0F;
				p += 2;
			}
			p += 2; // data reference index
			long base = Bytes.uN(b, p, baseOffsetSize);
			p += baseOffsetSize;
			int extentCount = Bytes.u16(b, p);
			p += 2;
			List<long[]> ranges = new ArrayList<>();
			for (int e = 0; e < extentCount; e++) {
				p += indexSize;
				long offset = Bytes.uN(b, p, offsetSize);
				p += offsetSize;
				long length = Bytes.uN(b, p, lengthSize);
				p += lengthSize;
				ranges.add(new long[] { method, base + offset, length });
			}
			result.put(itemId, resolve(ranges, idat));
		}
		return result;
	}

	private static List<long[]> resolve(List<long[]> ranges, Box idat) throws MalformedImageException {
		List<long[]> absolute = new ArrayList<>();
		for (long[] range : ranges) {
			if (range[2] == 0) {
				throw new MalformedImageException(RejectedMedia.Reason.CANNOT_STRIP,
						"HEIF metadata extent of unspecified length");
			}
			if (range[0] == 0) {
				absolute.add(new long[] { range[1], range[2] });
			}
			else if (range[0] == 1 && idat != null) {
				if (range[1] + range[2] > idat.end - idat.payload()) {
					throw new MalformedImageException("HEIF idat extent overruns its box");
				}
				absolute.add(new long[] { idat.payload() + range[1], range[2] });
			}
			else {
				throw new MalformedImageException(RejectedMedia.Reason.CANNOT_STRIP,
						"HEIF metadata stored by item reference (construction method " + range[0] + ")");
			}
		}
		return absolute;
	}

	private static boolean isXmpUuid(byte[] b, int offset) {
		if (offset + 16 > b.length) {
			return false;
		}
		for (int i = 0; i < 16; i++) {
			if (b[offset + i] != XMP_UUID[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOfZero(byte[] b, int from, int end) {
		for (int i = from; i < end; i++) {
			if (b[i] == 0) {
				return i;
			}
		}
		return end;
	}

	private static void zero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			b[i] = 0;
		}
	}

	/** An ISO-BMFF box: type, start offset, header size and end offset. */
	private record Box(String type, int start, int headerSize, int end) {

		int payload() {
			return this.start + this.headerSize;
		}

		static Box at(byte[] b, int pos, int limit) throws MalformedImageException {
			long size = Bytes.u32checked(b, pos);
			String type = Bytes.ascii(b, pos + 4, 4);
			int header = 8;
			if (size == 1) {
				size = Bytes.uN(b, pos + 8, 8);
				header = 16;
			}
			else if (size == 0) {
				size = limit - pos;
			}
			if (size < header || pos + size > limit) {
				throw new MalformedImageException("HEIF box overruns its parent at byte " + pos);
			}
			return new Box(type, pos, header, (int) (pos + size));
		}

	}

}
