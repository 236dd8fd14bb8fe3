package org.frontdoor.nlp.geo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.frontdoor.nlp.geo.GazetteerIndex.Landmark;
import org.frontdoor.nlp.geo.GazetteerIndex.Node;
import org.frontdoor.nlp.geo.GazetteerIndex.Pole;
import org.frontdoor.nlp.geo.GazetteerIndex.Segment;
import org.frontdoor.nlp.geo.GazetteerIndex.Street;
import org.frontdoor.nlp.location.StreetLexicon;

/**
 * Builds a {@link GazetteerIndex} from a city's own GIS files, described by a manifest
 * ({@code city.json}; format in the README): street centerlines with house-number ranges,
 * intersections, landmark layers, street-light poles, the boundary, neighborhoods and
 * hand-written aliases. Bad features are skipped and reported; a file that is not GeoJSON
 * stops the build with a message naming it.
 */
public final class GazetteerBuilder {

	private static final Pattern PART_OF = Pattern.compile(",\\s*\\d+\\s+of\\s+\\d+\\s*$", Pattern.CASE_INSENSITIVE);

	/** Same-name landmarks closer than this are one place (a park listed twice). */
	private static final double SAME_PLACE_METERS = 400;

	/** Landmarks this close outside the boundary line still count as inside. */
	private static final double LANDMARK_TOLERANCE_METERS = 30;

	private static final Set<String> ALIAS_HEADS = Set.of("school", "academy", "library", "park", "field", "playground",
			"pool", "center", "centre", "square", "garden", "plaza");

	private static final Map<String, String> SPANISH_HEADS = Map.of("park", "parque", "school", "escuela", "library",
			"biblioteca", "station", "estacion", "pool", "piscina", "field", "campo", "playground", "parque", "square",
			"plaza", "garden", "jardin");

	private final Path dataDir;

	private final Path manifestDir;

	private final JsonNode manifest;

	private final List<String> warnings = new ArrayList<>();

	private GazetteerBuilder(Path manifestFile, Path dataDir) {
		this.manifest = GeoJson.read(manifestFile);
		this.manifestDir = manifestFile.toAbsolutePath().getParent();
		this.dataDir = (dataDir != null) ? dataDir : this.manifestDir;
	}

	/**
	 * What a build produced.
	 *
	 * @param index the index
	 * @param warnings features skipped and why (empty when everything was used)
	 */
	public record Result(GazetteerIndex index, List<String> warnings) {

	}

	/**
	 * Builds an index.
	 * @param manifestFile the city's manifest ({@code city.json})
	 * @param dataDir the directory the manifest's data files are relative to
	 * ({@code null}: the manifest's own directory)
	 * @return the index and the warnings
	 * @throws CityDataException when a required file is missing or malformed
	 */
	public static Result build(Path manifestFile, Path dataDir) {
		GazetteerBuilder b = new GazetteerBuilder(manifestFile, dataDir);
		GazetteerIndex index = b.run();
		return new Result(index, List.copyOf(b.warnings));
	}

