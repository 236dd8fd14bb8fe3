package org.frontdoor.nlp.geo;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.frontdoor.nlp.location.StreetLexicon;

/**
 * The city FrontDoor serves: its name, its boundary, and the names of places inside it
 * (neighborhoods). Decides whether a point from a pin or a photo can be used.
 */
public final class City {

	/** GPS jitter allowed outside the boundary line for a resident's pin, in metres. */
	public static final double DEFAULT_TOLERANCE_METERS = 15;

	private final String name;

	private final String region;

	private final String country;

	private final Boundary boundary;

	private final List<String> placeNames;

	private final Set<String> foldedNames;

	/**
	 * A city.
	 * @param name its name ("Cambridge")
	 * @param region state or province code ("MA")
	 * @param country ISO 3166 alpha-2 code, lower case ("us")
	 * @param boundary its boundary
	 * @param placeNames names of places inside it (neighborhoods, "Cambridge, MA")
	 */
	public City(String name, String region, String country, Boundary boundary, List<String> placeNames) {
		this.name = name;
		this.region = (region != null) ? region : "";
		this.country = (country != null) ? country.toLowerCase(Locale.ROOT) : "";
		this.boundary = boundary;
		this.placeNames = List.copyOf(placeNames);
		this.foldedNames = placeNames.stream().map(StreetLexicon::fold).collect(Collectors.toSet());
	}

	/**
	 * The city's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * State or province code.
	 * @return the region, possibly empty
	 */
	public String region() {
		return this.region;
	}

	/**
	 * Country code (ISO 3166 alpha-2, lower case).
	 * @return the country, possibly empty
	 */
	public String country() {
		return this.country;
	}

	/**
	 * The boundary.
	 * @return the boundary
	 */
	public Boundary boundary() {
		return this.boundary;
	}

	/**
	 * Names of places inside the city.
	 * @return the names
	 */
	public List<String> placeNames() {
		return this.placeNames;
	}

	/**
	 * Whether a written town name is this city or a place inside it ("cambridge",
	 * "Cambridge, MA", "East Cambridge").
	 * @param town the town as written
	 * @return whether it names this city
	 */
	public boolean isThisCity(String town) {
		String f = StreetLexicon.fold(town);
		String region = StreetLexicon.fold(this.region);
		if (!region.isEmpty() && f.endsWith(" " + region)) {
			f = f.substring(0, f.length() - region.length() - 1);
		}
		return f.equals(StreetLexicon.fold(this.name)) || this.foldedNames.contains(f)
				|| (!region.isEmpty() && f.equals(region));
	}

	/**
	 * Whether a point is inside the boundary, allowing a tolerance outside it.
	 * @param point the point
	 * @param toleranceMeters how far outside still counts
	 * @return whether it is in the city
	 */
	public boolean contains(GeoPoint point, double toleranceMeters) {
		if (point == null || !point.isValid()) {
			return false;
		}
		return this.boundary.within(point.lat(), point.lon(), toleranceMeters);
	}

	/**
	 * Checks a point from a pin or photo GPS ({@link #DEFAULT_TOLERANCE_METERS}).
	 * @param point the point (may be {@code null})
	 * @return the verdict, with a reason the dialog can say
	 */
	public PointCheck check(GeoPoint point) {
		return check(point, DEFAULT_TOLERANCE_METERS);
	}

	/**
	 * Checks a point: (0,0), invalid, swapped latitude/longitude, outside → refused with
	 * a reason.
	 * @param point the point (may be {@code null})
	 * @param toleranceMeters how far outside the boundary line still counts as inside
	 * @return the verdict
	 */
	public PointCheck check(GeoPoint point, double toleranceMeters) {
		if (point == null || !Double.isFinite(point.lat()) || !Double.isFinite(point.lon())) {
			return new PointCheck(PointCheck.Status.INVALID, point, "that location is not a valid map position", null);
		}
		if (Math.abs(point.lat()) < 1e-6 && Math.abs(point.lon()) < 1e-6) {
			return new PointCheck(PointCheck.Status.NULL_ISLAND, point,
					"that location is 0,0: the phone probably had no GPS fix", null);
		}
		GeoPoint swapped = new GeoPoint(point.lon(), point.lat());
		if (!point.isValid()) {
			if (swapped.isValid() && contains(swapped, toleranceMeters)) {
				return new PointCheck(PointCheck.Status.SWAPPED, point,
						"that location has latitude and longitude the wrong way round", swapped);
			}
			return new PointCheck(PointCheck.Status.INVALID, point, "that location is not a valid map position", null);
		}
		if (contains(point, toleranceMeters)) {
			return new PointCheck(PointCheck.Status.INSIDE, point, null, null);
		}
		if (swapped.isValid() && contains(swapped, toleranceMeters)) {
			return new PointCheck(PointCheck.Status.SWAPPED, point,
					"that location has latitude and longitude the wrong way round", swapped);
		}
		GeoPoint negated = new GeoPoint(point.lat(), -point.lon());
		if (contains(negated, toleranceMeters)) {
			return new PointCheck(PointCheck.Status.WRONG_SIGN, point,
					"that location has lost the minus sign of its longitude", negated);
		}
		return new PointCheck(PointCheck.Status.OUTSIDE, point, outsideReason(), null);
	}

	/**
	 * The sentence for a place outside the city.
	 * @return "that looks like it is outside Cambridge"
	 */
	public String outsideReason() {
		return "that looks like it is outside " + this.name;
	}

}
