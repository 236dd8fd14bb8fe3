package org.frontdoor.nlp.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks a city's Open311 services for a resident's message, with no per-city training.
 *
 * <p>
 * How: the message becomes canonical terms ({@link Terms}: spelling fixed, Spanish and
 * synonyms mapped, fillers dropped); each term is expanded with curated related concepts
 * and with words cities use for it in service names, learned from thousands of real
 * reports ({@link Knowledge}); each service is scored by the weighted overlap of those
 * terms with its name, keywords, description and group (rare and specific words count
 * more, long names are normalized); the city's own past requests, when supplied, add a
 * vote ({@link CityExamples}). The top score and its margin are turned into a calibrated
 * probability ({@link Calibration}) that decides AUTO, ASK or UNKNOWN.
 *
 * <p>
 * Built once per catalog; immutable and thread-safe.
 */
public final class ServiceClassifier {

	/** At most this many ranked services are returned. */
	public static final int MAX_RANKED = 5;

	private final Catalog catalog;

	private final Knowledge knowledge;

	private final ServiceIndex index;

	private final Calibration calibration;

	private final CityExamples examples;

	private final Params params;

	private ServiceClassifier(Catalog catalog, Knowledge knowledge, Calibration calibration, CityExamples examples,
			Params params) {
		this.catalog = catalog;
		this.knowledge = knowledge;
		this.params = params;
		this.index = new ServiceIndex(catalog, knowledge, params.lengthExponent());
		this.calibration = calibration;
		this.examples = (examples != null) ? examples.bind(this.index) : null;
	}

	/**
	 * A classifier for a catalog with the built-in knowledge and calibration.
	 * @param catalog the city's catalog
	 * @return the classifier
	 */
	public static ServiceClassifier forCatalog(Catalog catalog) {
		return new ServiceClassifier(catalog, Knowledge.builtIn(), Calibration.builtIn(), null, Params.DEFAULT);
	}

	/**
	 * A classifier that also learns from the city's own past requests.
	 * @param catalog the city's catalog
	 * @param examples past requests (text, service code)
	 * @return the classifier
	 */
	public static ServiceClassifier forCatalog(Catalog catalog, CityExamples examples) {
		return new ServiceClassifier(catalog, Knowledge.builtIn(), Calibration.builtIn(), examples, Params.DEFAULT);
	}

	static ServiceClassifier create(Catalog catalog, Knowledge knowledge, Calibration calibration,
			CityExamples examples, Params params) {
		return new ServiceClassifier(catalog, knowledge, calibration, examples, params);
	}

	/**
	 * The catalog this classifier ranks.
	 * @return the catalog
	 */
	public Catalog catalog() {
		return this.catalog;
	}

	/**
	 * Ranks the services for a message.
	 * @param text the message text (bounded by the caller)
	 * @param subject an email subject, or {@code null}
	 * @param maskBegin start of a span to ignore (the location mention), or -1
	 * @param maskEnd end of that span
	 * @return the classification; never {@code null}
	 */
	public Classification classify(String text, String subject, int maskBegin, int maskEnd) {
		Features f = score(text, subject, maskBegin, maskEnd);
		if (f == null) {
			return Classification.unknown("the message has no words that could name a service");
		}
		if (f.best < 0) {
			// Something was said that no service's words cover: the city's catch-all
			// service ("Other"), if it has one, is where such reports go.
			if (this.index.catchAll >= 0) {
				return new Classification(Decision.UNKNOWN,
						List.of(new RankedService(this.index.services.get(this.index.catchAll), 0.0, 0.0)),
						"no service matched the words of the message; the catalog's catch-all is offered");
			}
			return Classification.unknown("no service matched the words of the message");
		}
		return this.calibration.decide(f, this.index.services);
	}

	/**
	 * Ranks the services for a message.
	 * @param text the message text
	 * @return the classification
	 */
	public Classification classify(String text) {
		return classify(text, null, -1, -1);
	}

