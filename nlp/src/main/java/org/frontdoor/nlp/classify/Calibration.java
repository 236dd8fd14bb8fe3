package org.frontdoor.nlp.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns raw scores into a probability that the top service is right, and that into a
 * decision. A logistic model over the top score, its margin over the runner-up, the share
 * of the score backed by the message's own words and the catalog size; fitted on the
 * development split of the evaluation sets ({@code calibration.properties}, see
 * {@code SOURCES.md}). Immutable.
 *
 * @param weights logistic weights for {@link #features}
 * @param bias logistic bias
 * @param autoThreshold probability at or above which the decision is AUTO
 * @param askThreshold probability below which the decision is UNKNOWN
 * @param runnerUpShare how much of the remaining probability the runners-up hold
 */
public record Calibration(double[] weights, double bias, double autoThreshold, double askThreshold,
		double runnerUpShare) {

	/** Names of the features, in order (as in the properties file). */
	static final String[] FEATURES = { "s1", "relmargin", "direct", "logn", "namecov", "msgcov", "confusable",
			"examples" };

	private static final class Holder {

		static final Calibration BUILT_IN = load();

	}

	/**
	 * The built-in calibration.
	 * @return the calibration
	 */
	public static Calibration builtIn() {
		return Holder.BUILT_IN;
	}

	static Calibration load() {
		Properties p = new Properties();
		try (InputStream in = Calibration.class.getResourceAsStream("calibration.properties")) {
			if (in != null) {
				p.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return fromProperties(p);
	}

	static Calibration fromProperties(Properties p) {
		double[] w = new double[FEATURES.length];
		double[] defaults = { 1.0, 3.0, 1.5, -0.3, 1.0, 1.0, -1.0, 0.0 };
		for (int i = 0; i < w.length; i++) {
			w[i] = Double.parseDouble(p.getProperty("weight." + FEATURES[i], String.valueOf(defaults[i])));
		}
		return new Calibration(w, Double.parseDouble(p.getProperty("bias", "-2.0")),
				Double.parseDouble(p.getProperty("threshold.auto", "0.8")),
				Double.parseDouble(p.getProperty("threshold.ask", "0.1")),
				Double.parseDouble(p.getProperty("runner-up-share", "0.6")));
	}

	Properties toProperties() {
		Properties p = new Properties();
		for (int i = 0; i < FEATURES.length; i++) {
			p.setProperty("weight." + FEATURES[i], format(this.weights[i]));
		}
		p.setProperty("bias", format(this.bias));
		p.setProperty("threshold.auto", format(this.autoThreshold));
		p.setProperty("threshold.ask", format(this.askThreshold));
		p.setProperty("runner-up-share", format(this.runnerUpShare));
		return p;
	}

	private static String format(double d) {
		return String.format(Locale.ROOT, "%.6f", d);
	}

	static double[] features(ServiceClassifier.Features f) {
		double s1 = f.s1();
		double s2 = f.s2();
		return new double[] { s1, (s1 > 0) ? (s1 - s2) / s1 : 0, (s1 > 0) ? f.directBest() / s1 : 0,
				Math.log(Math.max(1, f.catalogSize())), f.nameCoverage(), f.messageCoverage(), f.confusability(),
				f.examplesVote() };
	}

	double probability(ServiceClassifier.Features f) {
		double[] x = features(f);
		double z = this.bias;
		for (int i = 0; i < x.length; i++) {
			z += this.weights[i] * x[i];
		}
		return 1.0 / (1.0 + Math.exp(-z));
	}

	Classification decide(ServiceClassifier.Features f, List<CatalogService> services) {
		double p = probability(f);
		List<RankedService> ranked = new ArrayList<>();
		double rest = 0;
		for (int k = 1; k < f.top().length; k++) {
			rest += f.topScores()[k];
		}
		double previous = p;
		for (int k = 0; k < f.top().length; k++) {
			// Runners-up share what the top leaves, in proportion to their scores, and
			// never
			// rank above a better-scored service.
			double conf = (k == 0) ? p : Math.min(previous, (1 - p) * this.runnerUpShare * f.topScores()[k] / rest);
			previous = conf;
			ranked.add(new RankedService(services.get(f.top()[k]), round(conf), round(f.topScores()[k])));
		}
		if (p >= this.autoThreshold) {
			return new Classification(Decision.AUTO, ranked, null);
		}
		if (p >= this.askThreshold) {
			return new Classification(Decision.ASK, ranked,
					(f.s2() > 0.6 * f.s1()) ? "close call between services" : "not confident enough to file");
		}
		return new Classification(Decision.UNKNOWN, ranked, "the words of the message match no service well");
	}

	private static double round(double d) {
		return Math.round(d * 10000) / 10000.0;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Calibration c && java.util.Arrays.equals(this.weights, c.weights) && this.bias == c.bias
				&& this.autoThreshold == c.autoThreshold && this.askThreshold == c.askThreshold
				&& this.runnerUpShare == c.runnerUpShare;
	}

	@Override
	public int hashCode() {
		return java.util.Arrays.hashCode(this.weights) * 31 + Double.hashCode(this.bias);
	}

	@Override
	public String toString() {
		return "Calibration" + toProperties();
	}

}
