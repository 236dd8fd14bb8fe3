package org.frontdoor.gateway.persistence;

import java.time.Duration;
import java.util.Set;

import org.frontdoor.channels.core.MediaStore;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored media at {@code GET /media/{id}} with its stored content type; unknown
 * ids are 404. The URL is the capability (the id is unguessable), so no authentication.
 * <p>
 * Only the image types the media sanitizer produces are shown inline; anything else is
 * sent as an {@code application/octet-stream} download. Every answer forbids content
 * sniffing and scripts ({@code Content-Security-Policy: default-src 'none'; sandbox}), so
 * a stored file can never run in the gateway's origin. Residents' photos are cached
 * privately (browsers, not shared caches); the bytes behind an id never change.
 */
@RestController
public class MediaController {

	/** Content types shown inline. */
	static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
			"image/heif");

	private final MediaStore media;

	public MediaController(MediaStore media) {
		this.media = media;
	}

	@GetMapping("/media/{id}")
	ResponseEntity<byte[]> media(@PathVariable String id) {
		return this.media.find(id)
			.filter((stored) -> stored.bytes() != null)
			.map(MediaController::serve)
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static ResponseEntity<byte[]> serve(MediaStore.StoredMedia stored) {
		MediaType type = parse(stored.contentType());
		boolean inline = type != null && INLINE.contains(type.getType() + "/" + type.getSubtype());
		return ResponseEntity.ok()
			.contentType(inline ? type : MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(stored.bytes().length)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePrivate().immutable())
			.eTag("\"" + stored.id() + "\"")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(inline ? ContentDisposition.inline() : ContentDisposition.attachment()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(stored.bytes());
	}

	private static MediaType parse(String contentType) {
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
