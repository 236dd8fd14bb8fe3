package org.frontdoor.nlp.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.frontdoor.nlp.geo.GazetteerIndex.Landmark;
import org.frontdoor.nlp.geo.GazetteerIndex.Node;
import org.frontdoor.nlp.geo.GazetteerIndex.Pole;
import org.frontdoor.nlp.geo.GazetteerIndex.Segment;
import org.frontdoor.nlp.geo.GazetteerIndex.Street;
import org.frontdoor.nlp.geo.GeocodeResult.Candidate;
import org.frontdoor.nlp.geo.GeocodeResult.Confidence;
import org.frontdoor.nlp.location.LocationKind;
import org.frontdoor.nlp.location.LocationMention;
import org.frontdoor.nlp.location.StreetLexicon;
import org.frontdoor.nlp.location.StreetLexicon.StreetName;

/**
 * The offline geocoder over a city's {@link GazetteerIndex}: address interpolation along
 * centerline segments (left/right ranges, parity, a side offset), intersections (streets
 * meeting at one or several nodes, either name order, typos), landmarks by name and
 * alias, street-light poles, and reverse geocoding to the nearest address or
 * intersection. Every point it returns is inside the city; a town other than the city is
 * refused. Never throws for any mention; thread-safe.
 */
public final class GazetteerGeocoder implements Geocoder {

	/**
	 * A point this far outside the boundary line is still the city's (border streets).
	 */
	static final double FEATURE_TOLERANCE_METERS = 60;

	/** Up to this far outside, the city's own features are offered, to be confirmed. */
	static final double BORDER_TOLERANCE_METERS = 150;

	private static final double SIDE_OFFSET_METERS = 12;

	private static final double SAME_PLACE_METERS = 150;

	private static final double SAME_LANDMARK_METERS = 300;

	private static final double LARGE_AREA_METERS = 350;

	private static final double CERTAIN_SCORE = 0.75;

	private static final int NEAR_MISS_NUMBERS = 20;

	private static final Set<String> MAJOR_TYPES = Set.of("st", "ave", "rd", "blvd", "dr", "pkwy", "hwy");

	private static final Set<String> LANDMARK_GENERIC = Set.of("the", "la", "el", "a", "de", "of", "park", "school",
			"library", "station", "field", "playground", "pool", "center", "square", "sq", "t", "stop", "parque",
			"escuela", "biblioteca", "estacion");

	private static final Set<String> LANDMARK_HEADS = Set.of("park", "school", "library", "station", "field",
			"playground", "pool", "center", "square");

	private final GazetteerIndex index;

	private final City city;

