package org.frontdoor.nlp.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontdoor.nlp.geo.GeocodeResult.Confidence;
import org.frontdoor.nlp.location.LocationExtractor;
import org.frontdoor.nlp.location.LocationKind;
import org.frontdoor.nlp.location.LocationMention;

/**
 * Scores location extraction and geocoding against labeled messages: mention recall and
 * precision (a mention counts when its span overlaps an expected one), and points within
 * tolerance of the expected point (intersection 60 m, address 120 m, landmark 250 m, pole
 * 30 m); for messages whose place is outside the city or unknown, no point may be
 * accepted.
 */
public final class GeocodeEvaluation {

	/** Tolerance per expected kind, in metres. */
	public static final Map<LocationKind, Double> TOLERANCE_METERS = Map.of(LocationKind.INTERSECTION, 60.0,
			LocationKind.ADDRESS, 120.0, LocationKind.LANDMARK, 250.0, LocationKind.POLE, 30.0);

	private final LocationExtractor extractor;

	private final Geocoder geocoder;

	private final Map<String, int[]> byKind = new LinkedHashMap<>();

	private final List<String> misses = new ArrayList<>();

	private int messages;

	private int mentionExpected;

	private int mentionPredicted;

	private int mentionHits;

	private int mentionKindHits;

	private int pointExpected;

	private int pointWithin;

	private int pointCertainWithin;

	private int pointCertainWrong;

	private int pointMissing;

	private int nullExpected;

	private int nullAccepted;

	private int nullProposed;

	/**
	 * An evaluation.
	 * @param extractor the extractor to score
	 * @param geocoder the geocoder to score ({@code null}: mentions only)
	 */
	public GeocodeEvaluation(LocationExtractor extractor, Geocoder geocoder) {
		this.extractor = extractor;
		this.geocoder = geocoder;
	}

	/**
	 * One labeled message.
	 *
	 * @param id its id
	 * @param text the text
	 * @param expectedKind the kind of the expected mention, or {@code null} when the text
	 * names no place
	 * @param expectedSpans the expected span and acceptable alternatives
	 * @param pointLabeled whether the message carries {@code expected_point} (possibly
	 * null)
	 * @param expectedPoint the expected point, or {@code null} (no accepted point
	 * allowed)
	 */
	public record Labeled(String id, String text, LocationKind expectedKind, List<String> expectedSpans,
			boolean pointLabeled, GeoPoint expectedPoint) {

	}

	/**
	 * Scores one message.
	 * @param m the message
	 */
	public void add(Labeled m) {
		this.messages++;
		LocationMention mention = this.extractor.extract(m.text()).orElse(null);
		if (mention != null) {
			this.mentionPredicted++;
		}
		if (m.expectedKind() != null) {
			this.mentionExpected++;
			if (mention != null && overlaps(m, mention)) {
				this.mentionHits++;
				if (mention.kind() == m.expectedKind()) {
					this.mentionKindHits++;
				}
			}
			else {
				this.misses.add(m.id() + "\tmention\texpected " + m.expectedSpans().get(0) + "\tgot "
						+ ((mention != null) ? mention.text() : "-"));
			}
		}
		if (this.geocoder == null || !m.pointLabeled()) {
			return;
		}
		GeocodeResult r = (mention != null) ? this.geocoder.forward(mention) : GeocodeResult.none("no mention");
		GeocodeResult.Candidate best = r.best();
		if (m.expectedPoint() == null) {
			this.nullExpected++;
			if (r.confidence() == Confidence.CERTAIN) {
				this.nullAccepted++;
				this.misses.add(m.id() + "\taccepted\t" + best.addressString() + "\tfor a place outside or unknown");
			}
			else if (r.confidence() == Confidence.PLAUSIBLE) {
				this.nullProposed++;
			}
			return;
		}
		this.pointExpected++;
		String kind = (m.expectedKind() != null) ? m.expectedKind().name().toLowerCase(Locale.ROOT) : "unknown";
		int[] k = this.byKind.computeIfAbsent(kind, (x) -> new int[4]);
		k[0]++;
		if (best == null || r.confidence() == Confidence.NONE) {
			this.pointMissing++;
			this.misses.add(m.id() + "\tno point\t" + ((mention != null) ? mention.text() : "-") + "\t" + r.reason());
			return;
		}
		double tolerance = TOLERANCE_METERS.getOrDefault(m.expectedKind(), 120.0);
		double d = best.point().distanceMeters(m.expectedPoint());
		boolean within = d <= tolerance;
		if (within) {
			this.pointWithin++;
			k[1]++;
		}
		if (r.confidence() == Confidence.CERTAIN) {
			if (within) {
				this.pointCertainWithin++;
				k[2]++;
			}
			else {
				this.pointCertainWrong++;
				k[3]++;
			}
		}
		if (!within) {
			this.misses.add(m.id() + "\t" + Math.round(d) + " m off\t" + best.addressString() + "\t"
					+ r.confidence().name().toLowerCase(Locale.ROOT));
		}
	}

