package org.frontdoor.nlp.geo;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A city's boundary: one or more polygons (outer ring and holes) in WGS84, with a
 * point-in-polygon test (even-odd rule) and the distance to the boundary line.
 */
public final class Boundary {

	/** Polygons; each is a list of rings; each ring is lon,lat pairs. */
	private final List<List<double[]>> polygons;

	private final double minLon;

	private final double minLat;

	private final double maxLon;

	private final double maxLat;

	private static final double CELL_LAT = 0.002;

	private static final double CELL_LON = 0.0027;

	/** Boundary edges by grid cell: {lat1, lon1, lat2, lon2} quadruples. */
	private final java.util.Map<Long, double[]> edgeGrid = new java.util.HashMap<>();

	/**
	 * A boundary from rings.
	 * @param polygons polygons → rings (first outer, others holes) → lon,lat pairs
	 */
	public Boundary(List<List<double[]>> polygons) {
		if (polygons.isEmpty() || polygons.get(0).isEmpty()) {
			throw new CityDataException("a boundary needs at least one polygon with an outer ring");
		}
		double x0 = Double.MAX_VALUE;
		double y0 = Double.MAX_VALUE;
		double x1 = -Double.MAX_VALUE;
		double y1 = -Double.MAX_VALUE;
		List<List<double[]>> copy = new ArrayList<>();
		for (List<double[]> polygon : polygons) {
			List<double[]> rings = new ArrayList<>();
			for (double[] ring : polygon) {
				if (ring.length < 8 || ring.length % 2 != 0) {
					throw new CityDataException("a boundary ring needs at least 4 positions");
				}
				for (int i = 0; i < ring.length; i += 2) {
					if (!Double.isFinite(ring[i]) || !Double.isFinite(ring[i + 1]) || Math.abs(ring[i]) > 180
							|| Math.abs(ring[i + 1]) > 90) {
						throw new CityDataException(
								"a boundary position is not a longitude,latitude pair: " + ring[i] + "," + ring[i + 1]);
					}
					x0 = Math.min(x0, ring[i]);
					x1 = Math.max(x1, ring[i]);
					y0 = Math.min(y0, ring[i + 1]);
					y1 = Math.max(y1, ring[i + 1]);
				}
				rings.add(ring.clone());
			}
			copy.add(List.copyOf(rings));
		}
		this.polygons = List.copyOf(copy);
		this.minLon = x0;
		this.minLat = y0;
		this.maxLon = x1;
		this.maxLat = y1;
		java.util.Map<Long, List<double[]>> grid = new java.util.HashMap<>();
		for (List<double[]> polygon : this.polygons) {
			for (double[] ring : polygon) {
				for (int i = 2; i < ring.length; i += 2) {
					double[] edge = { ring[i - 1], ring[i - 2], ring[i + 1], ring[i] };
					double len = GeoMath.distance(edge[0], edge[1], edge[2], edge[3]);
					int steps = Math.max(1, (int) Math.ceil(len / 100));
					java.util.Set<Long> cells = new java.util.HashSet<>();
					for (int s = 0; s <= steps; s++) {
						double t = s / (double) steps;
						cells.add(cell(edge[0] + (edge[2] - edge[0]) * t, edge[1] + (edge[3] - edge[1]) * t));
					}
					for (long c : cells) {
						grid.computeIfAbsent(c, (k) -> new ArrayList<>()).add(edge);
					}
				}
			}
		}
		grid.forEach((k, v) -> {
			double[] flat = new double[v.size() * 4];
			for (int i = 0; i < v.size(); i++) {
				System.arraycopy(v.get(i), 0, flat, 4 * i, 4);
			}
			this.edgeGrid.put(k, flat);
		});
	}

	private static long cell(double lat, double lon) {
		long y = (long) Math.floor(lat / CELL_LAT);
		long x = (long) Math.floor(lon / CELL_LON);
		return (y << 32) ^ (x & 0xffffffffL);
	}

