package org.frontdoor.channels.email.inbound;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.frontdoor.channels.core.media.MediaSanitizer;
import org.frontdoor.channels.core.media.RejectedMedia;
import org.frontdoor.channels.core.media.SanitizeResult;
import org.frontdoor.channels.core.media.SanitizedImage;
import org.frontdoor.channels.email.inbound.ParsedEmail.MailAttachment;

/**
 * Picks the resident's photos among a mail's attachments and makes them safe with the
 * shared {@link MediaSanitizer} (format sniffed from the bytes, size and format limits,
 * EXIF GPS read, metadata stripped). Pure: nothing is stored here.
 * <ul>
 * <li>Attachments that are not images are listed as ignored.</li>
 * <li>An image the HTML shows inline ({@code multipart/related} or {@code cid:}) is a
 * photo only if it is at least {@code minEmbeddedBytes} and, when its size can be read,
 * at least {@code minEmbeddedPixels} on its shorter side: signature logos and social
 * icons are smaller, phone photos far larger. Attached images have no such floor.</li>
 * <li>The same image twice (inline and attached) counts once; at most {@code maxPhotos}
 * are kept, in the order they appear.</li>
 * </ul>
 */
public final class PhotoSelector {

	private final MediaSanitizer sanitizer;

	private final int maxPhotos;

	private final long minEmbeddedBytes;

	private final int minEmbeddedPixels;

	/**
	 * Create a selector.
	 * @param sanitizer the shared sanitizer (its policy sets the size and format limits)
	 * @param maxPhotos the most photos kept per mail
	 * @param minEmbeddedBytes the smallest inline image counted as a photo
	 * @param minEmbeddedPixels the smallest shorter side of an inline image counted as a
	 * photo
	 */
	public PhotoSelector(MediaSanitizer sanitizer, int maxPhotos, long minEmbeddedBytes, int minEmbeddedPixels) {
		this.sanitizer = sanitizer;
		this.maxPhotos = maxPhotos;
		this.minEmbeddedBytes = minEmbeddedBytes;
		this.minEmbeddedPixels = minEmbeddedPixels;
	}

	/**
	 * Select and sanitize photos.
	 * @param attachments the mail's attachments in order
	 * @return the photos kept, and what was skipped or ignored
	 */
	public Selection select(List<MailAttachment> attachments) {
		List<Photo> photos = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (MailAttachment attachment : attachments) {
			String name = (attachment.filename() != null) ? attachment.filename() : attachment.declaredType();
			if (attachment.oversized()) {
				skipped.add(name + " (over " + this.sanitizer.policy().maxBytes() + " bytes)");
				continue;
			}
			if (attachment.bytes() == null) {
				ignored.add(attachment.describe());
				continue;
			}
			if (!seen.add(sha256(attachment.bytes()))) {
				continue;
			}
			if (attachment.embedded() && isDecoration(attachment.bytes())) {
				skipped.add(name + " (inline image too small for a photo)");
				continue;
			}
			SanitizeResult result = this.sanitizer.sanitize(attachment.bytes(), attachment.declaredType());
			if (result instanceof RejectedMedia rejected) {
				skipped.add(name + " (" + rejected.reason().name().toLowerCase(Locale.ROOT) + ": " + rejected.detail()
						+ ")");
			}
			else if (result instanceof SanitizedImage image) {
				if (photos.size() >= this.maxPhotos) {
					skipped.add(name + " (more than " + this.maxPhotos + " photos)");
				}
				else {
					photos.add(new Photo(image, attachment.filename()));
				}
			}
		}
		return new Selection(photos, skipped, ignored);
	}

	private boolean isDecoration(byte[] bytes) {
		if (bytes.length < this.minEmbeddedBytes) {
			return true;
		}
		int[] size = ImageSize.of(bytes);
		return size != null && Math.min(size[0], size[1]) < this.minEmbeddedPixels;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A photo ready to store.
	 *
	 * @param image the sanitized image (bytes, sniffed format, EXIF location)
	 * @param filename the attachment's file name, or {@code null}
	 */
	public record Photo(SanitizedImage image, String filename) {

	}

	/**
	 * The outcome.
	 *
	 * @param photos photos kept, in order
	 * @param skipped images not kept, with why
	 * @param ignored attachments that are not images
	 */
	public record Selection(List<Photo> photos, List<String> skipped, List<String> ignored) {

	}

}