	private GazetteerIndex run() {
		JsonNode cityNode = this.manifest.path("city");
		String name = GeoJson.text(cityNode, "name");
		if (name.isEmpty()) {
			throw new CityDataException("the manifest needs city.name");
		}
		Boundary boundary = Boundary
			.fromGeoJson(GeoJson.read(data(required(this.manifest.path("boundary"), "file", "boundary"))));
		List<String> cityNames = new ArrayList<>();
		for (JsonNode n : this.manifest.path("cityNames")) {
			cityNames.add(n.asString(""));
		}
		JsonNode hoods = this.manifest.path("neighborhoods");
		if (hoods.isObject()) {
			Path file = data(required(hoods, "file", "neighborhoods"));
			for (JsonNode f : GeoJson.features(GeoJson.read(file), file)) {
				String n = GeoJson.text(f.path("properties"), GeoJson.text(hoods, "name"));
				if (!n.isEmpty()) {
					cityNames.add(n);
				}
			}
		}
		City city = new City(name, GeoJson.text(cityNode, "region"), GeoJson.text(cityNode, "country"), boundary,
				cityNames);
		List<String> towns = new ArrayList<>();
		for (JsonNode t : this.manifest.path("otherTowns")) {
			towns.add(t.asString(""));
		}

		// streets and segments
		JsonNode cl = this.manifest.path("centerlines");
		Path clFile = data(required(cl, "file", "centerlines"));
		Map<String, Set<String>> aliasesByStreet = new TreeMap<>();
		List<Object[]> rawSegments = new ArrayList<>();
		int skipped = 0;
		String firstProblem = null;
		for (JsonNode f : GeoJson.features(GeoJson.read(clFile), clFile)) {
			JsonNode p = f.path("properties");
			try {
				String street = GeoJson.text(p, field(cl, "street", "Street"));
				if (street.isEmpty()) {
					throw new CityDataException("no street name");
				}
				double[] coords = lineCoords(f.path("geometry"));
				Set<String> aliases = aliasesByStreet.computeIfAbsent(street, (k) -> new TreeSet<>());
				for (String a : GeoJson.text(p, field(cl, "alias", "Alias")).split(",")) {
					String alias = a.replace("?", "").strip();
					if (!alias.isEmpty() && !alias.equalsIgnoreCase(street)) {
						aliases.add(alias);
					}
				}
				int[] ranges = { GeoJson.integer(p, field(cl, "leftFrom", "L_From")),
						GeoJson.integer(p, field(cl, "leftTo", "L_To")),
						GeoJson.integer(p, field(cl, "rightFrom", "R_From")),
						GeoJson.integer(p, field(cl, "rightTo", "R_To")) };
				long from = nodeId(p, field(cl, "fromNode", "FromNode"), coords[1], coords[0]);
				long to = nodeId(p, field(cl, "toNode", "ToNode"), coords[coords.length - 1],
						coords[coords.length - 2]);
				rawSegments.add(new Object[] { street, ranges, from, to, coords });
			}
			catch (CityDataException ex) {
				skipped++;
				firstProblem = (firstProblem != null) ? firstProblem : ex.getMessage();
			}
		}
		warnIfSkipped(clFile, skipped, firstProblem);
		List<Street> streets = new ArrayList<>();
		Map<String, Integer> streetIds = new HashMap<>();
		for (Map.Entry<String, Set<String>> e : aliasesByStreet.entrySet()) {
			int id = streets.size();
			streets.add(new Street(id, e.getKey(), StreetLexicon.parse(e.getKey()), List.copyOf(e.getValue())));
			streetIds.put(e.getKey().toLowerCase(Locale.ROOT), id);
		}
		List<Segment> segments = new ArrayList<>();
		Map<Long, Set<Integer>> streetsAtNode = new LinkedHashMap<>();
		Map<Long, double[]> nodePoint = new HashMap<>();
		for (Object[] s : rawSegments) {
			int street = streetIds.get(((String) s[0]).toLowerCase(Locale.ROOT));
			int[] r = (int[]) s[1];
			long from = (long) s[2];
			long to = (long) s[3];
			double[] c = (double[]) s[4];
			segments.add(new Segment(street, r[0], r[1], r[2], r[3], from, to, c));
			streetsAtNode.computeIfAbsent(from, (k) -> new TreeSet<>()).add(street);
			streetsAtNode.computeIfAbsent(to, (k) -> new TreeSet<>()).add(street);
			nodePoint.putIfAbsent(from, new double[] { c[1], c[0] });
			nodePoint.putIfAbsent(to, new double[] { c[c.length - 1], c[c.length - 2] });
		}

		// intersections: the city's named nodes refine points and add names
		JsonNode ix = this.manifest.path("intersections");
		if (ix.isObject()) {
			readIntersections(ix, streetIds, streets, streetsAtNode, nodePoint);
		}
		List<Node> nodes = new ArrayList<>();
		for (Map.Entry<Long, Set<Integer>> e : streetsAtNode.entrySet()) {
			if (e.getValue().size() < 2) {
				continue;
			}
			double[] pt = nodePoint.get(e.getKey());
			nodes.add(new Node(e.getKey(), pt[0], pt[1], e.getValue().stream().mapToInt(Integer::intValue).toArray()));
		}

		List<Landmark> landmarks = readLandmarks(boundary);
		Map<String, Pole> poles = readPoles();
		GazetteerIndex draft = new GazetteerIndex(city, GeoJson.text(this.manifest, "source"), towns, streets, segments,
				nodes, landmarks, poles);
		List<Landmark> withAliases = applyAliases(draft, landmarks, boundary);
		return new GazetteerIndex(city, GeoJson.text(this.manifest, "source"), towns, streets, segments, nodes,
				withAliases, poles);
	}