	/**
	 * Whether a point is inside, or outside by at most {@code meters} (fast: only the
	 * boundary edges near the point are measured).
	 * @param lat latitude
	 * @param lon longitude
	 * @param meters the tolerance
	 * @return whether it is within
	 */
	public boolean within(double lat, double lon, double meters) {
		if (contains(lat, lon)) {
			return true;
		}
		double dLat = meters / GeoMath.metersPerDegreeLat();
		double dLon = meters / GeoMath.metersPerDegreeLon(lat);
		if (lat < this.minLat - dLat || lat > this.maxLat + dLat || lon < this.minLon - dLon
				|| lon > this.maxLon + dLon) {
			return false;
		}
		int rings = (int) Math.ceil(meters / 200.0) + 1;
		long y = (long) Math.floor(lat / CELL_LAT);
		long x = (long) Math.floor(lon / CELL_LON);
		for (long dy = -rings; dy <= rings; dy++) {
			for (long dx = -rings; dx <= rings; dx++) {
				double[] edges = this.edgeGrid.get(((y + dy) << 32) ^ ((x + dx) & 0xffffffffL));
				if (edges == null) {
					continue;
				}
				for (int i = 0; i < edges.length; i += 4) {
					if (GeoMath.toSegment(lat, lon, edges[i], edges[i + 1], edges[i + 2], edges[i + 3]) <= meters) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Reads a boundary from GeoJSON: a Polygon or MultiPolygon geometry, a Feature, or a
	 * FeatureCollection (all polygons of all features).
	 * @param node the parsed GeoJSON
	 * @return the boundary
	 * @throws CityDataException when it holds no valid polygon
	 */
	public static Boundary fromGeoJson(JsonNode node) {
		List<List<double[]>> polygons = new ArrayList<>();
		collect(node, polygons);
		if (polygons.isEmpty()) {
			throw new CityDataException("no Polygon or MultiPolygon in the boundary GeoJSON");
		}
		return new Boundary(polygons);
	}

	private static void collect(JsonNode node, List<List<double[]>> out) {
		if (node == null || !node.isObject()) {
			throw new CityDataException("the boundary GeoJSON is not an object");
		}
		String type = node.path("type").asString("");
		switch (type) {
			case "FeatureCollection" -> {
				JsonNode features = node.path("features");
				if (!features.isArray()) {
					throw new CityDataException("a FeatureCollection without a features array");
				}
				for (JsonNode f : features) {
					collect(f, out);
				}
			}
			case "Feature" -> collect(node.path("geometry"), out);
			case "Polygon" -> out.add(rings(node.path("coordinates")));
			case "MultiPolygon" -> {
				JsonNode polys = node.path("coordinates");
				if (!polys.isArray()) {
					throw new CityDataException("a MultiPolygon without coordinates");
				}
				for (JsonNode p : polys) {
					out.add(rings(p));
				}
			}
			default -> throw new CityDataException("unsupported boundary geometry type '" + type + "'");
		}
	}

	private static List<double[]> rings(JsonNode rings) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new CityDataException("a Polygon without rings");
		}
		List<double[]> out = new ArrayList<>();
		for (JsonNode ring : rings) {
			out.add(GeoJson.positions(ring, "boundary ring"));
		}
		return out;
	}

	/**
	 * Whether a point is inside (holes excluded).
	 * @param lat latitude
	 * @param lon longitude
	 * @return whether it is inside
	 */
	public boolean contains(double lat, double lon) {
		if (lat < this.minLat || lat > this.maxLat || lon < this.minLon || lon > this.maxLon) {
			return false;
		}
		boolean inside = false;
		for (List<double[]> polygon : this.polygons) {
			for (double[] ring : polygon) {
				if (inRing(ring, lat, lon)) {
					inside = !inside;
				}
			}
		}
		return inside;
	}

	private static boolean inRing(double[] ring, double lat, double lon) {
		boolean in = false;
		int n = ring.length / 2;
		for (int i = 0, j = n - 1; i < n; j = i++) {
			double xi = ring[2 * i];
			double yi = ring[2 * i + 1];
			double xj = ring[2 * j];
			double yj = ring[2 * j + 1];
			if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
				in = !in;
			}
		}
		return in;
	}

	/**
	 * How far a point is from the boundary: 0 inside, else the distance to the nearest
	 * edge.
	 * @param lat latitude
	 * @param lon longitude
	 * @return metres
	 */
	public double distanceOutside(double lat, double lon) {
		if (contains(lat, lon)) {
			return 0;
		}
		double best = Double.MAX_VALUE;
		for (List<double[]> polygon : this.polygons) {
			for (double[] ring : polygon) {
				for (int i = 2; i < ring.length; i += 2) {
					best = Math.min(best, GeoMath.toSegment(lat, lon, ring[i - 1], ring[i - 2], ring[i + 1], ring[i]));
				}
			}
		}
		return best;
	}

	/**
	 * The bounding box.
	 * @return {min lon, min lat, max lon, max lat}
	 */
	public double[] bbox() {
		return new double[] { this.minLon, this.minLat, this.maxLon, this.maxLat };
	}

	/**
	 * The middle of the bounding box (for proximity bias).
	 * @return the point
	 */
	public GeoPoint center() {
		return new GeoPoint((this.minLat + this.maxLat) / 2, (this.minLon + this.maxLon) / 2);
	}

	/**
	 * The polygons (for writing an index).
	 * @return polygons → rings → lon,lat pairs (copies)
	 */
	public List<List<double[]>> polygons() {
		List<List<double[]>> out = new ArrayList<>();
		for (List<double[]> p : this.polygons) {
			List<double[]> rings = new ArrayList<>();
			for (double[] r : p) {
				rings.add(r.clone());
			}
			out.add(rings);
		}
		return out;
	}

}
