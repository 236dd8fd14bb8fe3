package org.frontdoor.gateway.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.frontdoor.gateway.open311.Open311Client;
import org.frontdoor.gateway.open311.Open311Exception;
import org.frontdoor.gateway.open311.RequestQuery;
import org.frontdoor.gateway.open311.RequestStatus;
import org.frontdoor.gateway.open311.ServiceRequest;
import org.frontdoor.nlp.geo.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks for open requests of a service near a place before a report is filed. GeoReport
 * v2 has no radius filter, so it asks the backend for the service's open requests of the
 * last {@code lookback} and keeps the nearest within the service's radius. That list is
 * reused for {@code cache-ttl} (one backend query per service and period, not per
 * message: a busy city has thousands of open potholes), and the requests FrontDoor itself
 * filed since are added from its own submissions, so two residents reporting the same
 * thing minutes apart are still matched. A backend that cannot answer never blocks a
 * report: the check then uses FrontDoor's own submissions only (and says so).
 */
@Component
public class DuplicateFinder {

	private static final Logger log = LoggerFactory.getLogger(DuplicateFinder.class);

	/** How far before the cached list's time FrontDoor's own submissions are added. */
	private static final Duration OVERLAP = Duration.ofMinutes(1);

	private final Open311Client client;

	private final JdbcClient jdbc;

	private final ConversationProperties.Duplicates properties;

	private final Clock clock;

	private final Map<String, Listing> listings = new ConcurrentHashMap<>();

	public DuplicateFinder(Open311Client client, JdbcClient jdbc, ConversationProperties properties, Clock clock) {
		this.client = client;
		this.jdbc = jdbc;
		this.properties = properties.duplicates();
		this.clock = clock;
	}

	/**
	 * Look for the nearest open request of a service within its radius of a place.
	 * @param serviceCode the service
	 * @param place the place
	 * @return the outcome (may call the backend)
	 */
	public DuplicateCheck find(String serviceCode, Place place) {
		if (!this.properties.enabled()) {
			return DuplicateCheck.none(serviceCode, place, null);
		}
		Instant now = this.clock.instant();
		Listing listing = this.listings.get(serviceCode);
		String note = null;
		if (listing == null || listing.fetchedAt().plus(this.properties.cacheTtl()).isBefore(now)) {
			try {
				listing = new Listing(now,
						this.client.requests(new RequestQuery(null, List.of(serviceCode), RequestStatus.OPEN,
								now.minus(this.properties.lookback()), now.plus(Duration.ofMinutes(1)), null, null)));
				this.listings.put(serviceCode, listing);
			}
			catch (Open311Exception ex) {
				log.info("Duplicate check for {} without the backend's list: {}", serviceCode, ex.getMessage());
				note = "backend list unavailable (" + ex.getMessage() + "); checked FrontDoor's own reports only";
				listing = (listing != null) ? listing : new Listing(Instant.EPOCH, List.of());
			}
		}
		List<ServiceRequest> candidates = new ArrayList<>(listing.open());
		candidates.addAll(ownSince(serviceCode, Duration.between(listing.fetchedAt(), now).plus(OVERLAP), place));
		DuplicateCheck check = nearest(serviceCode, place, candidates, this.properties.radiusFor(serviceCode));
		return (note != null && check.requestId() == null) ? DuplicateCheck.none(serviceCode, place, note) : check;
	}

	/**
	 * Requests FrontDoor filed for the service in a recent period, near the place (the
	 * period is relative, so it is measured with the database's clock like
	 * {@code created_at}).
	 */
	private List<ServiceRequest> ownSince(String serviceCode, Duration period, Place place) {
		double radius = this.properties.radiusFor(serviceCode);
		double dLat = radius / 111_000.0 * 1.5;
		double dLon = dLat / Math.max(0.1, Math.cos(Math.toRadians(place.lat())));
		return this.jdbc.sql("""
				select service_request_id, request->>'lat' as lat, request->>'lon' as lon,
					request->>'addressString' as address
				from submission
				where service_code = :code and service_request_id is not null
				  and created_at >= now() - make_interval(secs => :seconds)
				  and cast(request->>'lat' as double precision) between :minLat and :maxLat
				  and cast(request->>'lon' as double precision) between :minLon and :maxLon
				""")
			.param("code", serviceCode)
			.param("seconds", Math.min(period.toMillis(), this.properties.lookback().toMillis()) / 1000.0)
			.param("minLat", place.lat() - dLat)
			.param("maxLat", place.lat() + dLat)
			.param("minLon", place.lon() - dLon)
			.param("maxLon", place.lon() + dLon)
			.query((rs, n) -> new ServiceRequest(rs.getString("service_request_id"), RequestStatus.OPEN, "open", null,
					null, serviceCode, null, null, null, null, null, null, rs.getString("address"), null, null,
					Double.valueOf(rs.getString("lat")), Double.valueOf(rs.getString("lon")), null, null, Map.of()))
			.list();
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

	private record Listing(Instant fetchedAt, List<ServiceRequest> open) {

	}

}
