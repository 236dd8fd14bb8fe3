package org.frontdoor.gateway.sandbox;

import java.util.Optional;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Addresses shared by the sandbox's API and staff pages: the application's root as the
 * client reached it, photo URLs, and request ids as they appear in paths.
 */
final class SandboxUrls {

	/** Where uploaded photos are served, below the application's root. */
	static final String MEDIA_PATH = "/sandbox/open311/media/";

	private SandboxUrls() {
	}

	/**
	 * The application's root URL as the current client reached it.
	 * @return e.g. {@code http://localhost:8080}
	 */
	static String applicationUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	/**
	 * A request's {@code media_url}: its uploaded photo served here, else the URL the
	 * client sent.
	 * @param request the request
	 * @param applicationUrl the application's root URL
	 * @return the URL, or {@code null}
	 */
	static String mediaUrl(StoredRequest request, String applicationUrl) {
		return (request.mediaId() != null) ? applicationUrl + MEDIA_PATH + request.mediaId() : request.mediaUrl();
	}

	/**
	 * Read a {@code service_request_id} from a path or form ({@code 1042} or
	 * {@code #1042}).
	 * @param id the text, or {@code null}
	 * @return the id, or empty when it is not one
	 */
	static Optional<Long> parseId(String id) {
		if (id == null || id.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(id.trim().replaceFirst("^#", "")));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
