package org.frontdoor.gateway.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sandbox city's staff actions, behind the {@code SANDBOX_STAFF} role (HTTP basic,
 * users from {@code frontdoor.admin.*}).
 * <ul>
 * <li>{@code POST /sandbox/admin/requests/{id}} with {@code status} ({@code open} /
 * {@code closed}) and {@code status_notes}, form-encoded or as a JSON object: changes the
 * request, records it in the history and moves its {@code updated_datetime} forward;
 * answers the request as {@code GET requests/{id}.json} would (a browser form is
 * redirected back to the list instead).</li>
 * <li>{@code GET /sandbox/admin}: the most recent requests, each with a status form;
 * {@code GET /sandbox/admin/requests/{id}}: one request with its attributes and
 * history.</li>
 * </ul>
 * Form posts from another site are refused ({@code Origin} / {@code Sec-Fetch-Site}),
 * since a browser would otherwise replay the staff's basic credentials for them.
 */
@RestController
@Profile(SandboxProperties.PROFILE)
@RequestMapping(StaffPages.ROOT)
class SandboxStaffController {

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private static final Set<String> SAME_ORIGIN_FETCH = Set.of("same-origin", "none");

	private final SandboxBackend backend;

	private final SandboxCatalog catalog;

	private final SandboxProperties properties;

	private final StaffPages pages;

	SandboxStaffController(SandboxBackend backend, SandboxCatalog catalog, SandboxProperties properties) {
		this.backend = backend;
		this.catalog = catalog;
		this.properties = properties;
		this.pages = new StaffPages(catalog, properties.timeZone(), properties.maxDescriptionLength());
	}

	@GetMapping({ "", "/" })
	ResponseEntity<String> list(@RequestParam(required = false) String before,
			@RequestParam(required = false) String changed) {
		List<StoredRequest> requests = this.backend.recent(SandboxUrls.parseId(before).orElse(null));
		return html(
				this.pages.list(requests, SandboxUrls.parseId(changed).orElse(null), this.properties.staffPageSize()));
	}

	@GetMapping("/requests/{id}")
	ResponseEntity<String> detail(@PathVariable String id) {
		StoredRequest request = SandboxUrls.parseId(id).flatMap(this.backend::forStaff).orElseThrow(() -> notFound(id));
		String mediaUrl = SandboxUrls.mediaUrl(request, SandboxUrls.applicationUrl());
		return html(this.pages.detail(request, this.backend.attributes(request.id()),
				this.backend.history(request.id()), mediaUrl));
	}

	@PostMapping(path = "/requests/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<byte[]> changeFromForm(@PathVariable String id, @RequestParam(required = false) String status,
			@RequestParam(name = "status_notes", required = false) String notes, Principal staff,
			HttpServletRequest request) {
		checkSameOrigin(request);
		StoredRequest changed = change(id, status, notes, staff);
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(URI.create(StaffPages.ROOT + "?changed=" + changed.id() + "#r" + changed.id()))
				.build();
		}
		return json(changed);
	}

	@PostMapping(path = "/requests/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> changeFromJson(@PathVariable String id, @RequestBody Map<String, Object> body,
			Principal staff, HttpServletRequest request) {
		checkSameOrigin(request);
		return json(change(id, text(body.get("status")), text(body.get("status_notes")), staff));
	}

	private StoredRequest change(String id, String status, String notes, Principal staff) {
		return SandboxUrls.parseId(id)
			.flatMap((number) -> this.backend.changeStatus(number, status, notes, staff.getName()))
			.map(SandboxRequestStore.StatusChange::request)
			.orElseThrow(() -> notFound(id));
	}

	private ResponseEntity<byte[]> json(StoredRequest request) {
		GeoReportBody body = GeoReportViews.requests(List.of(request), this.catalog, this.properties.timeZone(),
				SandboxUrls.applicationUrl());
		return ResponseEntity.ok().contentType(GeoReportFormat.JSON.mediaType()).body(GeoReportFormat.JSON.write(body));
	}

	/**
	 * Refuse a state change a browser sent on behalf of another site: browsers mark those
	 * with {@code Sec-Fetch-Site: cross-site} / {@code same-site} and a foreign
	 * {@code Origin}. Scripts (curl, FrontDoor's tests) send neither header.
	 */
	private static void checkSameOrigin(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader("Origin");
		String own = ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).build().toUriString();
		if ((site != null && !SAME_ORIGIN_FETCH.contains(site)) || (origin != null && !origin.equalsIgnoreCase(own))) {
			throw new GeoReportException(HttpStatus.FORBIDDEN,
					"origin: status changes from another site are refused; use the form on " + StaffPages.ROOT);
		}
	}

	private static GeoReportException notFound(String id) {
		return new GeoReportException(HttpStatus.NOT_FOUND, "service_request_id: " + Problems.quote(id) + " not found");
	}

	private static String text(Object value) {
		return (value == null) ? null : value.toString();
	}

	private static ResponseEntity<String> html(String page) {
		return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore()).body(page);
	}

}
