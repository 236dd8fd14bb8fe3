package org.frontdoor.channels.core.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The image formats FrontDoor accepts from residents, recognized by their magic bytes
 * (never by the declared content type or a file name).
 */
public enum ImageFormat {

	/** JPEG/JFIF/Exif: {@code FF D8 FF}. */
	JPEG("image/jpeg", "jpg"),

	/** PNG: the 8-byte PNG signature. */
	PNG("image/png", "png"),

	/** GIF87a / GIF89a. */
	GIF("image/gif", "gif"),

	/** WebP: a RIFF container of form type {@code WEBP}. */
	WEBP("image/webp", "webp"),

	/** HEIC: an ISO-BMFF {@code ftyp} with an HEVC image brand (iPhone photos). */
	HEIC("image/heic", "heic"),

	/** HEIF with another codec brand ({@code mif1}/{@code msf1} without HEVC). */
	HEIF("image/heif", "heif");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final Set<String> HEVC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm",
			"hevs");

	private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1", "mif2");

	private final String contentType;

	private final String extension;

	ImageFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	/**
	 * The IANA content type to store and serve this format with.
	 * @return e.g. {@code image/jpeg}
	 */
	public String contentType() {
		return this.contentType;
	}

	/**
	 * The usual file extension, without the dot.
	 * @return e.g. {@code jpg}
	 */
	public String extension() {
		return this.extension;
	}

	/**
	 * Recognize the format from the first bytes.
	 * @param bytes the whole file (or at least its first 64 bytes)
	 * @return the format, or empty when it is none FrontDoor accepts (AVIF, SVG, PDF,
	 * HTML, …)
	 */
	public static Optional<ImageFormat> sniff(byte[] bytes) {
		if (bytes == null || bytes.length < 12) {
			return Optional.empty();
		}
		if ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (ascii(bytes, 0, 6).equals("GIF87a") || ascii(bytes, 0, 6).equals("GIF89a")) {
			return Optional.of(GIF);
		}
		if (ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WEBP")) {
			return Optional.of(WEBP);
		}
		if (ascii(bytes, 4, 4).equals("ftyp")) {
			return sniffIsoBmff(bytes);
		}
		return Optional.empty();
	}

	private static Optional<ImageFormat> sniffIsoBmff(byte[] bytes) {
		long boxSize = Bytes.u32(bytes, 0);
		int end = (int) Math.min(bytes.length, (boxSize >= 16) ? boxSize : 16);
		String major = ascii(bytes, 8, 4);
		if (HEVC_BRANDS.contains(major)) {
			return Optional.of(HEIC);
		}
		boolean heif = HEIF_BRANDS.contains(major);
		// compatible brands follow the major brand and its 4-byte minor version
		for (int i = 16; i + 4 <= end; i += 4) {
			String brand = ascii(bytes, i, 4);
			if (HEVC_BRANDS.contains(brand)) {
				return Optional.of(HEIC);
			}
			heif |= HEIF_BRANDS.contains(brand);
		}
		// AVIF and other ISO-BMFF files (MP4, QuickTime) declare avif/isom/mp4x brands
		return heif && !major.startsWith("avi") ? Optional.of(HEIF) : Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String ascii(byte[] bytes, int offset, int length) {
		if (bytes.length < offset + length) {
			return "";
		}
		return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
	}

}
