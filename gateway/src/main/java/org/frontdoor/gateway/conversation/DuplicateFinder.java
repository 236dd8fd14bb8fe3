package org.frontdoor.gateway.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.frontdoor.gateway.open311.Open311Client;
import org.frontdoor.gateway.open311.Open311Exception;
import org.frontdoor.gateway.open311.RequestQuery;
import org.frontdoor.gateway.open311.RequestStatus;
import org.frontdoor.gateway.open311.ServiceRequest;
import org.frontdoor.nlp.geo.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Looks for open requests of a service near a place before a report is filed. GeoReport
 * v2 has no radius filter, so it asks for the service's open requests of the last
 * {@code lookback} and keeps the nearest within the service's radius. A backend that
 * cannot answer never blocks a report: the check is then skipped (and noted).
 */
@Component
public class DuplicateFinder {

	private static final Logger log = LoggerFactory.getLogger(DuplicateFinder.class);

	private final Open311Client client;

	private final ConversationProperties.Duplicates properties;

	private final Clock clock;

	public DuplicateFinder(Open311Client client, ConversationProperties properties, Clock clock) {
		this.client = client;
		this.properties = properties.duplicates();
		this.clock = clock;
	}

	/**
	 * Look for the nearest open request of a service within its radius of a place.
	 * @param serviceCode the service
	 * @param place the place
	 * @return the outcome (a call to the backend)
	 */
	public DuplicateCheck find(String serviceCode, Place place) {
		if (!this.properties.enabled()) {
			return DuplicateCheck.none(serviceCode, place, null);
		}
		Instant now = this.clock.instant();
		List<ServiceRequest> open;
		try {
			open = this.client.requests(new RequestQuery(null, List.of(serviceCode), RequestStatus.OPEN,
					now.minus(this.properties.lookback()), now.plus(Duration.ofMinutes(1)), null, null));
		}
		catch (Open311Exception ex) {
			log.info("Duplicate check for {} skipped: {}", serviceCode, ex.getMessage());
			return DuplicateCheck.none(serviceCode, place, "duplicate check skipped: " + ex.getMessage());
		}
		return nearest(serviceCode, place, open, this.properties.radiusFor(serviceCode));
	}

	/**
	 * The nearest open request of the service within a radius.
	 * @param serviceCode the service
	 * @param place the place
	 * @param candidates requests the backend returned
	 * @param radius metres
	 * @return the outcome
	 */
	static DuplicateCheck nearest(String serviceCode, Place place, List<ServiceRequest> candidates, double radius) {
		GeoPoint here = new GeoPoint(place.lat(), place.lon());
		ServiceRequest best = null;
		double bestDistance = Double.MAX_VALUE;
		for (ServiceRequest request : candidates) {
			if (request.lat() == null || request.lon() == null || request.serviceRequestId() == null
					|| request.status() != RequestStatus.OPEN
					|| (request.serviceCode() != null && !request.serviceCode().equals(serviceCode))) {
				continue;
			}
			double distance = here.distanceMeters(new GeoPoint(request.lat(), request.lon()));
			if (distance <= radius && distance < bestDistance) {
				best = request;
				bestDistance = distance;
			}
		}
		if (best == null) {
			return DuplicateCheck.none(serviceCode, place, null);
		}
		return new DuplicateCheck(serviceCode, place.lat(), place.lon(), best.serviceRequestId(), best.address(),
				bestDistance, null);
	}

}