	private static String field(JsonNode config, String key, String fallback) {
		String v = GeoJson.text(config, key);
		return v.isEmpty() ? fallback : v;
	}

	private static String required(JsonNode config, String key, String what) {
		String v = GeoJson.text(config, key);
		if (v.isEmpty()) {
			throw new CityDataException("the manifest needs " + what + "." + key);
		}
		return v;
	}

	private Path data(String relative) {
		return this.dataDir.resolve(relative);
	}

	private void warnIfSkipped(Path file, int skipped, String firstProblem) {
		if (skipped > 0) {
			this.warnings.add(file.getFileName() + ": skipped " + skipped + " feature(s), e.g. " + firstProblem);
		}
	}

	private static double[] lineCoords(JsonNode geometry) {
		String type = geometry.path("type").asString("");
		JsonNode c = geometry.path("coordinates");
		if ("LineString".equals(type)) {
			return GeoJson.positions(c, "centerline");
		}
		if ("MultiLineString".equals(type) && c.isArray() && !c.isEmpty()) {
			List<double[]> parts = new ArrayList<>();
			int total = 0;
			for (JsonNode part : c) {
				double[] p = GeoJson.positions(part, "centerline");
				parts.add(p);
				total += p.length;
			}
			double[] out = new double[total];
			int i = 0;
			for (double[] p : parts) {
				System.arraycopy(p, 0, out, i, p.length);
				i += p.length;
			}
			return out;
		}
		throw new CityDataException("a centerline must be a LineString or MultiLineString, not '" + type + "'");
	}

	/**
	 * The node id from a field, else one derived from the rounded position (negative).
	 */
	private static long nodeId(JsonNode p, String field, double lat, double lon) {
		String v = GeoJson.text(p, field);
		if (!v.isEmpty()) {
			try {
				return (long) Double.parseDouble(v);
			}
			catch (NumberFormatException ex) {
				// fall through to a position-derived id
			}
		}
		long y = Math.round(lat * 1e5);
		long x = Math.round(lon * 1e5);
		return -Math.abs((y * 73856093L) ^ (x * 19349663L)) - 1;
	}

	private void readIntersections(JsonNode ix, Map<String, Integer> streetIds, List<Street> streets,
			Map<Long, Set<Integer>> streetsAtNode, Map<Long, double[]> nodePoint) {
		Path file = data(required(ix, "file", "intersections"));
		String nameField = field(ix, "name", "Intersection");
		String idField = field(ix, "node", "NodeNumber");
		String separator = field(ix, "separator", "&");
		Map<String, Integer> byBase = new HashMap<>();
		for (Street s : streets) {
			byBase.putIfAbsent(s.name().key(), s.id());
		}
		int skipped = 0;
		String firstProblem = null;
		for (JsonNode f : GeoJson.features(GeoJson.read(file), file)) {
			JsonNode p = f.path("properties");
			try {
				double[] pt = GeoJson.representative(f.path("geometry"), "intersection");
				String names = GeoJson.text(p, nameField);
				long id = nodeId(p, idField, pt[0], pt[1]);
				Set<Integer> ids = new TreeSet<>();
				for (String part : names.split(Pattern.quote(separator) + "| and ")) {
					String n = part.strip();
					if (n.isEmpty() || "<Null>".equals(n)) {
						continue;
					}
					Integer sid = streetIds.get(n.toLowerCase(Locale.ROOT));
					if (sid == null) {
						sid = byBase.get(StreetLexicon.parse(n).key());
					}
					if (sid != null) {
						ids.add(sid);
					}
				}
				Set<Integer> atNode = streetsAtNode.computeIfAbsent(id, (k) -> new TreeSet<>());
				atNode.addAll(ids);
				nodePoint.put(id, new double[] { pt[0], pt[1] });
			}
			catch (CityDataException ex) {
				skipped++;
				firstProblem = (firstProblem != null) ? firstProblem : ex.getMessage();
			}
		}
		warnIfSkipped(file, skipped, firstProblem);
	}

