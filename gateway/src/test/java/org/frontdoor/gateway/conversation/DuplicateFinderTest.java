package org.frontdoor.gateway.conversation;

import java.util.List;
import java.util.Map;

import org.frontdoor.gateway.open311.RequestStatus;
import org.frontdoor.gateway.open311.ServiceRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nearest open request of the same service within the radius, as a table (GeoReport
 * has no radius filter: FrontDoor filters what the backend returns).
 */
class DuplicateFinderTest {

	static final Place HERE = new Place(42.36550, -71.10400, "Massachusetts Ave & Prospect St", LocationSource.TEXT);

	static ServiceRequest request(String id, String code, RequestStatus status, Double lat, Double lon) {
		return new ServiceRequest(id, status, status.wire(), null, null, code, null, null, null, null, null, null,
				"near " + id, null, null, lat, lon, null, null, Map.of());
	}

	static final List<ServiceRequest> BACKEND = List.of(
			request("far", "pothole", RequestStatus.OPEN, 42.36800, -71.10400),
			request("near", "pothole", RequestStatus.OPEN, 42.36600, -71.10400),
			request("nearest", "pothole", RequestStatus.OPEN, 42.36560, -71.10400),
			request("closed", "pothole", RequestStatus.CLOSED, 42.36550, -71.10400),
			request("other-service", "graffiti", RequestStatus.OPEN, 42.36550, -71.10400),
			request("no-point", "pothole", RequestStatus.OPEN, null, null));

	@ParameterizedTest(name = "{0} within {1} m → {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			pothole  | 150 | nearest
			pothole  | 5   | -
			pothole  | 400 | nearest
			graffiti | 150 | other-service
			sign     | 150 | -
			""")
	void keepsTheNearestOpenRequestOfTheServiceWithinTheRadius(String code, double radius, String expected) {
		DuplicateCheck check = DuplicateFinder.nearest(code, HERE, BACKEND, radius);
		assertThat(check.requestId()).isEqualTo(expected);
		if (expected != null) {
			assertThat(check.address()).isEqualTo("near " + expected);
			assertThat(check.distanceMeters()).isLessThanOrEqualTo(radius);
			assertThat(check.isFor(code, HERE)).isTrue();
		}
	}

}
