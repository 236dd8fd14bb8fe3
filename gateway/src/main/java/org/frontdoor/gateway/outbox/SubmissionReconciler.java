package org.frontdoor.gateway.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.frontdoor.gateway.open311.NewServiceRequest;
import org.frontdoor.gateway.open311.Open311Client;
import org.frontdoor.gateway.open311.RequestQuery;
import org.frontdoor.gateway.open311.ServiceRequest;
import org.frontdoor.gateway.persistence.QueueProperties;
import org.frontdoor.gateway.persistence.ServiceRequestLinkRepository;

import org.springframework.stereotype.Component;

/**
 * After an ambiguous attempt (the POST may have reached the backend: read timeout, broken
 * connection, 5xx, the gateway killed mid-call), looks for the request that attempt may
 * have created before FrontDoor posts again (blueprint §3.2). GeoReport v2 cannot search
 * by our {@code external_id}, so it asks for the service's requests created around the
 * first attempt ({@code start_date}/{@code end_date},
 * {@code frontdoor.outbox.reconcile-window} either side) and matches our description and
 * location (within {@value #MATCH_METERS} m) or address, skipping requests already linked
 * to another submission. If the backend cannot be asked, the caller retries later instead
 * of posting blindly.
 */
@Component
public class SubmissionReconciler {

	/** How close a candidate's location must be to ours. */
	static final double MATCH_METERS = 30;

	private final Open311Client client;

	private final ServiceRequestLinkRepository links;

	private final QueueProperties properties;

	private final Clock clock;

	public SubmissionReconciler(Open311Client client, ServiceRequestLinkRepository links, QueueProperties properties,
			Clock clock) {
		this.client = client;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Find the request an earlier attempt created.
	 * @param submission the submission
	 * @return the request, or empty when none exists
	 * @throws org.frontdoor.gateway.open311.Open311Exception when the backend cannot be
	 * asked
	 */
	public Optional<ServiceRequest> find(Submission submission) {
		NewServiceRequest sent = submission.request();
		Duration window = this.properties.reconcileWindow();
		Instant from = ((submission.firstAttemptAt() != null) ? submission.firstAttemptAt() : submission.createdAt())
			.minus(window);
		Instant to = this.clock.instant().plus(window);
		List<ServiceRequest> candidates = this.client
			.requests(new RequestQuery(null, List.of(sent.serviceCode()), null, from, to, null, null));
		return candidates.stream()
			.filter((candidate) -> matches(sent, candidate))
			.filter((candidate) -> !this.links.isLinked(candidate.serviceRequestId()))
			.min(Comparator.comparing(ServiceRequest::requestedAt, Comparator.nullsLast(Comparator.naturalOrder())));
	}

	static boolean matches(NewServiceRequest sent, ServiceRequest candidate) {
		if (candidate.serviceCode() != null && !candidate.serviceCode().equals(sent.serviceCode())) {
			return false;
		}
		if (sent.description() != null
				&& !Objects.equals(normalize(sent.description()), normalize(candidate.description()))) {
			return false;
		}
		if (sent.lat() != null && sent.lon() != null) {
			return candidate.lat() != null && candidate.lon() != null
					&& meters(sent.lat(), sent.lon(), candidate.lat(), candidate.lon()) <= MATCH_METERS;
		}
		if (sent.addressString() != null) {
			return Objects.equals(normalize(sent.addressString()), normalize(candidate.address()));
		}
		return sent.description() != null;
	}

	private static String normalize(String text) {
		return (text != null) ? text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) : null;
	}

	static double meters(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 6_371_000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
	}

}
