package org.frontdoor.gateway.persistence;

import java.time.Duration;

import org.frontdoor.channels.core.MediaStore;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored media at {@code GET /media/{id}} with its stored content type; unknown
 * ids are 404. The URL is the capability (the id is unguessable), so no authentication.
 */
@RestController
public class MediaController {

	private final MediaStore media;

	public MediaController(MediaStore media) {
		this.media = media;
	}

	@GetMapping("/media/{id}")
	ResponseEntity<byte[]> media(@PathVariable String id) {
		return this.media.find(id)
			.filter((stored) -> stored.bytes() != null)
			.map((stored) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(stored.contentType()))
				.contentLength(stored.bytes().length)
				.cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePrivate())
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(stored.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