	private static boolean overlaps(Labeled m, LocationMention mention) {
		String lower = m.text().toLowerCase(Locale.ROOT);
		for (String span : m.expectedSpans()) {
			String s = span.toLowerCase(Locale.ROOT);
			for (int at = lower.indexOf(s); at >= 0; at = lower.indexOf(s, at + 1)) {
				if (mention.start() < at + s.length() && at < mention.end()) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The scores as named numbers (for JSON output and tests).
	 * @return name → value
	 */
	public Map<String, Object> summary() {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("messages", this.messages);
		s.put("mention_expected", this.mentionExpected);
		s.put("mention_recall", ratio(this.mentionHits, this.mentionExpected));
		s.put("mention_precision", ratio(this.mentionHits, this.mentionPredicted));
		s.put("mention_kind_accuracy", ratio(this.mentionKindHits, this.mentionHits));
		if (this.geocoder != null) {
			s.put("point_expected", this.pointExpected);
			s.put("point_within_tolerance", ratio(this.pointWithin, this.pointExpected));
			s.put("point_certain_within_tolerance", ratio(this.pointCertainWithin, this.pointExpected));
			s.put("point_certain_wrong", this.pointCertainWrong);
			s.put("point_missing", this.pointMissing);
			s.put("outside_or_unknown", this.nullExpected);
			s.put("outside_accepted", this.nullAccepted);
			s.put("outside_proposed", this.nullProposed);
		}
		return s;
	}

	/**
	 * A readable report: the summary, a table per kind, and the misses.
	 * @param withMisses whether to list every miss
	 * @return the report
	 */
	public String report(boolean withMisses) {
		StringBuilder b = new StringBuilder();
		b.append(String.format(Locale.ROOT, "messages %d%n", this.messages));
		b.append(String.format(Locale.ROOT,
				"location mention recall %s  precision %s  kind right %s  (%d with a place)%n",
				pct(this.mentionHits, this.mentionExpected), pct(this.mentionHits, this.mentionPredicted),
				pct(this.mentionKindHits, this.mentionHits), this.mentionExpected));
		if (this.geocoder != null && this.pointExpected + this.nullExpected > 0) {
			b.append(String.format(Locale.ROOT,
					"points within tolerance %s (certain and within %s; certain but wrong %d; no point %d) of %d%n",
					pct(this.pointWithin, this.pointExpected), pct(this.pointCertainWithin, this.pointExpected),
					this.pointCertainWrong, this.pointMissing, this.pointExpected));
			b.append(String.format(Locale.ROOT,
					"outside the city or unknown: %d messages, accepted (certain) %d, proposed (plausible) %d%n",
					this.nullExpected, this.nullAccepted, this.nullProposed));
			b.append(String.format(Locale.ROOT, "%-14s %6s %8s %8s %8s%n", "kind", "n", "within", "certain", "wrong"));
			this.byKind.forEach((kind, k) -> b.append(String.format(Locale.ROOT, "%-14s %6d %8s %8s %8d%n", kind, k[0],
					pct(k[1], k[0]), pct(k[2], k[0]), k[3])));
		}
		if (withMisses) {
			for (String miss : this.misses) {
				b.append("  ").append(miss).append('\n');
			}
		}
		return b.toString();
	}

	private static double ratio(int a, int b) {
		return (b == 0) ? 0 : Math.round(a * 10000.0 / b) / 10000.0;
	}

	private static String pct(int a, int b) {
		return (b == 0) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * a / b);
	}

}
