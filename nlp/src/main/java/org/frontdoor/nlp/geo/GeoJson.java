package org.frontdoor.nlp.geo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tolerant reading of the GeoJSON a city publishes: positions, points, and a
 * representative point for lines and polygons. Errors name the file and the feature.
 */
final class GeoJson {

	static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private GeoJson() {
	}

	/** Parses a GeoJSON file. */
	static JsonNode read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new CityDataException("missing file " + file);
		}
		try (InputStream in = Files.newInputStream(file)) {
			JsonNode node = MAPPER.readTree(in);
			if (node == null || !node.isObject()) {
				throw new CityDataException(file + " is not a GeoJSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new CityDataException(file + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new CityDataException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** The features of a FeatureCollection (a lone Feature counts as one). */
	static Iterable<JsonNode> features(JsonNode root, Path file) {
		String type = root.path("type").asString("");
		if ("Feature".equals(type)) {
			return java.util.List.of(root);
		}
		JsonNode features = root.path("features");
		if (!"FeatureCollection".equals(type) || !features.isArray()) {
			throw new CityDataException(file + " is not a GeoJSON FeatureCollection");
		}
		return features;
	}

	/** A ring or line: an array of [lon, lat] positions as a flat lon,lat array. */
	static double[] positions(JsonNode array, String what) {
		if (!array.isArray() || array.size() < 2) {
			throw new CityDataException("a " + what + " needs at least two positions");
		}
		double[] out = new double[array.size() * 2];
		int i = 0;
		for (JsonNode p : array) {
			double[] pos = position(p, what);
			out[i++] = pos[0];
			out[i++] = pos[1];
		}
		return out;
	}

	/** One [lon, lat] position. */
	static double[] position(JsonNode p, String what) {
		if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
			throw new CityDataException("a " + what + " position is not [longitude, latitude]: " + p);
		}
		double lon = p.get(0).asDouble();
		double lat = p.get(1).asDouble();
		if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
			throw new CityDataException("a " + what + " position is out of range: " + p);
		}
		return new double[] { lon, lat };
	}

	/**
	 * A representative point of a geometry: the point itself, the middle of a line, the
	 * area-weighted centroid of the largest polygon.
	 * @return {lat, lon, radius in metres (0 for points and lines)}
	 */
	static double[] representative(JsonNode geometry, String what) {
		if (geometry == null || !geometry.isObject()) {
			throw new CityDataException("a " + what + " has no geometry");
		}
		String type = geometry.path("type").asString("");
		JsonNode c = geometry.path("coordinates");
		switch (type) {
			case "Point" -> {
				double[] p = position(c, what);
				return new double[] { p[1], p[0], 0 };
			}
			case "MultiPoint", "LineString" -> {
				double[] line = positions(c, what);
				double[] mid = GeoMath.along(line, 0.5, 0);
				return new double[] { mid[0], mid[1], 0 };
			}
			case "MultiLineString" -> {
				if (!c.isArray() || c.isEmpty()) {
					throw new CityDataException("a " + what + " MultiLineString without lines");
				}
				double[] line = positions(c.get(0), what);
				double[] mid = GeoMath.along(line, 0.5, 0);
				return new double[] { mid[0], mid[1], 0 };
			}
			case "Polygon" -> {
				return centroid(c, what);
			}
			case "MultiPolygon" -> {
				if (!c.isArray() || c.isEmpty()) {
					throw new CityDataException("a " + what + " MultiPolygon without polygons");
				}
				double[] best = null;
				double total = 0;
				for (JsonNode polygon : c) {
					double[] r = centroid(polygon, what);
					total += r[3];
					if (best == null || r[3] > best[3]) {
						best = r;
					}
				}
				return new double[] { best[0], best[1], Math.sqrt(total / Math.PI) };
			}
			default -> throw new CityDataException("a " + what + " has an unsupported geometry type '" + type + "'");
		}
	}

	/** Centroid of a polygon's outer ring: {lat, lon, radius m, area m²}. */
	private static double[] centroid(JsonNode rings, String what) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new CityDataException("a " + what + " Polygon without rings");
		}
		double[] ring = positions(rings.get(0), what);
		int n = ring.length / 2;
		double lat0 = ring[1];
		double kx = GeoMath.metersPerDegreeLon(lat0);
		double ky = GeoMath.metersPerDegreeLat();
		double area = 0;
		double cx = 0;
		double cy = 0;
		for (int i = 0; i < n; i++) {
			int j = (i + 1) % n;
			double x0 = (ring[2 * i] - ring[0]) * kx;
			double y0 = (ring[2 * i + 1] - ring[1]) * ky;
			double x1 = (ring[2 * j] - ring[0]) * kx;
			double y1 = (ring[2 * j + 1] - ring[1]) * ky;
			double cross = x0 * y1 - x1 * y0;
			area += cross;
			cx += (x0 + x1) * cross;
			cy += (y0 + y1) * cross;
		}
		area /= 2;
		if (Math.abs(area) < 1e-6) {
			double sx = 0;
			double sy = 0;
			for (int i = 0; i < n; i++) {
				sx += ring[2 * i];
				sy += ring[2 * i + 1];
			}
			return new double[] { sy / n, sx / n, 0, 0 };
		}
		double lon = ring[0] + cx / (6 * area) / kx;
		double lat = ring[1] + cy / (6 * area) / ky;
		double a = Math.abs(area);
		return new double[] { lat, lon, Math.sqrt(a / Math.PI), a };
	}

	/** A property as text ("" when absent or null; numbers without a trailing ".0"). */
	static String text(JsonNode properties, String field) {
		if (field == null || field.isEmpty()) {
			return "";
		}
		JsonNode v = properties.path(field);
		if (v.isMissingNode() || v.isNull()) {
			return "";
		}
		if (v.isNumber()) {
			double d = v.asDouble();
			if (d == Math.rint(d) && Math.abs(d) < 1e15) {
				return Long.toString((long) d);
			}
			return v.asString();
		}
		return v.asString("").strip();
	}

	/** A property as an integer (0 when absent, null, negative or not a number). */
	static int integer(JsonNode properties, String field) {
		String t = text(properties, field);
		if (t.isEmpty()) {
			return 0;
		}
		try {
			int v = (int) Double.parseDouble(t);
			return Math.max(0, v);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
