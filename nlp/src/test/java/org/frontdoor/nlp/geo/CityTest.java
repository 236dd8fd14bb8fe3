package org.frontdoor.nlp.geo;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.frontdoor.nlp.geo.PointCheck.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Point checks for pins and photo GPS, against the built-in Cambridge boundary. */
class CityTest {

	private static final City CAMBRIDGE = GazetteerIndex.builtIn().city();

	/** lat, lon, status, suggested lat (NaN: no suggestion). */
	static Stream<Arguments> points() {
		return Stream.of(Arguments.of(42.367115, -71.105701, Status.INSIDE, Double.NaN),
				Arguments.of(42.3736, -71.1190, Status.INSIDE, Double.NaN),
				Arguments.of(42.3601, -71.0589, Status.OUTSIDE, Double.NaN),
				Arguments.of(42.3876, -71.0995, Status.OUTSIDE, Double.NaN),
				Arguments.of(0.0, 0.0, Status.NULL_ISLAND, Double.NaN),
				Arguments.of(-71.105701, 42.367115, Status.SWAPPED, 42.367115),
				Arguments.of(42.367115, 71.105701, Status.WRONG_SIGN, 42.367115),
				Arguments.of(Double.NaN, -71.1, Status.INVALID, Double.NaN),
				Arguments.of(91.0, 200.0, Status.INVALID, Double.NaN));
	}

	@ParameterizedTest
	@MethodSource("points")
	void checksPoints(double lat, double lon, Status status, double suggestedLat) {
		PointCheck check = CAMBRIDGE.check(new GeoPoint(lat, lon));
		assertThat(check.status()).isEqualTo(status);
		assertThat(check.accepted()).isEqualTo(status == Status.INSIDE);
		if (status == Status.INSIDE) {
			assertThat(check.reason()).isNull();
		}
		else {
			assertThat(check.reason()).isNotBlank();
		}
		if (Double.isNaN(suggestedLat)) {
			assertThat(check.suggestion()).isNull();
		}
		else {
			assertThat(check.suggestion().lat()).isEqualTo(suggestedLat);
			assertThat(CAMBRIDGE.check(check.suggestion()).accepted()).isTrue();
		}
	}

	@Test
	void outsideReasonNamesTheCity() {
		assertThat(CAMBRIDGE.check(new GeoPoint(42.3601, -71.0589)).reason())
			.isEqualTo("that looks like it is outside Cambridge");
	}

	@Test
	void toleranceAllowsGpsJitterAtTheLine() {
		Boundary square = new Boundary(
				List.of(List.of(new double[] { 0.1, 0.1, 0.2, 0.1, 0.2, 0.2, 0.1, 0.2, 0.1, 0.1 })));
		City city = new City("Square", "", "", square, List.of());
		GeoPoint justOutside = new GeoPoint(0.15, 0.20005);
		assertThat(city.contains(justOutside, 0)).isFalse();
		assertThat(city.contains(justOutside, 15)).isTrue();
		assertThat(city.contains(new GeoPoint(0.15, 0.21), 15)).isFalse();
	}

	@Test
	void holesAreOutside() {
		double[] outer = { 0, 0, 1, 0, 1, 1, 0, 1, 0, 0 };
		double[] hole = { 0.4, 0.4, 0.6, 0.4, 0.6, 0.6, 0.4, 0.6, 0.4, 0.4 };
		Boundary b = new Boundary(List.of(List.of(outer, hole)));
		assertThat(b.contains(0.2, 0.2)).isTrue();
		assertThat(b.contains(0.5, 0.5)).isFalse();
	}

	@Test
	void namesThisCityInAnySpelling() {
		assertThat(CAMBRIDGE.isThisCity("Cambridge")).isTrue();
		assertThat(CAMBRIDGE.isThisCity("cambridge, MA")).isTrue();
		assertThat(CAMBRIDGE.isThisCity("East Cambridge")).isTrue();
		assertThat(CAMBRIDGE.isThisCity("Somerville")).isFalse();
	}

	@Test
	void refusesMalformedBoundaries() {
		assertThatThrownBy(() -> new Boundary(List.of())).isInstanceOf(CityDataException.class);
		assertThatThrownBy(() -> new Boundary(List.of(List.of(new double[] { 0, 0, 1, 1 }))))
			.isInstanceOf(CityDataException.class)
			.hasMessageContaining("4 positions");
		assertThatThrownBy(() -> new Boundary(List.of(List.of(new double[] { 0, 0, 500, 0, 1, 1, 0, 0 }))))
			.isInstanceOf(CityDataException.class)
			.hasMessageContaining("longitude");
	}

}