	private List<Landmark> readLandmarks(Boundary boundary) {
		Map<String, List<double[]>> seen = new HashMap<>();
		Set<String> skip = new java.util.HashSet<>();
		for (JsonNode n : this.manifest.path("skipNames")) {
			skip.add(StreetLexicon.fold(n.asString("")));
		}
		List<Landmark> out = new ArrayList<>();
		for (JsonNode layer : this.manifest.path("landmarks")) {
			Path file = data(required(layer, "file", "landmarks[]"));
			String kind = field(layer, "kind", "place");
			String nameField = field(layer, "name", "NAME");
			String addressField = GeoJson.text(layer, "address");
			String prefix = GeoJson.text(layer, "prefix");
			String suffix = GeoJson.text(layer, "suffix");
			boolean titleCase = layer.path("titleCase").asBoolean(false);
			int skipped = 0;
			String firstProblem = null;
			for (JsonNode f : GeoJson.features(GeoJson.read(file), file)) {
				JsonNode p = f.path("properties");
				try {
					String raw = PART_OF.matcher(GeoJson.text(p, nameField)).replaceAll("").strip();
					if (raw.isEmpty()) {
						throw new CityDataException("no name");
					}
					String name = ((prefix.isEmpty() ? "" : prefix + " ") + (titleCase ? title(raw) : raw)
							+ (suffix.isEmpty() ? "" : " " + suffix))
						.strip();
					double[] pt = GeoJson.representative(f.path("geometry"), kind);
					String key = StreetLexicon.fold(name);
					if (skip.contains(key)) {
						continue;
					}
					List<double[]> same = seen.computeIfAbsent(key, (k) -> new ArrayList<>());
					boolean duplicate = false;
					for (double[] s : same) {
						if (GeoMath.distance(s[0], s[1], pt[0], pt[1]) < SAME_PLACE_METERS) {
							duplicate = true;
							break;
						}
					}
					if (duplicate) {
						continue;
					}
					same.add(pt);
					boolean inside = boundary.distanceOutside(pt[0], pt[1]) <= LANDMARK_TOLERANCE_METERS;
					String address = GeoJson.text(p, addressField);
					out.add(new Landmark(out.size(), kind, name, pt[0], pt[1], address, List.of(), inside, pt[2]));
				}
				catch (CityDataException ex) {
					skipped++;
					firstProblem = (firstProblem != null) ? firstProblem : ex.getMessage();
				}
			}
			warnIfSkipped(file, skipped, firstProblem);
		}
		return out;
	}

