package org.frontdoor.nlp.geo;

/**
 * Small-distance geometry on WGS84 points: haversine distances, and a local flat
 * projection (metres east/north of a reference latitude) for segment work inside one
 * city.
 */
final class GeoMath {

	static final double EARTH_RADIUS_M = 6_371_008.8;

	private GeoMath() {
	}

	/** Great-circle distance in metres. */
	static double distance(double lat1, double lon1, double lat2, double lon2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dp / 2) * Math.sin(dp / 2)
				+ Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/** Metres per degree of longitude at a latitude. */
	static double metersPerDegreeLon(double lat) {
		return Math.toRadians(1) * EARTH_RADIUS_M * Math.cos(Math.toRadians(lat));
	}

	/** Metres per degree of latitude. */
	static double metersPerDegreeLat() {
		return Math.toRadians(1) * EARTH_RADIUS_M;
	}

	/**
	 * The point at a fraction of a polyline's length, pushed sideways.
	 * @param coords lon,lat pairs
	 * @param fraction 0..1 from the first coordinate
	 * @param offsetMeters sideways offset; positive = left of the direction of travel
	 * @return {lat, lon}
	 */
	static double[] along(double[] coords, double fraction, double offsetMeters) {
		int n = coords.length / 2;
		double lat0 = coords[1];
		double kx = metersPerDegreeLon(lat0);
		double ky = metersPerDegreeLat();
		double total = 0;
		for (int i = 1; i < n; i++) {
			total += Math.hypot((coords[2 * i] - coords[2 * i - 2]) * kx, (coords[2 * i + 1] - coords[2 * i - 1]) * ky);
		}
		double target = Math.max(0, Math.min(1, fraction)) * total;
		double walked = 0;
		for (int i = 1; i < n; i++) {
			double dx = (coords[2 * i] - coords[2 * i - 2]) * kx;
			double dy = (coords[2 * i + 1] - coords[2 * i - 1]) * ky;
			double len = Math.hypot(dx, dy);
			if (walked + len >= target || i == n - 1) {
				double t = (len == 0) ? 0 : Math.min(1, (target - walked) / len);
				double x = coords[2 * i - 2] * kx + dx * t;
				double y = coords[2 * i - 1] * ky + dy * t;
				if (len > 0 && offsetMeters != 0) {
					x += -dy / len * offsetMeters;
					y += dx / len * offsetMeters;
				}
				return new double[] { y / ky, x / kx };
			}
			walked += len;
		}
		return new double[] { coords[1], coords[0] };
	}

	/**
	 * The nearest point of a polyline to a point.
	 * @param coords lon,lat pairs
	 * @param lat the point's latitude
	 * @param lon the point's longitude
	 * @return {distance m, fraction of length 0..1, side (+1 left, -1 right)}
	 */
	static double[] nearest(double[] coords, double lat, double lon) {
		int n = coords.length / 2;
		double kx = metersPerDegreeLon(lat);
		double ky = metersPerDegreeLat();
		double px = lon * kx;
		double py = lat * ky;
		double best = Double.MAX_VALUE;
		double bestAt = 0;
		double bestSide = 1;
		double total = 0;
		for (int i = 1; i < n; i++) {
			double ax = coords[2 * i - 2] * kx;
			double ay = coords[2 * i - 1] * ky;
			double dx = coords[2 * i] * kx - ax;
			double dy = coords[2 * i + 1] * ky - ay;
			double len2 = dx * dx + dy * dy;
			double t = (len2 == 0) ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
			double cx = ax + t * dx;
			double cy = ay + t * dy;
			double d = Math.hypot(px - cx, py - cy);
			if (d < best) {
				best = d;
				bestAt = total + t * Math.sqrt(len2);
				bestSide = (dx * (py - ay) - dy * (px - ax)) >= 0 ? 1 : -1;
			}
			total += Math.sqrt(len2);
		}
		return new double[] { best, (total == 0) ? 0 : bestAt / total, bestSide };
	}

	/** Distance in metres from a point to the segment a–b (all lat/lon). */
	static double toSegment(double lat, double lon, double alat, double alon, double blat, double blon) {
		double kx = metersPerDegreeLon(lat);
		double ky = metersPerDegreeLat();
		double px = lon * kx;
		double py = lat * ky;
		double ax = alon * kx;
		double ay = alat * ky;
		double dx = blon * kx - ax;
		double dy = blat * ky - ay;
		double len2 = dx * dx + dy * dy;
		double t = (len2 == 0) ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
		return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
	}

}