	/** Written street → matches (resolution is pure; bounded, cleared when full). */
	private final java.util.concurrent.ConcurrentHashMap<String, List<StreetMatch>> streetMemo = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * A geocoder over an index.
	 * @param index the index
	 * @param city the city to check points against ({@code null}: the index's own)
	 */
	public GazetteerGeocoder(GazetteerIndex index, City city) {
		this.index = index;
		this.city = (city != null) ? city : index.city();
	}

	@Override
	public City city() {
		return this.city;
	}

	/**
	 * The index this geocoder reads.
	 * @return the index
	 */
	public GazetteerIndex index() {
		return this.index;
	}

	@Override
	public GeocodeResult forward(LocationMention mention) {
		if (mention == null || mention.kind() == null) {
			return GeocodeResult.none("no place was named");
		}
		try {
			if (mention.town() != null && !mention.town().isBlank() && !this.city.isThisCity(mention.town())) {
				return GeocodeResult
					.none("that looks like it is in " + display(mention.town()) + ", outside " + this.city.name());
			}
			GeocodeResult r = switch (mention.kind()) {
				case ADDRESS -> forwardAddress(mention.number(), mention.street());
				case INTERSECTION -> (mention.secondCrossStreet() != null)
						? forwardBetween(mention.street(), mention.crossStreet(), mention.secondCrossStreet())
						: forwardIntersection(mention.street(), mention.crossStreet());
				case LANDMARK -> forwardLandmark((mention.landmark() != null) ? mention.landmark() : mention.text());
				case POLE -> forwardPole((mention.poleId() != null) ? mention.poleId() : mention.text());
			};
			return insideOnly(r);
		}
		catch (RuntimeException ex) {
			// a bug must not reach the resident's conversation: report it as "no match"
			return GeocodeResult.none("I could not place that on the map", "gazetteer error: " + ex);
		}
	}

	private static String display(String town) {
		String t = town.strip();
		return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
	}

	/**
	 * Drops candidates outside the city; none left → refused with the city's sentence.
	 */
	private GeocodeResult insideOnly(GeocodeResult r) {
		if (r.candidates().isEmpty()) {
			return r;
		}
		List<Candidate> inside = new ArrayList<>();
		List<Candidate> border = new ArrayList<>();
		for (Candidate c : r.candidates()) {
			if (this.city.contains(c.point(), FEATURE_TOLERANCE_METERS)) {
				inside.add(c);
			}
			else if (this.city.contains(c.point(), BORDER_TOLERANCE_METERS)) {
				border.add(c);
			}
		}
		if (inside.isEmpty() && border.isEmpty()) {
			return GeocodeResult.none(this.city.outsideReason());
		}
		if (inside.isEmpty()) {
			return new GeocodeResult(Confidence.PLAUSIBLE, List.copyOf(border), border.get(0).addressString()
					+ " is right at the " + this.city.name() + " line; is that the place?", r.note());
		}
		if (inside.size() == r.candidates().size()) {
			return r;
		}
		Confidence conf = (r.confidence() == Confidence.CERTAIN && inside.size() == 1) ? Confidence.CERTAIN
				: Confidence.PLAUSIBLE;
		return new GeocodeResult(conf, List.copyOf(inside), r.reason(), r.note());
	}

	// ---- streets

	/** A street that may be the one written, with how sure. */
	record StreetMatch(Street street, double score) {

	}

	/**
	 * The streets a written name may mean, best first.
	 * @param written the street as written ("mass ave", "calle windsor", "masachusets
	 * av")
	 * @return the matches
	 */
	List<StreetMatch> streets(String written) {
		if (written == null || written.isBlank()) {
			return List.of();
		}
		List<StreetMatch> memo = this.streetMemo.get(written);
		if (memo != null) {
			return memo;
		}
		List<StreetMatch> resolved = List.copyOf(resolveStreets(written));
		if (this.streetMemo.size() > 10_000) {
			this.streetMemo.clear();
		}
		this.streetMemo.put(written, resolved);
		return resolved;
	}

	private List<StreetMatch> resolveStreets(String written) {
		StreetName q = StreetLexicon.parse(written);
		if (q.base().isBlank()) {
			return List.of();
		}
		List<StreetMatch> out = match(q, 1.0);
		String[] words = q.base().split(" ");
		if (out.isEmpty() && words.length > 1 && "park".equals(words[words.length - 1])) {
			out = match(
					new StreetName(String.join(" ", List.of(words).subList(0, words.length - 1)), "pk", q.direction()),
					0.95);
		}
		for (int drop = 1; out.isEmpty() && drop < words.length; drop++) {
			String tail = String.join(" ", List.of(words).subList(drop, words.length));
			out = match(new StreetName(tail, q.type(), q.direction()), 0.8);
		}
		if (out.isEmpty()) {
			out = fuzzy(q);
		}
		out.sort(Comparator.comparingDouble(StreetMatch::score).reversed());
		return out;
	}

	private List<StreetMatch> match(StreetName q, double base) {
		List<Street> list = this.index.streetsByBase.get(q.base());
		List<StreetMatch> out = new ArrayList<>();
		if (list == null) {
			return out;
		}
		Set<String> types = new LinkedHashSet<>();
		for (Street s : list) {
			types.add(String.valueOf(s.name().type()));
		}
		for (Street s : list) {
			double score = base;
			String type = s.name().type();
			if (q.type() != null) {
				if (!q.type().equals(type) && !matchesAlias(s, q)) {
					score *= (type == null) ? 0.9 : 0.75;
				}
			}
			else if (types.size() > 1) {
				score *= (type == null || MAJOR_TYPES.contains(type)) ? 0.95 : 0.7;
			}
			String dir = s.name().direction();
			if (q.direction() != null && !q.direction().equals(dir)) {
				score *= (dir == null) ? 0.9 : 0.6;
			}
			else if (q.direction() == null && dir != null) {
				score *= 0.9;
			}
			out.add(new StreetMatch(s, score));
		}
		return out;
	}

	private static boolean matchesAlias(Street s, StreetName q) {
		for (String alias : s.aliases()) {
			StreetName a = StreetLexicon.parse(alias);
			if (a.base().equals(q.base()) && q.type().equals(a.type())) {
				return true;
			}
		}
		return false;
	}

	private List<StreetMatch> fuzzy(StreetName q) {
		String base = q.base();
		int allowed = (base.length() >= 8) ? 2 : (base.length() >= 5) ? 1 : 0;
		List<StreetMatch> out = new ArrayList<>();
		if (allowed == 0) {
			return out;
		}
		int best = allowed + 1;
		List<String> keys = new ArrayList<>();
		for (int len = base.length() - allowed; len <= base.length() + allowed; len++) {
			for (String key : this.index.streetKeysByLength.getOrDefault(len, List.of())) {
				int d = Text.damerau(base, key, allowed);
				if (d < best) {
					best = d;
					keys.clear();
					keys.add(key);
				}
				else if (d == best) {
					keys.add(key);
				}
			}
		}
		if (best > allowed) {
			return out;
		}
		double penalty = (best == 1) ? 0.8 : 0.7;
		for (String key : keys) {
			out.addAll(match(new StreetName(key, q.type(), q.direction()), penalty));
		}
		return out;
	}

	// ---- addresses

	/**
	 * Geocodes a house number on a street.
	 * @param number the number as written ("45", "45b", "2102-2104")
	 * @param street the street as written
	 * @return the result
	 */
	GeocodeResult forwardAddress(String number, String street) {
		List<StreetMatch> matches = streets(street);
		if (matches.isEmpty()) {
			return GeocodeResult.none("I could not find a street called " + quote(street) + " in " + this.city.name());
		}
		int n = leadingNumber(number);
		if (n <= 0) {
			return GeocodeResult.none("which part of " + matches.get(0).street().display() + " is it?");
		}
		record Hit(StreetMatch match, double[] point, boolean parity) {
		}
		List<Hit> hits = new ArrayList<>();
		for (StreetMatch m : matches) {
			for (Segment g : segmentsOf(m.street())) {
				double[] pt = interpolate(g, n, true);
				boolean parity = true;
				if (pt == null) {
					pt = interpolate(g, n, false);
					parity = false;
				}
				if (pt != null) {
					hits.add(new Hit(m, pt, parity));
				}
			}
		}
		if (!hits.isEmpty()) {
			boolean anyParity = hits.stream().anyMatch(Hit::parity);
			hits.removeIf((h) -> anyParity && !h.parity());
			double top = hits.stream().mapToDouble((h) -> h.match().score()).max().orElse(0);
			List<Candidate> candidates = new ArrayList<>();
			List<double[]> clusters = new ArrayList<>();
			for (Hit h : hits) {
				if (h.match().score() < top - 0.01) {
					continue;
				}
				if (addToClusters(clusters, h.point())) {
					String text = n + " " + h.match().street().display();
					candidates.add(new Candidate(new GeoPoint(h.point()[0], h.point()[1]), text, LocationKind.ADDRESS,
							round(h.match().score() * (h.parity() ? 1 : 0.9)), "interpolated"));
				}
			}
			if (candidates.size() == 1) {
				Candidate c = candidates.get(0);
				boolean sure = top >= CERTAIN_SCORE && anyParity;
				return new GeocodeResult(sure ? Confidence.CERTAIN : Confidence.PLAUSIBLE, candidates,
						sure ? null : "did you mean " + c.addressString() + "?", null);
			}
			return new GeocodeResult(Confidence.PLAUSIBLE, limit(candidates),
					"there is more than one " + n + " " + matches.get(0).street().name().base() + "; which one?", null);
		}
		return nearMiss(n, matches);
	}

	private GeocodeResult nearMiss(int n, List<StreetMatch> matches) {
		StreetMatch m = matches.get(0);
		int bestGap = Integer.MAX_VALUE;
		double[] bestPt = null;
		int bestNumber = 0;
		int lo = Integer.MAX_VALUE;
		int hi = 0;
		for (Segment g : segmentsOf(m.street())) {
			int[][] sides = { { g.leftFrom(), g.leftTo(), 1 }, { g.rightFrom(), g.rightTo(), -1 } };
			for (int[] s : sides) {
				if (s[0] <= 0 || s[1] <= 0) {
					continue;
				}
				lo = Math.min(lo, Math.min(s[0], s[1]));
				hi = Math.max(hi, Math.max(s[0], s[1]));
				for (int end = 0; end < 2; end++) {
					int v = s[end];
					int gap = Math.abs(v - n);
					if (gap < bestGap && (v % 2) == (n % 2)) {
						bestGap = gap;
						bestNumber = v;
						bestPt = GeoMath.along(g.coords(), end, s[2] * SIDE_OFFSET_METERS);
					}
				}
			}
		}
		String street = m.street().display();
		if (bestPt != null && bestGap <= NEAR_MISS_NUMBERS) {
			Candidate c = new Candidate(new GeoPoint(bestPt[0], bestPt[1]), bestNumber + " " + street,
					LocationKind.ADDRESS, round(m.score() * 0.6), "nearest-range");
			return new GeocodeResult(Confidence.PLAUSIBLE, List.of(c),
					"I could not find " + n + " " + street + "; is it near " + bestNumber + " " + street + "?", null);
		}
		if (hi == 0) {
			return GeocodeResult.none("which part of " + street + " is it?");
		}
		return GeocodeResult.none("there is no number " + n + " on " + street + " in " + this.city.name()
				+ " (numbers run " + lo + "–" + hi + ")");
	}

	/**
	 * The point for a number on a segment, or {@code null} when outside its ranges.
	 * @param strictParity whether the number must have the side's parity
	 */
	private static double[] interpolate(Segment g, int n, boolean strictParity) {
		int[][] sides = { { g.leftFrom(), g.leftTo(), 1 }, { g.rightFrom(), g.rightTo(), -1 } };
		for (int[] s : sides) {
			int from = s[0];
			int to = s[1];
			if (from <= 0 || to <= 0 || n < Math.min(from, to) || n > Math.max(from, to)) {
				continue;
			}
			if (strictParity && (from % 2) == (to % 2) && (n % 2) != (from % 2)) {
				continue;
			}
			double t = (from == to) ? 0.5 : (n - from) / (double) (to - from);
			return GeoMath.along(g.coords(), t, s[2] * SIDE_OFFSET_METERS);
		}
		return null;
	}

	private List<Segment> segmentsOf(Street s) {
		return this.index.segmentsByStreet(s.id());
	}

	private static boolean addToClusters(List<double[]> clusters, double[] pt) {
		for (double[] c : clusters) {
			if (GeoMath.distance(c[0], c[1], pt[0], pt[1]) < SAME_PLACE_METERS) {
				return false;
			}
		}
		clusters.add(pt);
		return true;
	}

	static int leadingNumber(String number) {
		if (number == null) {
			return -1;
		}
		String s = number.strip().replace("#", "");
		int i = 0;
		while (i < s.length() && Character.isDigit(s.charAt(i))) {
			i++;
		}
		if (i == 0 || i > 7) {
			return -1;
		}
		return Integer.parseInt(s.substring(0, i));
	}

	// ---- intersections

	/**
	 * Geocodes two streets that meet.
	 * @param a one street as written
	 * @param b the other
	 * @return the result
	 */
	GeocodeResult forwardIntersection(String a, String b) {
		List<StreetMatch> sa = streets(a);
		List<StreetMatch> sb = streets(b);
		if (sa.isEmpty() || sb.isEmpty()) {
			String missing = sa.isEmpty() ? a : b;
			return GeocodeResult.none("I could not find a street called " + quote(missing) + " in " + this.city.name());
		}
		record Hit(double score, Street x, Street y, List<double[]> points) {
		}
		List<Hit> hits = new ArrayList<>();
		for (StreetMatch x : top(sa)) {
			for (StreetMatch y : top(sb)) {
				if (x.street().id() == y.street().id()) {
					continue;
				}
				List<Node> nodes = this.index.nodesByPair.get(GazetteerIndex.pairKey(x.street().id(), y.street().id()));
				if (nodes != null) {
					List<double[]> pts = new ArrayList<>();
					for (Node nd : nodes) {
						pts.add(new double[] { nd.lat(), nd.lon() });
					}
					hits.add(new Hit(x.score() * y.score(), x.street(), y.street(), pts));
				}
			}
		}
		if (hits.isEmpty()) {
			for (StreetMatch x : sa.subList(0, Math.min(2, sa.size()))) {
				for (StreetMatch y : sb.subList(0, Math.min(2, sb.size()))) {
					double[] pt = (x.street().id() != y.street().id()) ? closestApproach(x.street(), y.street()) : null;
					if (pt != null) {
						hits.add(new Hit(x.score() * y.score() * 0.9, x.street(), y.street(), List.of(pt)));
					}
				}
			}
		}
		if (hits.isEmpty()) {
			return GeocodeResult.none(sa.get(0).street().display() + " and " + sb.get(0).street().display()
					+ " do not seem to meet in " + this.city.name());
		}
		double topScore = hits.stream().mapToDouble(Hit::score).max().orElse(0);
		List<Candidate> candidates = new ArrayList<>();
		for (Hit h : hits) {
			if (h.score() < topScore - 0.01) {
				continue;
			}
			for (double[] c : cluster(h.points(), SAME_PLACE_METERS)) {
				candidates.add(new Candidate(new GeoPoint(c[0], c[1]), h.x().display() + " & " + h.y().display(),
						LocationKind.INTERSECTION, round(h.score()), "intersection"));
			}
		}
		if (candidates.size() == 1) {
			boolean sure = topScore >= CERTAIN_SCORE;
			return new GeocodeResult(sure ? Confidence.CERTAIN : Confidence.PLAUSIBLE, candidates,
					sure ? null : "did you mean " + candidates.get(0).addressString() + "?", null);
		}
		String names = candidates.get(0).addressString();
		boolean samePair = candidates.stream().allMatch((c) -> c.addressString().equals(names));
		String reason = samePair
				? names.replace(" & ", " and ") + " meet in " + candidates.size() + " places; which one?"
				: "which corner did you mean?";
		return new GeocodeResult(Confidence.PLAUSIBLE, limit(candidates), reason, null);
	}

	private static List<StreetMatch> top(List<StreetMatch> all) {
		return all.subList(0, Math.min(6, all.size()));
	}

	/** Where two streets without a shared node come within 25 m of each other. */
	private double[] closestApproach(Street x, Street y) {
		double[] bx = this.index.streetBoxes.get(x.id());
		double[] by = this.index.streetBoxes.get(y.id());
		double margin = 0.0003;
		if (bx[0] > by[2] + margin || by[0] > bx[2] + margin || bx[1] > by[3] + margin || by[1] > bx[3] + margin) {
			return null;
		}
		double best = 25;
		double[] at = null;
		for (Segment gx : segmentsOf(x)) {
			double[] cx = gx.coords();
			for (Segment gy : segmentsOf(y)) {
				double[] cy = gy.coords();
				for (int i = 0; i < cx.length; i += 2) {
					double[] near = GeoMath.nearest(cy, cx[i + 1], cx[i]);
					if (near[0] < best) {
						best = near[0];
						at = new double[] { cx[i + 1], cx[i] };
					}
				}
			}
		}
		return at;
	}

	private static List<double[]> cluster(List<double[]> points, double meters) {
		List<List<double[]>> groups = new ArrayList<>();
		for (double[] p : points) {
			List<double[]> home = null;
			for (List<double[]> g : groups) {
				double[] first = g.get(0);
				if (GeoMath.distance(first[0], first[1], p[0], p[1]) < meters) {
					home = g;
					break;
				}
			}
			if (home == null) {
				home = new ArrayList<>();
				groups.add(home);
			}
			home.add(p);
		}
		List<double[]> out = new ArrayList<>();
		for (List<double[]> g : groups) {
			double lat = 0;
			double lon = 0;
			for (double[] p : g) {
				lat += p[0];
				lon += p[1];
			}
			out.add(new double[] { lat / g.size(), lon / g.size() });
		}
		return out;
	}

	/**
	 * "Street between Cross and Second": the middle of the block.
	 * @param street the street
	 * @param cross one bounding street
	 * @param second the other
	 * @return the result
	 */
	GeocodeResult forwardBetween(String street, String cross, String second) {
		GeocodeResult a = forwardIntersection(street, cross);
		GeocodeResult b = forwardIntersection(street, second);
		boolean okA = !a.candidates().isEmpty();
		boolean okB = !b.candidates().isEmpty();
		if (okA && okB) {
			GeoPoint pa = a.candidates().get(0).point();
			GeoPoint pb = b.candidates().get(0).point();
			if (pa.distanceMeters(pb) < 1500) {
				String streetName = a.candidates().get(0).addressString().split(" & ")[0];
				String text = streetName + " between " + a.candidates().get(0).addressString().split(" & ")[1] + " and "
						+ b.candidates().get(0).addressString().split(" & ")[1];
				double score = Math.min(a.candidates().get(0).score(), b.candidates().get(0).score());
				Candidate c = new Candidate(new GeoPoint((pa.lat() + pb.lat()) / 2, (pa.lon() + pb.lon()) / 2), text,
						LocationKind.INTERSECTION, score, "between");
				boolean sure = a.confidence() == Confidence.CERTAIN && b.confidence() == Confidence.CERTAIN;
				return new GeocodeResult(sure ? Confidence.CERTAIN : Confidence.PLAUSIBLE, List.of(c),
						sure ? null : "did you mean " + text + "?", null);
			}
		}
		if (okA || okB) {
			GeocodeResult one = okA ? a : b;
			return new GeocodeResult(Confidence.PLAUSIBLE, one.candidates(),
					"did you mean near " + one.candidates().get(0).addressString() + "?", null);
		}
		GeocodeResult direct = forwardIntersection(cross, second);
		if (!direct.candidates().isEmpty()) {
			return direct;
		}
		return a;
	}

	// ---- landmarks

	/**
	 * Geocodes a landmark by name or alias (typos tolerated).
	 * @param written the name as written
	 * @return the result
	 */
	GeocodeResult forwardLandmark(String written) {
		String f = StreetLexicon.fold(written);
		List<Landmark> found = exactLandmarks(f);
		double score = 1.0;
		if (found.isEmpty()) {
			found = fuzzyLandmarks(f);
			score = 0.85;
		}
		if (found.isEmpty()) {
			found = partialLandmarks(f);
			score = 0.78;
		}
		if (found.isEmpty()) {
			GeocodeResult street = streetAsLandmark(f);
			if (street != null) {
				return street;
			}
			return GeocodeResult.none("I could not find " + quote(written) + " on the map of " + this.city.name());
		}
		List<Landmark> inside = found.stream().filter(Landmark::inside).toList();
		if (inside.isEmpty()) {
			return GeocodeResult.none(this.city.outsideReason());
		}
		List<Candidate> candidates = new ArrayList<>();
		List<double[]> seen = new ArrayList<>();
		Landmark first = null;
		for (Landmark l : inside) {
			boolean near = false;
			for (double[] s : seen) {
				if (GeoMath.distance(s[0], s[1], l.lat(), l.lon()) < SAME_LANDMARK_METERS) {
					near = true;
					break;
				}
			}
			if (near) {
				continue;
			}
			seen.add(new double[] { l.lat(), l.lon() });
			first = (first == null) ? l : first;
			String text = l.address().isEmpty() || l.address().contains("&") ? l.name() : l.name() + ", " + l.address();
			candidates.add(new Candidate(new GeoPoint(l.lat(), l.lon()), text, LocationKind.LANDMARK, round(score),
					"landmark"));
		}
		if (candidates.size() > 1) {
			return new GeocodeResult(Confidence.PLAUSIBLE, limit(candidates),
					"there are " + candidates.size() + " places called " + quote(written) + "; which one?", null);
		}
		if (first.radius() > LARGE_AREA_METERS) {
			return new GeocodeResult(Confidence.PLAUSIBLE, candidates,
					first.name() + " is large; where in it is the problem?", null);
		}
		boolean sure = score >= 0.85;
		return new GeocodeResult(sure ? Confidence.CERTAIN : Confidence.PLAUSIBLE, candidates,
				sure ? null : "did you mean " + first.name() + "?", null);
	}

	/**
	 * A named way that is a street in the data but a place to residents ("Anderson
	 * Memorial Bridge" → Anderson Bridge): every word of the street's name is written.
	 */
	private GeocodeResult streetAsLandmark(String folded) {
		List<String> written = List.of(folded.split(" "));
		Street found = null;
		for (Street s : this.index.streets) {
			List<String> words = this.index.streetWords.get(s.id());
			if (words.size() >= 2 && s.name().type() == null && written.containsAll(words)) {
				if (found != null && found.id() != s.id()) {
					return null;
				}
				found = s;
			}
		}
		if (found == null || segmentsOf(found).isEmpty()) {
			return null;
		}
		List<Segment> segments = segmentsOf(found);
		double[] mid = GeoMath.along(segments.get(segments.size() / 2).coords(), 0.5, 0);
		Candidate c = new Candidate(new GeoPoint(mid[0], mid[1]), found.display(), LocationKind.LANDMARK, 0.7,
				"street");
		return new GeocodeResult(Confidence.PLAUSIBLE, List.of(c), "did you mean " + found.display() + "?", null);
	}

	private List<Landmark> exactLandmarks(String f) {
		List<Landmark> found = this.index.landmarksByPhrase.get(f);
		if (found == null) {
			for (String article : new String[] { "the ", "la ", "el ", "a ", "al " }) {
				if (f.startsWith(article)) {
					found = this.index.landmarksByPhrase.get(f.substring(article.length()));
					if (found != null) {
						break;
					}
				}
			}
		}
		return (found != null) ? found : List.of();
	}

	private List<Landmark> fuzzyLandmarks(String f) {
		String[] q = f.split(" ");
		List<Landmark> out = new ArrayList<>();
		int best = 3;
		for (Map.Entry<String[], List<Landmark>> e : this.index.phrasesByLength.getOrDefault(q.length, List.of())) {
			String[] p = e.getKey();
			int edits = 0;
			boolean exactWord = false;
			for (int i = 0; i < p.length && edits <= 2; i++) {
				if (p[i].equals(q[i])) {
					exactWord |= !LANDMARK_GENERIC.contains(p[i]) || p.length == 1;
					continue;
				}
				int allowed = (Math.min(p[i].length(), q[i].length()) >= 4) ? 1 : 0;
				if (p[i].length() >= 8) {
					allowed = 2;
				}
				int d = Text.damerau(p[i], q[i], allowed);
				edits += (d > allowed) ? 99 : d;
			}
			if (edits == 0 || edits > 2 || (!exactWord && q.length > 1 && edits > 1)) {
				continue;
			}
			if (edits < best) {
				best = edits;
				out.clear();
			}
			if (edits == best) {
				for (Landmark l : e.getValue()) {
					if (!out.contains(l)) {
						out.add(l);
					}
				}
			}
		}
		return out;
	}

	/** Every distinctive written word appears in the landmark's name ("tobin school"). */
	private List<Landmark> partialLandmarks(String f) {
		List<String> words = new ArrayList<>();
		List<String> heads = new ArrayList<>();
		for (String w : f.split(" ")) {
			if (!LANDMARK_GENERIC.contains(w) && w.length() > 2) {
				words.add(w);
			}
			else if (LANDMARK_HEADS.contains(w)) {
				heads.add(w);
			}
		}
		if (words.isEmpty()) {
			return List.of();
		}
		List<Landmark> out = new ArrayList<>();
		for (int i = 0; i < this.index.landmarks.size(); i++) {
			Set<String> name = this.index.landmarkWords.get(i);
			if (name.containsAll(words) && name.containsAll(heads)) {
				out.add(this.index.landmarks.get(i));
			}
		}
		return (out.size() <= 4) ? out : List.of();
	}

	// ---- poles

	/**
	 * Geocodes a street-light pole id.
	 * @param id the id as written ("791-2", "#60-m27")
	 * @return the result
	 */
	GeocodeResult forwardPole(String id) {
		Pole p = this.index.poles.get(GazetteerIndex.poleKey(id));
		if (p == null) {
			return GeocodeResult
				.none("I could not find street-light pole " + id.strip() + " in " + this.city.name() + "'s records");
		}
		String text = "Pole " + p.id() + (p.street().isEmpty() ? "" : ", " + title(p.street()));
		return new GeocodeResult(Confidence.CERTAIN,
				List.of(new Candidate(new GeoPoint(p.lat(), p.lon()), text, LocationKind.POLE, 1.0, "pole")), null,
				null);
	}

	private static String title(String upper) {
		StringBuilder sb = new StringBuilder();
		boolean start = true;
		for (char c : upper.toLowerCase(Locale.ROOT).toCharArray()) {
			sb.append(start ? Character.toUpperCase(c) : c);
			start = c == ' ';
		}
		return sb.toString();
	}

	// ---- reverse

	@Override
	public ReverseResult reverse(GeoPoint point) {
		PointCheck check = this.city.check(point);
		if (!check.accepted()) {
			return new ReverseResult(false, null, 0, check.reason());
		}
		try {
			return reverseInside(point);
		}
		catch (RuntimeException ex) {
			return new ReverseResult(true, null, 0, null);
		}
	}

	private ReverseResult reverseInside(GeoPoint point) {
		double lat = point.lat();
		double lon = point.lon();
		Node nearNode = null;
		double nodeDist = Double.MAX_VALUE;
		for (int i : this.index.nodesNear(lat, lon, 1)) {
			Node n = this.index.nodes.get(i);
			double d = GeoMath.distance(lat, lon, n.lat(), n.lon());
			if (d < nodeDist) {
				nodeDist = d;
				nearNode = n;
			}
		}
		Segment best = null;
		double[] bestNear = null;
		Segment addressed = null;
		double[] addressedNear = null;
		for (int rings = 1; rings <= 8 && best == null; rings *= 2) {
			for (int i : this.index.segmentsNear(lat, lon, rings)) {
				Segment g = this.index.segments.get(i);
				double[] near = GeoMath.nearest(g.coords(), lat, lon);
				if (bestNear == null || near[0] < bestNear[0]) {
					best = g;
					bestNear = near;
				}
				boolean hasRange = (g.leftFrom() > 0 && g.leftTo() > 0) || (g.rightFrom() > 0 && g.rightTo() > 0);
				if (hasRange && (addressedNear == null || near[0] < addressedNear[0])) {
					addressed = g;
					addressedNear = near;
				}
			}
		}
		if (nearNode != null && nodeDist <= 30) {
			return new ReverseResult(true, nodeText(nearNode), nodeDist, null);
		}
		if (addressed != null && addressedNear[0] <= 100 && addressedNear[0] <= bestNear[0] + 40) {
			best = addressed;
			bestNear = addressedNear;
		}
		if (best == null) {
			return new ReverseResult(true, null, 0, null);
		}
		Street street = this.index.streets.get(best.street());
		if (bestNear[0] > 200) {
			Landmark area = areaAround(lat, lon);
			if (area != null) {
				return new ReverseResult(true, area.name(), GeoMath.distance(lat, lon, area.lat(), area.lon()), null);
			}
		}
		int[] side = (bestNear[2] > 0) ? new int[] { best.leftFrom(), best.leftTo() }
				: new int[] { best.rightFrom(), best.rightTo() };
		if (side[0] <= 0 || side[1] <= 0) {
			side = (bestNear[2] > 0) ? new int[] { best.rightFrom(), best.rightTo() }
					: new int[] { best.leftFrom(), best.leftTo() };
		}
		if (side[0] > 0 && side[1] > 0) {
			int n = (int) Math.round(side[0] + bestNear[1] * (side[1] - side[0]));
			if ((side[0] % 2) == (side[1] % 2) && (n % 2) != (side[0] % 2)) {
				n += (n + 1 <= Math.max(side[0], side[1])) ? 1 : -1;
			}
			return new ReverseResult(true, n + " " + street.display(), bestNear[0], null);
		}
		if (nearNode != null && nodeDist <= 120) {
			return new ReverseResult(true, nodeText(nearNode), nodeDist, null);
		}
		return new ReverseResult(true, street.display(), bestNear[0], null);
	}

	private String nodeText(Node n) {
		List<String> names = new ArrayList<>();
		for (int id : n.streets()) {
			String name = this.index.streets.get(id).display();
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		return String.join(" & ", names.subList(0, Math.min(2, names.size())));
	}

	private Landmark areaAround(double lat, double lon) {
		Landmark best = null;
		double bestD = Double.MAX_VALUE;
		for (Landmark l : this.index.landmarks) {
			double d = GeoMath.distance(lat, lon, l.lat(), l.lon());
			if (l.radius() > 0 && d < l.radius() * 1.2 && d < bestD) {
				best = l;
				bestD = d;
			}
		}
		return best;
	}

	// ---- helpers

	private static List<Candidate> limit(List<Candidate> candidates) {
		return List.copyOf(candidates.subList(0, Math.min(5, candidates.size())));
	}

	private static double round(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	private static String quote(String s) {
		return "\"" + ((s == null) ? "" : s.strip()) + "\"";
	}

}
