package org.frontdoor.gateway.sandbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontdoor.channels.core.RandomIds;
import org.frontdoor.channels.core.media.MediaPolicy;
import org.frontdoor.channels.core.media.MediaSanitizer;
import org.frontdoor.channels.core.media.RejectedMedia;
import org.frontdoor.channels.core.media.SanitizeResult;
import org.frontdoor.channels.core.media.SanitizedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The simulated city's 311 system behind the sandbox API: files submissions (validated by
 * {@link SubmissionParser}, photos cleaned by the shared {@link MediaSanitizer}), gives
 * each the service's agency, notice and expected date, hands out tokens for
 * {@link ServiceType#BATCH batch} services that resolve after
 * {@code frontdoor.sandbox.token-delay}, and applies staff status changes.
 * <p>
 * <b>Idempotency</b>: a submission whose {@code attribute[external_id]} was used before
 * returns the request stored then (same {@code service_request_id}, or same token),
 * whatever else it carries; concurrent duplicates store exactly one request.
 */
@Component
@Profile(SandboxProperties.PROFILE)
public class SandboxBackend {

	private static final Logger log = LoggerFactory.getLogger(SandboxBackend.class);

	private final SandboxCatalog catalog;

	private final SandboxProperties properties;

	private final SandboxRequestStore store;

	private final SubmissionParser parser;

	private final MediaSanitizer sanitizer;

	private final Clock clock;

	SandboxBackend(SandboxCatalog catalog, SandboxProperties properties, SandboxRequestStore store,
			ObjectProvider<Clock> clock) {
		this.catalog = catalog;
		this.properties = properties;
		this.store = store;
		this.parser = new SubmissionParser(catalog, properties);
		this.sanitizer = new MediaSanitizer(MediaPolicy.defaults().withMaxBytes(properties.maxMediaSize().toBytes()));
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * File a submission ({@code POST requests}).
	 * @param params the form parameters
	 * @param media the multipart {@code media} part, or {@code null}
	 * @return the stored (or earlier stored) request
	 * @throws GeoReportException when the submission is refused
	 */
	public Filed submit(MultiValueMap<String, String> params, Upload media) {
		Submission submission = switch (this.parser.parse(params)) {
			case SubmissionParser.Valid valid -> valid.submission();
			case SubmissionParser.Invalid invalid -> throw invalid.toException();
		};
		SanitizedImage image = (media != null) ? sanitize(media) : null;
		OffsetDateTime now = now();
		ServiceLevel level = this.catalog.level(submission.service().code());
		boolean batch = submission.service().type() == ServiceType.BATCH;
		OffsetDateTime published = batch ? now.plus(this.properties.tokenDelay()) : now;
		String token = batch ? RandomIds.hex(16) : null;
		SandboxRequestStore.Created created = this.store.create(new SandboxRequestStore.NewRow(submission, level, now,
				now.plusDays(level.expectedDays()), published, token, image));
		if (created.duplicate()) {
			log.debug("Sandbox submission with a known external_id: returning #{}", created.id());
		}
		else {
			log.info("Sandbox service request #{} filed for service {}{}", created.id(), submission.service().code(),
					batch ? " (batch: token resolves in " + this.properties.tokenDelay() + ")" : "");
		}
		StoredRequest stored = this.store.find(created.id()).orElseThrow();
		ServiceType type = this.catalog.service(stored.serviceCode())
			.map(SandboxService::type)
			.orElse(submission.service().type());
		return new Filed(stored, type, created.token(), created.duplicate());
	}

	private SanitizedImage sanitize(Upload media) {
		SanitizeResult result = this.sanitizer.sanitize(media.bytes(), media.contentType());
		return switch (result) {
			case SanitizedImage image -> image;
			case RejectedMedia rejected -> throw new GeoReportException(HttpStatus.BAD_REQUEST,
					"media: " + rejected.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " ("
							+ rejected.detail() + ")");
		};
	}

	/**
	 * A published request ({@code GET requests/{id}}).
	 * @param id the {@code service_request_id}
	 * @return the request, or empty when unknown or not yet published
	 */
	public Optional<StoredRequest> published(long id) {
		OffsetDateTime now = now();
		return this.store.find(id).filter((request) -> !request.publishedAt().isAfter(now));
	}

	/**
	 * Published requests matching a query ({@code GET requests}).
	 * @param params the query parameters
	 * @return the requests
	 * @throws GeoReportException ({@code 400}) for malformed arguments
	 */
	public List<StoredRequest> search(MultiValueMap<String, String> params) {
		OffsetDateTime now = now();
		return this.store.find(RequestQuery.parse(params, this.properties, now), now);
	}

	/**
	 * Look up a batch token ({@code GET tokens/{token}}).
	 * @param token the token
	 * @return the state of the token, or empty when unknown
	 */
	public Optional<TokenState> token(String token) {
		if (token.length() > 64) {
			return Optional.empty();
		}
		OffsetDateTime now = now();
		return this.store.findToken(token)
			.map((row) -> new TokenState(row.token(), row.resolvesAt().isAfter(now) ? null : row.requestId()));
	}

	/**
	 * An uploaded photo.
	 * @param id its id
	 * @return content type and bytes, or empty
	 */
	Optional<SandboxRequestStore.MediaRow> media(UUID id) {
		return this.store.media(id);
	}

	/**
	 * Change a request's status and notes, as city staff.
	 * @param id the request
	 * @param status {@code open} or {@code closed} (any case)
	 * @param notes the new status notes (blank clears them)
	 * @param staff who is changing it
	 * @return the outcome, or empty when there is no such request
	 * @throws GeoReportException ({@code 400}) for an unknown status or notes too long
	 */
	public Optional<SandboxRequestStore.StatusChange> changeStatus(long id, String status, String notes, String staff) {
		String normalized = (status != null) ? status.trim().toLowerCase(Locale.ROOT) : "";
		if (!RequestQuery.STATUSES.contains(normalized)) {
			throw new GeoReportException(HttpStatus.BAD_REQUEST, "status: must be open or closed");
		}
		String cleanNotes = (notes == null || notes.isBlank()) ? null : notes.strip();
		if (cleanNotes != null && cleanNotes.length() > this.properties.maxDescriptionLength()) {
			throw new GeoReportException(HttpStatus.BAD_REQUEST,
					"status_notes: " + this.properties.maxDescriptionLength() + " characters at most");
		}
		Optional<SandboxRequestStore.StatusChange> change = this.store.changeStatus(id, normalized, cleanNotes, staff,
				now());
		change.filter(SandboxRequestStore.StatusChange::changed)
			.ifPresent((changed) -> log.info("Sandbox service request #{} set to {} by staff", id, normalized));
		return change;
	}

	/**
	 * The most recent requests for the staff page.
	 * @param beforeId paging: only ids below this, or {@code null}
	 * @return newest first
	 */
	public List<StoredRequest> recent(Long beforeId) {
		return this.store.recent(beforeId, this.properties.staffPageSize());
	}

	/**
	 * One request for staff, published or not.
	 * @param id its id
	 * @return the request, or empty
	 */
	public Optional<StoredRequest> forStaff(long id) {
		return this.store.find(id);
	}

	/**
	 * A request's attribute values.
	 * @param id the request
	 * @return code → values
	 */
	public Map<String, List<String>> attributes(long id) {
		return this.store.attributes(id);
	}

	/**
	 * A request's status history.
	 * @param id the request
	 * @return oldest first
	 */
	public List<SandboxRequestStore.HistoryEntry> history(long id) {
		return this.store.history(id);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * A photo sent as the multipart {@code media} part.
	 *
	 * @param bytes its bytes
	 * @param contentType the declared content type, or {@code null}
	 */
	public record Upload(byte[] bytes, String contentType) {

	}

	/**
	 * The answer to {@code POST requests}.
	 *
	 * @param request the stored request
	 * @param type the service type (decides between id and token)
	 * @param token the batch token, or {@code null}
	 * @param duplicate whether the request existed before under the same
	 * {@code external_id}
	 */
	public record Filed(StoredRequest request, ServiceType type, String token, boolean duplicate) {

	}

	/**
	 * A batch token and, once resolved, its request id.
	 *
	 * @param token the token
	 * @param serviceRequestId the id, or {@code null} while still pending
	 */
	public record TokenState(String token, Long serviceRequestId) {

	}

}
