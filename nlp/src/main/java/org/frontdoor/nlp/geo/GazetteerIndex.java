package org.frontdoor.nlp.geo;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.frontdoor.nlp.location.PlaceNames;
import org.frontdoor.nlp.location.StreetLexicon;
import org.frontdoor.nlp.location.StreetLexicon.StreetName;

/**
 * A city's compact gazetteer: streets with their centerline segments and house-number
 * ranges, intersections (nodes where streets meet), landmarks with aliases, street-light
 * poles and the city boundary. Built by {@link GazetteerBuilder} from a city's files,
 * stored as gzipped tab-separated text (format in the README), loaded in well under a
 * second. Immutable and thread-safe once loaded.
 */
public final class GazetteerIndex {

	static final String MAGIC = "frontdoor-gazetteer";

	static final int VERSION = 1;

	private static volatile GazetteerIndex builtIn;

	final City city;

	final String source;

	final List<String> towns;

	final List<Street> streets;

	final List<Segment> segments;

	final List<Node> nodes;

	final List<Landmark> landmarks;

	final Map<String, Pole> poles;

	final Map<String, List<Street>> streetsByBase = new HashMap<>();

	final Map<Long, List<Node>> nodesByPair = new HashMap<>();

	final Map<String, List<Landmark>> landmarksByPhrase = new HashMap<>();

	private final Map<Integer, List<Segment>> segmentsByStreet = new HashMap<>();

	/** Landmark phrases as words, by word count (for typo-tolerant lookups). */
	final Map<Integer, List<Map.Entry<String[], List<Landmark>>>> phrasesByLength = new HashMap<>();

	/** The words of each landmark's name, by landmark position. */
	final List<java.util.Set<String>> landmarkWords = new ArrayList<>();

	/** The words of each street's name, by street id. */
	final List<List<String>> streetWords = new ArrayList<>();

	/** Each street's bounding box {min lat, min lon, max lat, max lon}, by street id. */
	final List<double[]> streetBoxes = new ArrayList<>();

	/** Street keys (canonical base names) by length (for typo-tolerant lookups). */
	final Map<Integer, List<String>> streetKeysByLength = new HashMap<>();

	private final Map<Long, int[]> segmentGrid = new HashMap<>();

	private final Map<Long, int[]> nodeGrid = new HashMap<>();

	private static final double CELL_LAT = 0.002;

	private static final double CELL_LON = 0.0027;

	GazetteerIndex(City city, String source, List<String> towns, List<Street> streets, List<Segment> segments,
			List<Node> nodes, List<Landmark> landmarks, Map<String, Pole> poles) {
		this.city = city;
		this.source = source;
		this.towns = List.copyOf(towns);
		this.streets = List.copyOf(streets);
		this.segments = List.copyOf(segments);
		this.nodes = List.copyOf(nodes);
		this.landmarks = List.copyOf(landmarks);
		this.poles = Map.copyOf(poles);
		index();
	}