	Features score(String text, String subject, int maskBegin, int maskEnd) {
		List<Terms.Term> terms = new ArrayList<>(Terms.of(text, this.index.vocabulary, maskBegin, maskEnd));
		if (subject != null && !subject.isBlank()) {
			terms.addAll(Terms.of(subject, this.index.vocabulary, -1, -1));
		}
		if (terms.isEmpty()) {
			return null;
		}
		Map<String, Double> direct = new HashMap<>();
		for (Terms.Term t : terms) {
			direct.merge(t.term(), t.weight(), Math::max);
		}
		int n = this.index.services.size();
		double[] scores = new double[n];
		double[] directScores = new double[n];
		double[] bestOf = new double[n];
		int[] touched = new int[n];
		int[] hits = new int[n];
		double[][] contributions = new double[n][];
		Map<String, Double> reach = new HashMap<>();
		Lexicon lexicon = this.knowledge.lexicon();
		for (Map.Entry<String, Double> e : direct.entrySet()) {
			// Each message term counts once per service: its best match among itself and
			// its related and learned terms.
			int touchedCount = 0;
			touchedCount = accumulate(e.getKey(), e.getValue(), bestOf, touched, touchedCount, directScores);
			reach.merge(e.getKey(), e.getValue(), Math::max);
			for (Map.Entry<String, Double> r : lexicon.related(e.getKey()).entrySet()) {
				reach.merge(r.getKey(), e.getValue() * r.getValue() * this.params.relatedWeight(), Math::max);
				touchedCount = accumulate(r.getKey(), e.getValue() * r.getValue() * this.params.relatedWeight(), bestOf,
						touched, touchedCount, null);
			}
			boolean catalogWord = this.index.postings.containsKey(e.getKey());
			for (Map.Entry<String, Double> r : catalogWord ? Map.<String, Double>of().entrySet()
					: this.knowledge.associations(e.getKey()).entrySet()) {
				if (this.knowledge.specificity(r.getKey()) < 0.5) {
					continue;
				}
				reach.merge(r.getKey(), e.getValue() * r.getValue() * this.params.learnedWeight(), Math::max);
				touchedCount = accumulate(r.getKey(), e.getValue() * r.getValue() * this.params.learnedWeight(), bestOf,
						touched, touchedCount, null);
			}
			for (int k = 0; k < touchedCount; k++) {
				int i = touched[k];
				if (contributions[i] == null) {
					contributions[i] = new double[direct.size()];
				}
				contributions[i][hits[i]++] = bestOf[i];
				bestOf[i] = 0;
			}
		}
		// Diminishing returns: a service's best-matching message term counts fully, the
		// next ones less, so a strong single match beats several weak ones (a two-word
		// concept, words of a long description).
		for (int i = 0; i < n; i++) {
			double[] c = contributions[i];
			if (c == null) {
				continue;
			}
			Arrays.sort(c, 0, hits[i]);
			double factor = 1.0;
			for (int k = hits[i] - 1; k >= 0; k--) {
				scores[i] += factor * c[k];
				factor *= this.params.decay();
			}
		}
		for (int i = 0; i < n; i++) {
			scores[i] /= this.index.norms[i];
			directScores[i] /= this.index.norms[i];
		}
		double[] local = (this.examples != null) ? this.examples.vote(direct) : new double[0];
		for (int i = 0; i < local.length; i++) {
			scores[i] += this.params.examplesWeight() * local[i];
		}
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
		int best = (n > 0 && scores[order[0]] > 0) ? order[0] : -1;
		int[] top = new int[Math.min(MAX_RANKED, n)];
		double[] topScores = new double[top.length];
		int count = 0;
		for (int k = 0; k < top.length; k++) {
			if (scores[order[k]] <= 0) {
				break;
			}
			top[k] = order[k];
			topScores[k] = scores[order[k]];
			count++;
		}
		double nameCoverage = 0;
		double messageCoverage = 0;
		if (best >= 0) {
			double total = 0;
			double covered = 0;
			for (Map.Entry<String, Double> e : this.index.nameTerms.get(best).entrySet()) {
				total += e.getValue();
				covered += e.getValue() * Math.min(1.0, reach.getOrDefault(e.getKey(), 0.0));
			}
			nameCoverage = (total > 0) ? covered / total : 0;
			messageCoverage = hits[best] / (double) direct.size();
		}
		return new Features(best, Arrays.copyOf(top, count), Arrays.copyOf(topScores, count),
				(best >= 0) ? directScores[best] : 0, direct.size(), n, nameCoverage, messageCoverage,
				(best >= 0) ? this.index.confusability[best] : 0, (best >= 0 && best < local.length) ? local[best] : 0);
	}

	private int accumulate(String term, double weight, double[] best, int[] touched, int touchedCount,
			double[] directScores) {
		ServiceIndex.Posting p = this.index.postings.get(term);
		if (p == null) {
			return touchedCount;
		}
		int count = touchedCount;
		for (int k = 0; k < p.services().length; k++) {
			int i = p.services()[k];
			double v = weight * p.weights()[k];
			if (directScores != null) {
				directScores[i] += v;
			}
			if (best[i] == 0) {
				touched[count++] = i;
			}
			if (v > best[i]) {
				best[i] = v;
			}
		}
		return count;
	}

	/**
	 * The numbers calibration works from.
	 *
	 * @param best index of the best service, -1 when none scored
	 * @param top indexes of the top services, best first
	 * @param topScores their scores
	 * @param directBest the best service's score from the message's own terms only
	 * @param terms how many distinct terms the message had
	 * @param catalogSize number of services in the catalog
	 * @param nameCoverage share of the best service's (weighted) name the message covers
	 * @param messageCoverage share of the message's terms that matched the best service
	 * @param confusability how much the best service's name overlaps another service's
	 * @param examplesVote the city's past requests' vote for the best service (0 without)
	 */
	record Features(int best, int[] top, double[] topScores, double directBest, int terms, int catalogSize,
			double nameCoverage, double messageCoverage, double confusability, double examplesVote) {

		double s1() {
			return (this.topScores.length > 0) ? this.topScores[0] : 0;
		}

		double s2() {
			return (this.topScores.length > 1) ? this.topScores[1] : 0;
		}

	}

	/**
	 * Scoring weights (tuned on the development split only).
	 *
	 * @param lengthExponent how strongly long service descriptions are normalized
	 * @param relatedWeight weight of curated related concepts
	 * @param learnedWeight weight of learned associations
	 * @param examplesWeight weight of the city's own past requests
	 * @param decay weight of each further matching message term relative to the previous
	 */
	record Params(double lengthExponent, double relatedWeight, double learnedWeight, double examplesWeight,
			double decay) {

		static final Params DEFAULT = new Params(0.8, 1.0, 1.0, 3.0, 0.8);

	}

}
