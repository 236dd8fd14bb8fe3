package org.frontdoor.channels.core.media;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.frontdoor.channels.core.SharedLocation;

/**
 * Makes a resident's photo safe to store and serve: the format is sniffed from the magic
 * bytes, size and format limits are applied, the EXIF GPS position is read, then every
 * piece of metadata that could identify the resident (EXIF, XMP, IPTC, comments, text
 * chunks) is removed without re-encoding the image. Shared by every channel (Twilio MMS,
 * email attachments, chat uploads).
 * <p>
 * Per format: JPEG, PNG, GIF and WebP are rewritten segment by segment (see
 * {@link JpegStripper}, {@link PngStripper}, {@link GifStripper}, {@link WebpStripper});
 * HEIC/HEIF metadata is overwritten in place ({@link HeifRedactor}). As a last guard the
 * result is read again with metadata-extractor and refused if anything identifying is
 * still found.
 * <p>
 * Thread-safe and stateless apart from its policy. Bad input is a {@link RejectedMedia},
 * never an exception.
 */
public final class MediaSanitizer {

	private static final String[] ACTIVE_CONTENT_MARKERS = { "html", "xml", "svg", "script", "pdf", "json", "shockwave",
			"msdownload", "java-archive", "x-sh" };

	private final MediaPolicy policy;

	/**
	 * A sanitizer applying the given limits.
	 * @param policy size and format limits
	 */
	public MediaSanitizer(MediaPolicy policy) {
		this.policy = Objects.requireNonNull(policy, "policy");
	}

	/**
	 * A sanitizer with {@link MediaPolicy#defaults()}.
	 */
	public MediaSanitizer() {
		this(MediaPolicy.defaults());
	}

	/**
	 * The limits this sanitizer applies.
	 * @return the policy
	 */
	public MediaPolicy policy() {
		return this.policy;
	}

	/**
	 * Sniff, check, read GPS, strip.
	 * @param bytes the bytes as received
	 * @param declaredContentType what the sender claimed (provider field, MIME header),
	 * or {@code null}; only used to refuse images disguised as active content
	 * @return the sanitized image, or why it was refused
	 */
	public SanitizeResult sanitize(byte[] bytes, String declaredContentType) {
		if (bytes == null || bytes.length == 0) {
			return new RejectedMedia(RejectedMedia.Reason.EMPTY, "no bytes");
		}
		if (bytes.length > this.policy.maxBytes()) {
			return new RejectedMedia(RejectedMedia.Reason.TOO_LARGE,
					bytes.length + " bytes is over the limit of " + this.policy.maxBytes());
		}
		Optional<ImageFormat> sniffed = ImageFormat.sniff(bytes);
		if (sniffed.isEmpty()) {
			return new RejectedMedia(RejectedMedia.Reason.UNSUPPORTED_TYPE,
					"not a JPEG, PNG, GIF, WebP or HEIC image (declared " + describe(declaredContentType) + ")");
		}
		ImageFormat format = sniffed.get();
		if (isActiveContent(declaredContentType)) {
			return new RejectedMedia(RejectedMedia.Reason.TYPE_MISMATCH,
					"declared " + describe(declaredContentType) + " but the bytes are " + format.contentType());
		}
		if (!this.policy.allowedFormats().contains(format)) {
			return new RejectedMedia(RejectedMedia.Reason.FORMAT_NOT_ALLOWED, format.contentType() + " is not allowed");
		}
		ImageMetadata original = ImageMetadata.read(bytes);
		SharedLocation location = original.gpsLocation();
		byte[] stripped;
		try {
			stripped = strip(format, bytes, original.orientation());
		}
		catch (MalformedImageException ex) {
			return new RejectedMedia(ex.reason(), format.contentType() + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			return new RejectedMedia(RejectedMedia.Reason.MALFORMED, format.contentType() + ": unreadable structure");
		}
		String left = ImageMetadata.read(stripped).identifyingDirectory();
		if (left != null) {
			return new RejectedMedia(RejectedMedia.Reason.CANNOT_STRIP, left + " metadata survived stripping");
		}
		return new SanitizedImage(stripped, format, location, bytes.length);
	}

	private static byte[] strip(ImageFormat format, byte[] bytes, int orientation) throws MalformedImageException {
		return switch (format) {
			case JPEG -> JpegStripper.strip(bytes, orientation);
			case PNG -> PngStripper.strip(bytes);
			case GIF -> GifStripper.strip(bytes);
			case WEBP -> WebpStripper.strip(bytes);
			case HEIC, HEIF -> HeifRedactor.redact(bytes);
		};
	}

	/**
	 * Whether a declared type is one a browser would execute or render as a document;
	 * image bytes declared that way are a polyglot and refused. Other mismatches
	 * (declared {@code image/png} for JPEG bytes, {@code application/octet-stream}) are
	 * harmless: the sniffed type wins.
	 * @param declared the declared content type, or {@code null}
	 * @return whether it is active content
	 */
	static boolean isActiveContent(String declared) {
		if (declared == null || declared.isBlank()) {
			return false;
		}
		String type = declared.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
		if (type.startsWith("text/")) {
			return true;
		}
		for (String marker : ACTIVE_CONTENT_MARKERS) {
			if (type.contains(marker)) {
				return true;
			}
		}
		return false;
	}

	private static String describe(String declared) {
		if (declared == null || declared.isBlank()) {
			return "nothing";
		}
		// bounded and printable: the value comes from outside
		String cleaned = declared.replaceAll("[^\\x20-\\x7E]", "?");
		return (cleaned.length() > 80) ? cleaned.substring(0, 80) + "…" : cleaned;
	}

}