	private void index() {
		for (Street s : this.streets) {
			addStreetKey(s.name().base(), s);
			for (String alias : s.aliases()) {
				addStreetKey(StreetLexicon.parse(alias).base(), s);
			}
		}
		for (Segment g : this.segments) {
			this.segmentsByStreet.computeIfAbsent(g.street(), (k) -> new ArrayList<>()).add(g);
		}
		for (Node n : this.nodes) {
			int[] ids = n.streets();
			for (int i = 0; i < ids.length; i++) {
				for (int j = i + 1; j < ids.length; j++) {
					if (ids[i] != ids[j]) {
						this.nodesByPair.computeIfAbsent(pairKey(ids[i], ids[j]), (k) -> new ArrayList<>(2)).add(n);
					}
				}
			}
		}
		for (Landmark l : this.landmarks) {
			addPhrase(StreetLexicon.fold(l.name()), l);
			for (String a : l.aliases()) {
				addPhrase(StreetLexicon.fold(a), l);
			}
		}
		this.landmarksByPhrase.forEach((phrase, list) -> {
			String[] words = phrase.split(" ");
			this.phrasesByLength.computeIfAbsent(words.length, (k) -> new ArrayList<>()).add(Map.entry(words, list));
		});
		for (Landmark l : this.landmarks) {
			this.landmarkWords.add(java.util.Set.copyOf(StreetLexicon.words(l.name())));
		}
		for (Street s : this.streets) {
			this.streetWords.add(StreetLexicon.words(s.display()));
			double[] box = { 90, 180, -90, -180 };
			for (Segment seg : segmentsByStreet(s.id())) {
				double[] c = seg.coords();
				for (int k = 0; k < c.length; k += 2) {
					box[0] = Math.min(box[0], c[k + 1]);
					box[1] = Math.min(box[1], c[k]);
					box[2] = Math.max(box[2], c[k + 1]);
					box[3] = Math.max(box[3], c[k]);
				}
			}
			this.streetBoxes.add(box);
		}
		for (String key : this.streetsByBase.keySet()) {
			this.streetKeysByLength.computeIfAbsent(key.length(), (k) -> new ArrayList<>()).add(key);
		}
		Map<Long, List<Integer>> grid = new HashMap<>();
		for (int i = 0; i < this.segments.size(); i++) {
			double[] c = this.segments.get(i).coords();
			for (int k = 0; k < c.length; k += 2) {
				List<Integer> cell = grid.computeIfAbsent(cell(c[k + 1], c[k]), (x) -> new ArrayList<>());
				if (cell.isEmpty() || cell.get(cell.size() - 1) != i) {
					cell.add(i);
				}
				if (k + 2 < c.length) {
					// also the cells crossed by long segments (sampled)
					double len = GeoMath.distance(c[k + 1], c[k], c[k + 3], c[k + 2]);
					int steps = (int) (len / 100);
					for (int s = 1; s <= steps; s++) {
						double t = s / (double) (steps + 1);
						long key = cell(c[k + 1] + (c[k + 3] - c[k + 1]) * t, c[k] + (c[k + 2] - c[k]) * t);
						List<Integer> list = grid.computeIfAbsent(key, (x) -> new ArrayList<>());
						if (list.isEmpty() || list.get(list.size() - 1) != i) {
							list.add(i);
						}
					}
				}
			}
		}
		grid.forEach((k, v) -> this.segmentGrid.put(k, v.stream().distinct().mapToInt(Integer::intValue).toArray()));
		Map<Long, List<Integer>> ngrid = new HashMap<>();
		for (int i = 0; i < this.nodes.size(); i++) {
			Node n = this.nodes.get(i);
			ngrid.computeIfAbsent(cell(n.lat(), n.lon()), (x) -> new ArrayList<>()).add(i);
		}
		ngrid.forEach((k, v) -> this.nodeGrid.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
	}

	private void addStreetKey(String base, Street s) {
		if (base == null || base.isBlank()) {
			return;
		}
		List<Street> list = this.streetsByBase.computeIfAbsent(base, (k) -> new ArrayList<>(2));
		if (!list.contains(s)) {
			list.add(s);
		}
	}

	private void addPhrase(String phrase, Landmark l) {
		if (phrase.isBlank()) {
			return;
		}
		List<Landmark> list = this.landmarksByPhrase.computeIfAbsent(phrase, (k) -> new ArrayList<>(1));
		if (!list.contains(l)) {
			list.add(l);
		}
	}

	List<Segment> segmentsByStreet(int street) {
		return this.segmentsByStreet.getOrDefault(street, List.of());
	}

	static long pairKey(int a, int b) {
		int lo = Math.min(a, b);
		int hi = Math.max(a, b);
		return ((long) lo << 32) | (hi & 0xffffffffL);
	}

	private static long cell(double lat, double lon) {
		long y = (long) Math.floor(lat / CELL_LAT);
		long x = (long) Math.floor(lon / CELL_LON);
		return (y << 32) ^ (x & 0xffffffffL);
	}

	/** Segment indexes in the cells within {@code rings} cells of a point. */
	int[] segmentsNear(double lat, double lon, int rings) {
		return near(this.segmentGrid, lat, lon, rings);
	}

	/** Node indexes in the cells within {@code rings} cells of a point. */
	int[] nodesNear(double lat, double lon, int rings) {
		return near(this.nodeGrid, lat, lon, rings);
	}

	private static int[] near(Map<Long, int[]> grid, double lat, double lon, int rings) {
		long y = (long) Math.floor(lat / CELL_LAT);
		long x = (long) Math.floor(lon / CELL_LON);
		int[] out = new int[16];
		int n = 0;
		for (long dy = -rings; dy <= rings; dy++) {
			for (long dx = -rings; dx <= rings; dx++) {
				int[] ids = grid.get(((y + dy) << 32) ^ ((x + dx) & 0xffffffffL));
				if (ids == null) {
					continue;
				}
				if (n + ids.length > out.length) {
					out = Arrays.copyOf(out, Math.max(out.length * 2, n + ids.length));
				}
				System.arraycopy(ids, 0, out, n, ids.length);
				n += ids.length;
			}
		}
		return Arrays.copyOf(out, n);
	}

	/**
	 * The built-in index (Cambridge, MA; see {@code SOURCES.md} next to it), loaded once.
	 * @return the index
	 */
	public static GazetteerIndex builtIn() {
		GazetteerIndex index = builtIn;
		if (index == null) {
			synchronized (GazetteerIndex.class) {
				index = builtIn;
				if (index == null) {
					try (InputStream in = GazetteerIndex.class.getResourceAsStream(PlaceNames.BUILT_IN_RESOURCE)) {
						if (in == null) {
							throw new CityDataException("missing resource " + PlaceNames.BUILT_IN_RESOURCE);
						}
						index = read(in);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					builtIn = index;
				}
			}
		}
		return index;
	}

	/**
	 * Loads an index file written by {@code gazetteer-build} (gzipped or plain).
	 * @param file the file
	 * @return the index
	 * @throws CityDataException when the file is missing or malformed
	 */
	public static GazetteerIndex load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in);
		}
		catch (IOException ex) {
			throw new CityDataException("cannot read gazetteer index " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads an index (gzipped or plain text).
	 * @param raw the stream
	 * @return the index
	 * @throws IOException when the stream cannot be read
	 * @throws CityDataException when it is not a valid index
	 */
	public static GazetteerIndex read(InputStream raw) throws IOException {
		InputStream in = new java.io.BufferedInputStream(raw);
		in.mark(2);
		int b1 = in.read();
		int b2 = in.read();
		in.reset();
		if (b1 == 0x1f && b2 == 0x8b) {
			in = new GZIPInputStream(in, 1 << 16);
		}
		return new Reader().read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
	}

	/**
	 * Writes the index, gzipped.
	 * @param out the stream (not closed)
	 * @throws IOException when writing fails
	 */
	public void write(OutputStream out) throws IOException {
		GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
		Writer w = new BufferedWriter(new OutputStreamWriter(gz, StandardCharsets.UTF_8));
		writeText(w);
		w.flush();
		gz.finish();
	}

	void writeText(Writer w) throws IOException {
		w.write(MAGIC + "\t" + VERSION + "\n");
		w.write("source\t" + clean(this.source) + "\n");
		w.write("city\t" + clean(this.city.name()) + "\t" + clean(this.city.region()) + "\t"
				+ clean(this.city.country()) + "\n");
		for (String n : this.city.placeNames()) {
			w.write("cityname\t" + clean(n) + "\n");
		}
		for (String t : this.towns) {
			w.write("town\t" + clean(t) + "\n");
		}
		for (Street s : this.streets) {
			w.write("street\t" + s.id() + "\t" + clean(s.display()) + "\t" + clean(String.join("|", s.aliases()))
					+ "\n");
		}
		for (Landmark l : this.landmarks) {
			w.write("landmark\t" + l.id() + "\t" + clean(l.kind()) + "\t" + clean(l.name()) + "\t" + fmt(l.lat()) + "\t"
					+ fmt(l.lon()) + "\t" + clean(l.address()) + "\t" + clean(String.join("|", l.aliases())) + "\t"
					+ (l.inside() ? 1 : 0) + "\t" + Math.round(l.radius()) + "\n");
		}
		// geometry after the names: PlaceNames stops reading at the first geometry record
		List<List<double[]>> polygons = this.city.boundary().polygons();
		for (int p = 0; p < polygons.size(); p++) {
			for (int r = 0; r < polygons.get(p).size(); r++) {
				w.write("boundary\t" + p + "\t" + r + "\t" + coords(polygons.get(p).get(r)) + "\n");
			}
		}
		for (Segment g : this.segments) {
			w.write("segment\t" + g.street() + "\t" + g.leftFrom() + "\t" + g.leftTo() + "\t" + g.rightFrom() + "\t"
					+ g.rightTo() + "\t" + g.fromNode() + "\t" + g.toNode() + "\t" + coords(g.coords()) + "\n");
		}
		for (Node n : this.nodes) {
			StringBuilder ids = new StringBuilder();
			for (int id : n.streets()) {
				if (!ids.isEmpty()) {
					ids.append(',');
				}
				ids.append(id);
			}
			w.write("node\t" + n.id() + "\t" + fmt(n.lat()) + "\t" + fmt(n.lon()) + "\t" + ids + "\n");
		}
		List<Pole> poleList = new ArrayList<>(this.poles.values());
		poleList.sort((a, b) -> a.id().compareTo(b.id()));
		for (Pole p : poleList) {
			w.write("pole\t" + clean(p.id()) + "\t" + fmt(p.lat()) + "\t" + fmt(p.lon()) + "\t" + clean(p.street())
					+ "\n");
		}
	}

	private static String clean(String s) {
		return (s == null) ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.6f", v);
	}

	private static String coords(double[] c) {
		StringBuilder sb = new StringBuilder(c.length * 11);
		for (int i = 0; i < c.length; i += 2) {
			if (i > 0) {
				sb.append(' ');
			}
			sb.append(fmt(c[i])).append(',').append(fmt(c[i + 1]));
		}
		return sb.toString();
	}

	/**
	 * The city of this index.
	 * @return the city
	 */
	public City city() {
		return this.city;
	}

	/**
	 * Where the data came from (stated in the index).
	 * @return the source statement
	 */
	public String source() {
		return this.source;
	}

	/**
	 * The names the location extractor should look for (streets, landmarks, the city's
	 * names, the towns around it).
	 * @return the names
	 */
	public PlaceNames placeNames() {
		List<String> streetNames = new ArrayList<>();
		for (Street s : this.streets) {
			streetNames.add(s.display());
			streetNames.addAll(s.aliases());
		}
		Map<String, List<String>> lm = new LinkedHashMap<>();
		for (Landmark l : this.landmarks) {
			lm.computeIfAbsent(l.name(), (k) -> new ArrayList<>()).addAll(l.aliases());
		}
		return PlaceNames.of(this.city.name(), this.city.placeNames(), this.towns, streetNames, lm);
	}

	/**
	 * Counts of what the index holds (for the build report).
	 * @return kind → count
	 */
	public Map<String, Integer> counts() {
		Map<String, Integer> c = new LinkedHashMap<>();
		c.put("streets", this.streets.size());
		c.put("segments", this.segments.size());
		c.put("intersections", this.nodes.size());
		c.put("landmarks", this.landmarks.size());
		c.put("poles", this.poles.size());
		c.put("boundaryPolygons", this.city.boundary().polygons().size());
		return c;
	}

	/**
	 * A street.
	 *
	 * @param id index in {@link #streets}
	 * @param display the name as the city writes it ("Massachusetts Ave")
	 * @param name its parsed form
	 * @param aliases other names ("Mass Ave")
	 */
	record Street(int id, String display, StreetName name, List<String> aliases) {

	}

	/**
	 * A centerline segment with house-number ranges (0 = no range on that side); the
	 * "from" numbers are at the first coordinate.
	 */
	record Segment(int street, int leftFrom, int leftTo, int rightFrom, int rightTo, long fromNode, long toNode,
			double[] coords) {

	}

	/**
	 * A node where streets meet.
	 *
	 * @param id the city's node id
	 * @param lat latitude
	 * @param lon longitude
	 * @param streets ids of the streets meeting there
	 */
	record Node(long id, double lat, double lon, int[] streets) {

	}

	/**
	 * A landmark.
	 *
	 * @param id sequence number
	 * @param kind "school", "library", "park", "station"...
	 * @param name its name
	 * @param lat latitude of its point (centroid for areas)
	 * @param lon longitude
	 * @param address its street address, or empty
	 * @param aliases other names residents use
	 * @param inside whether it lies inside the city
	 * @param radius for areas, the radius of a circle of the same area (m); 0 for points
	 */
	record Landmark(int id, String kind, String name, double lat, double lon, String address, List<String> aliases,
			boolean inside, double radius) {

	}

	/**
	 * A street-light pole.
	 *
	 * @param id the city's pole id ("791-2")
	 * @param lat latitude
	 * @param lon longitude
	 * @param street the street it stands on
	 */
	record Pole(String id, double lat, double lon, String street) {

	}

	/** Normalized key of a pole id: lower case, no '#', no spaces. */
	static String poleKey(String id) {
		return (id == null) ? "" : id.toLowerCase(Locale.ROOT).replace("#", "").replace(" ", "").strip();
	}

	/** Reads the text format. */
	private static final class Reader {

		private String source = "";

		private String name;

		private String region = "";

		private String country = "";

		private final List<String> cityNames = new ArrayList<>();

		private final List<String> towns = new ArrayList<>();

		private final Map<Integer, List<double[]>> rings = new LinkedHashMap<>();

		private final List<Street> streets = new ArrayList<>();

		private final List<Segment> segments = new ArrayList<>();

		private final List<Node> nodes = new ArrayList<>();

		private final List<Landmark> landmarks = new ArrayList<>();

		private final Map<String, Pole> poles = new HashMap<>();

		GazetteerIndex read(BufferedReader r) throws IOException {
			String header = r.readLine();
			if (header == null || !header.startsWith(MAGIC + "\t")) {
				throw new CityDataException(
						"not a FrontDoor gazetteer index (first line must be '" + MAGIC + "\t" + VERSION + "')");
			}
			int lineNo = 1;
			for (String line = r.readLine(); line != null; line = r.readLine()) {
				lineNo++;
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				try {
					record(line.split("\t", -1));
				}
				catch (RuntimeException ex) {
					throw new CityDataException("gazetteer index line " + lineNo + " is malformed: " + ex.getMessage(),
							ex);
				}
			}
			if (this.name == null) {
				throw new CityDataException("the gazetteer index names no city");
			}
			List<List<double[]>> polygons = new ArrayList<>(this.rings.values());
			City city = new City(this.name, this.region, this.country, new Boundary(polygons), this.cityNames);
			return new GazetteerIndex(city, this.source, this.towns, this.streets, this.segments, this.nodes,
					this.landmarks, this.poles);
		}

		private void record(String[] f) {
			switch (f[0]) {
				case "source" -> this.source = f[1];
				case "city" -> {
					this.name = f[1];
					this.region = (f.length > 2) ? f[2] : "";
					this.country = (f.length > 3) ? f[3] : "";
				}
				case "cityname" -> this.cityNames.add(f[1]);
				case "town" -> this.towns.add(f[1]);
				case "boundary" ->
					this.rings.computeIfAbsent(Integer.parseInt(f[1]), (k) -> new ArrayList<>()).add(parseCoords(f[3]));
				case "street" -> {
					int id = Integer.parseInt(f[1]);
					if (id != this.streets.size()) {
						throw new IllegalArgumentException("street ids must run 0,1,2… in order");
					}
					List<String> aliases = (f.length > 3 && !f[3].isEmpty()) ? List.of(f[3].split("\\|")) : List.of();
					this.streets.add(new Street(id, f[2], StreetLexicon.parse(f[2]), aliases));
				}
				case "segment" -> {
					int street = Integer.parseInt(f[1]);
					if (street < 0 || street >= this.streets.size()) {
						throw new IllegalArgumentException("segment of unknown street " + street);
					}
					double[] c = parseCoords(f[8]);
					if (c.length < 4) {
						throw new IllegalArgumentException("a segment needs two positions");
					}
					this.segments
						.add(new Segment(street, Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
								Integer.parseInt(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), c));
				}
				case "node" -> {
					String[] ids = f[4].isEmpty() ? new String[0] : f[4].split(",");
					int[] streetIds = new int[ids.length];
					for (int i = 0; i < ids.length; i++) {
						streetIds[i] = Integer.parseInt(ids[i]);
					}
					this.nodes.add(new Node(Long.parseLong(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
							streetIds));
				}
				case "landmark" -> {
					List<String> aliases = (f.length > 7 && !f[7].isEmpty()) ? List.of(f[7].split("\\|")) : List.of();
					boolean inside = f.length <= 8 || "1".equals(f[8]);
					double radius = (f.length > 9 && !f[9].isEmpty()) ? Double.parseDouble(f[9]) : 0;
					this.landmarks.add(new Landmark(Integer.parseInt(f[1]), f[2], f[3], Double.parseDouble(f[4]),
							Double.parseDouble(f[5]), f[6], aliases, inside, radius));
				}
				case "pole" -> this.poles.put(poleKey(f[1]),
						new Pole(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), (f.length > 4) ? f[4] : ""));
				default -> {
					// unknown records are ignored: newer builders may add some
				}
			}
		}

		private static double[] parseCoords(String s) {
			String[] pairs = s.split(" ");
			double[] out = new double[pairs.length * 2];
			for (int i = 0; i < pairs.length; i++) {
				int comma = pairs[i].indexOf(',');
				out[2 * i] = Double.parseDouble(pairs[i].substring(0, comma));
				out[2 * i + 1] = Double.parseDouble(pairs[i].substring(comma + 1));
			}
			return out;
		}

	}

}
