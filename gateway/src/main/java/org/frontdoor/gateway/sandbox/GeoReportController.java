package org.frontdoor.gateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The sandbox's GeoReport v2 API under {@value #BASE}: discovery, services, service
 * definitions, {@code POST requests} (form-encoded, or multipart with a {@code media}
 * photo), {@code GET requests} with the spec's filters plus the
 * {@code updated_after}/{@code updated_before} change feed, {@code GET requests/{id}} and
 * {@code GET tokens/{token}}; every resource as {@code .json} and {@code .xml}. Errors
 * are written by {@link SandboxErrorResolver} as GeoReport error lists.
 */
@RestController
@Profile(SandboxProperties.PROFILE)
@RequestMapping("/sandbox/open311")
class GeoReportController {

	/** The API's base path (the {@code url} a client is configured with). */
	static final String BASE = "/sandbox/open311/v2";

	private static final String FORMAT = "." + GeoReportFormat.PATTERN;

	private final SandboxBackend backend;

	private final SandboxCatalog catalog;

	private final SandboxProperties properties;

	GeoReportController(SandboxBackend backend, SandboxCatalog catalog, SandboxProperties properties) {
		this.backend = backend;
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping({ "/discovery" + FORMAT, "/v2/discovery" + FORMAT })
	ResponseEntity<byte[]> discovery(@PathVariable String format) {
		return answer(format, GeoReportViews.discovery(this.catalog.discovery(), SandboxUrls.applicationUrl() + BASE));
	}

	@GetMapping("/v2/services" + FORMAT)
	ResponseEntity<byte[]> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
		checkJurisdiction(jurisdictionId);
		return answer(format, GeoReportViews.services(this.catalog.services()));
	}

	@GetMapping("/v2/services/{code}" + FORMAT)
	ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
		checkJurisdiction(jurisdictionId);
		SandboxService service = this.catalog.service(code)
			.orElseThrow(() -> new GeoReportException(HttpStatus.NOT_FOUND,
					"service_code: " + Problems.quote(code) + " not found"));
		return answer(format, GeoReportViews.definition(service.code(), this.catalog.attributes(service.code())));
	}

	@PostMapping(path = "/v2/requests" + FORMAT,
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<byte[]> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "media", required = false) MultipartFile media) {
		SandboxBackend.Upload upload = (media != null && !media.isEmpty()) ? upload(media) : null;
		SandboxBackend.Filed filed = this.backend.submit(params, upload);
		return answer(format, GeoReportViews.filed(filed));
	}

	@GetMapping("/v2/requests" + FORMAT)
	ResponseEntity<byte[]> requests(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
		checkJurisdiction(params.getFirst("jurisdiction_id"));
		List<StoredRequest> found = this.backend.search(params);
		return answer(format,
				GeoReportViews.requests(found, this.catalog, this.properties.timeZone(), SandboxUrls.applicationUrl()));
	}

	@GetMapping("/v2/requests/{id}" + FORMAT)
	ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
		checkJurisdiction(jurisdictionId);
		StoredRequest request = SandboxUrls.parseId(id)
			.flatMap(this.backend::published)
			.orElseThrow(() -> new GeoReportException(HttpStatus.NOT_FOUND,
					"service_request_id: " + Problems.quote(id) + " not found"));
		return answer(format, GeoReportViews.requests(List.of(request), this.catalog, this.properties.timeZone(),
				SandboxUrls.applicationUrl()));
	}

	@GetMapping("/v2/tokens/{token}" + FORMAT)
	ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
		checkJurisdiction(jurisdictionId);
		SandboxBackend.TokenState state = this.backend.token(token)
			.orElseThrow(() -> new GeoReportException(HttpStatus.NOT_FOUND,
					"token: " + Problems.quote(token) + " not found"));
		return answer(format, GeoReportViews.token(state));
	}

	@GetMapping("/media/{id}")
	ResponseEntity<byte[]> media(@PathVariable String id) {
		SandboxRequestStore.MediaRow media = parseUuid(id).flatMap(this.backend::media)
			.orElseThrow(
					() -> new GeoReportException(HttpStatus.NOT_FOUND, "media: " + Problems.quote(id) + " not found"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(media.contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(media.bytes());
	}

	private void checkJurisdiction(String jurisdictionId) {
		SubmissionParser.jurisdictionProblem(jurisdictionId, this.properties).ifPresent((problem) -> {
			throw new GeoReportException(HttpStatus.NOT_FOUND, problem);
		});
	}

	private static SandboxBackend.Upload upload(MultipartFile media) {
		try {
			return new SandboxBackend.Upload(media.getBytes(), media.getContentType());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded media part", ex);
		}
	}

	private static Optional<UUID> parseUuid(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static ResponseEntity<byte[]> answer(String suffix, GeoReportBody body) {
		GeoReportFormat format = GeoReportFormat.of(suffix).orElseThrow();
		return ResponseEntity.ok().contentType(format.mediaType()).body(format.write(body));
	}

}
