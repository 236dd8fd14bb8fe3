package org.frontdoor.nlp.geo;

/**
 * A WGS84 point.
 *
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 */
public record GeoPoint(double lat, double lon) {

	/**
	 * Whether both coordinates are finite and within their ranges (latitude ±90,
	 * longitude ±180).
	 * @return whether the point is a valid coordinate
	 */
	public boolean isValid() {
		return Double.isFinite(this.lat) && Double.isFinite(this.lon) && Math.abs(this.lat) <= 90
				&& Math.abs(this.lon) <= 180;
	}

	/**
	 * The great-circle distance to another point.
	 * @param other the other point
	 * @return metres
	 */
	public double distanceMeters(GeoPoint other) {
		return GeoMath.distance(this.lat, this.lon, other.lat, other.lon);
	}

}