	private static String title(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		boolean start = true;
		for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
			sb.append(start ? Character.toUpperCase(c) : c);
			start = !Character.isLetterOrDigit(c) && c != '\'';
		}
		String t = sb.toString();
		// keep short all-capital words (MIT, MGH) as they were
		StringBuilder out = new StringBuilder();
		String[] orig = s.split("((?<=[ /])|(?=[ /]))");
		String[] tw = t.split("((?<=[ /])|(?=[ /]))");
		for (int i = 0; i < tw.length; i++) {
			out.append((i < orig.length && orig[i].length() <= 3 && orig[i].equals(orig[i].toUpperCase(Locale.ROOT))
					&& orig[i].chars().allMatch(Character::isLetter)) ? orig[i] : tw[i]);
		}
		return out.toString();
	}

	private Map<String, Pole> readPoles() {
		JsonNode cfg = this.manifest.path("poles");
		Map<String, Pole> poles = new HashMap<>();
		if (!cfg.isObject()) {
			return poles;
		}
		Path file = data(required(cfg, "file", "poles"));
		String idField = field(cfg, "id", "PoleID");
		String streetField = GeoJson.text(cfg, "street");
		int skipped = 0;
		String firstProblem = null;
		for (JsonNode f : GeoJson.features(GeoJson.read(file), file)) {
			JsonNode p = f.path("properties");
			try {
				String id = GeoJson.text(p, idField);
				if (id.isEmpty()) {
					throw new CityDataException("no pole id");
				}
				double[] pt = GeoJson.representative(f.path("geometry"), "pole");
				poles.putIfAbsent(GazetteerIndex.poleKey(id), new Pole(id, pt[0], pt[1], GeoJson.text(p, streetField)));
			}
			catch (CityDataException ex) {
				skipped++;
				firstProblem = (firstProblem != null) ? firstProblem : ex.getMessage();
			}
		}
		warnIfSkipped(file, skipped, firstProblem);
		return poles;
	}

	/**
	 * Generated aliases (dropped when two landmarks would share one) plus the
	 * hand-written file.
	 */
	private List<Landmark> applyAliases(GazetteerIndex draft, List<Landmark> landmarks, Boundary boundary) {
		Map<String, Set<Integer>> owners = new HashMap<>();
		List<Set<String>> generated = new ArrayList<>();
		Set<String> names = new java.util.HashSet<>();
		for (Landmark l : landmarks) {
			names.add(StreetLexicon.fold(l.name()));
		}
		for (Landmark l : landmarks) {
			Set<String> aliases = generatedAliases(l, draft.city.name());
			aliases.removeIf(names::contains);
			generated.add(aliases);
			for (String a : aliases) {
				owners.computeIfAbsent(a, (k) -> new java.util.HashSet<>()).add(l.id());
			}
		}
		List<Set<String>> finalAliases = new ArrayList<>();
		for (int i = 0; i < landmarks.size(); i++) {
			Set<String> keep = new LinkedHashSet<>();
			for (String a : generated.get(i)) {
				if (owners.get(a).size() == 1) {
					keep.add(a);
				}
			}
			finalAliases.add(keep);
		}
		List<Landmark> extra = new ArrayList<>();
		String aliasFile = GeoJson.text(this.manifest, "aliases");
		if (!aliasFile.isEmpty()) {
			readHandAliases(this.manifestDir.resolve(aliasFile), draft, landmarks, finalAliases, extra, boundary);
		}
		List<Landmark> out = new ArrayList<>();
		for (int i = 0; i < landmarks.size(); i++) {
			Landmark l = landmarks.get(i);
			out.add(new Landmark(l.id(), l.kind(), l.name(), l.lat(), l.lon(), l.address(),
					List.copyOf(finalAliases.get(i)), l.inside(), l.radius()));
		}
		for (Landmark l : extra) {
			out.add(new Landmark(out.size(), l.kind(), l.name(), l.lat(), l.lon(), l.address(), l.aliases(), l.inside(),
					l.radius()));
		}
		return out;
	}

	private static Set<String> generatedAliases(Landmark l, String cityName) {
		Set<String> out = new LinkedHashSet<>();
		List<String> words = StreetLexicon.words(l.name());
		if (words.isEmpty()) {
			return out;
		}
		String head = words.get(words.size() - 1);
		String city = StreetLexicon.fold(cityName);
		String name = String.join(" ", words);
		if (name.endsWith(" branch library")) {
			String x = name.substring(0, name.length() - " branch library".length());
			out.add(x + " library");
			out.add(x + " branch");
			out.add("biblioteca " + x);
		}
		if (name.endsWith(" post office")) {
			out.add(name.replace(" post office", " po"));
			out.add("correo " + name.replace(" post office", ""));
		}
		if ("station".equals(l.kind()) && name.endsWith(" station")) {
			String x = name.substring(0, name.length() - " station".length());
			List<String> stems = new ArrayList<>();
			stems.add(x);
			if (x.contains(" ")) {
				// "kendall mit" is also "kendall" and "kendall/mit"
				stems.add(x.substring(0, x.indexOf(' ')));
			}
			for (String s : stems) {
				for (String form : new String[] { "%s station", "%s t", "%s t station", "%s t stop", "%s stop",
						"%s square station", "%s sq station", "%s square t", "%s sq t", "estacion %s", "estacion de %s",
						"la estacion %s" }) {
					out.add(String.format(form, s));
				}
			}
		}
		if (SPANISH_HEADS.containsKey(head) && words.size() >= 2) {
			String x = String.join(" ", words.subList(0, words.size() - 1));
			out.add(SPANISH_HEADS.get(head) + " " + x);
			if ("square".equals(head)) {
				out.add(x + " sq");
			}
		}
		if (words.size() >= 3 && ALIAS_HEADS.contains(head) && !words.get(0).equals(city)
				&& !Set.of("the", "north", "east", "west", "south", "new", "old", "saint").contains(words.get(0))) {
			out.add(words.get(0) + " " + head);
		}
		out.remove(name);
		return out;
	}

	private void readHandAliases(Path file, GazetteerIndex draft, List<Landmark> landmarks, List<Set<String>> aliases,
			List<Landmark> extra, Boundary boundary) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new CityDataException("cannot read aliases file " + file + ": " + ex.getMessage(), ex);
		}
		Map<String, Integer> byName = new HashMap<>();
		for (Landmark l : landmarks) {
			byName.putIfAbsent(StreetLexicon.fold(l.name()), l.id());
		}
		Map<String, Landmark> places = new LinkedHashMap<>();
		int lineNo = 0;
		for (String line : lines) {
			lineNo++;
			String l = line.strip();
			if (l.isEmpty() || l.startsWith("#") || (lineNo == 1 && l.toLowerCase(Locale.ROOT).startsWith("alias,"))) {
				continue;
			}
			int comma = l.indexOf(',');
			if (comma <= 0) {
				this.warnings.add(file.getFileName() + " line " + lineNo + ": expected 'alias,target'");
				continue;
			}
			String alias = StreetLexicon.fold(l.substring(0, comma));
			String target = l.substring(comma + 1).strip();
			if (target.startsWith("\"") && target.endsWith("\"") && target.length() > 1) {
				target = target.substring(1, target.length() - 1);
			}
			Integer id = byName.get(StreetLexicon.fold(target));
			for (Set<String> other : aliases) {
				// a hand-written alias wins over generated ones
				other.remove(alias);
			}
			if (id != null) {
				aliases.get(id).add(alias);
				continue;
			}
			double[] pt = placeOf(target, draft);
			if (pt == null) {
				this.warnings.add(file.getFileName() + " line " + lineNo + ": unknown target '" + target + "'");
				continue;
			}
			String display = title(l.substring(0, comma).strip());
			Landmark place = places.get(target);
			if (place == null) {
				boolean inside = boundary.distanceOutside(pt[0], pt[1]) <= LANDMARK_TOLERANCE_METERS;
				place = new Landmark(-1, "place", display, pt[0], pt[1], target.contains("&") ? target : "",
						new ArrayList<>(), inside, 0);
				places.put(target, place);
			}
			else {
				place.aliases().add(alias);
			}
		}
		for (Landmark p : places.values()) {
			extra.add(new Landmark(-1, p.kind(), p.name(), p.lat(), p.lon(), p.address(), List.copyOf(p.aliases()),
					p.inside(), p.radius()));
		}
	}

	/** A point for "A St & B St" (an intersection) or "lat,lon". */
	private static double[] placeOf(String target, GazetteerIndex draft) {
		if (target.contains("&")) {
			String[] parts = target.split("&", 2);
			GeocodeResult r = new GazetteerGeocoder(draft, null).forwardIntersection(parts[0].strip(),
					parts[1].strip());
			if (!r.candidates().isEmpty() && r.confidence() == GeocodeResult.Confidence.CERTAIN) {
				GeoPoint p = r.candidates().get(0).point();
				return new double[] { p.lat(), p.lon() };
			}
			return null;
		}
		String[] ll = target.split("[,\\s]+");
		if (ll.length == 2) {
			try {
				return new double[] { Double.parseDouble(ll[0]), Double.parseDouble(ll[1]) };
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
