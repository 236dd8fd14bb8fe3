package org.frontdoor.nlp.classify;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits a {@link Calibration} on labeled development reports: a ridge-regularized logistic
 * regression (Newton's method) of "the top service is right" on
 * {@link Calibration#FEATURES}; the AUTO threshold is the lowest probability at which the
 * AUTO decisions on the development data are at least as precise as asked; the ASK
 * threshold the probability under which the right service is rarely even in the top
 * three.
 */
public final class CalibrationFitter {

	private static final double RIDGE = 0.1;

	private final List<double[]> features = new ArrayList<>();

	private final List<int[]> outcomes = new ArrayList<>();

	/**
	 * Adds one labeled report.
	 * @param classifier the classifier for the report's catalog
	 * @param text the report text
	 * @param subject an email subject, or {@code null}
	 * @param maskBegin start of the location mention to ignore, or -1
	 * @param maskEnd end of it
	 * @param gold the right service code
	 */
	public void add(ServiceClassifier classifier, String text, String subject, int maskBegin, int maskEnd,
			String gold) {
		ServiceClassifier.Features f = classifier.score(text, subject, maskBegin, maskEnd);
		if (f == null || f.best() < 0) {
			this.features.add(null);
			this.outcomes.add(new int[] { 0, 0, 0 });
			return;
		}
		List<CatalogService> services = classifier.catalog().services();
		int rank = -1;
		for (int k = 0; k < f.top().length; k++) {
			if (services.get(f.top()[k]).code().equals(gold)) {
				rank = k;
				break;
			}
		}
		this.features.add(Calibration.features(f));
		this.outcomes.add(new int[] { (rank == 0) ? 1 : 0, (rank >= 0 && rank < 3) ? 1 : 0, (rank > 0) ? 1 : 0 });
	}

	/**
	 * Number of reports added.
	 * @return the count
	 */
	public int size() {
		return this.features.size();
	}

	/**
	 * Fits the calibration.
	 * @param targetPrecision the AUTO precision to reach on the development data (e.g.
	 * 0.96)
	 * @return the calibration
	 */
	public Calibration fit(double targetPrecision) {
		int d = Calibration.FEATURES.length + 1;
		double[] w = new double[d];
		List<double[]> xs = new ArrayList<>();
		List<Integer> ys = new ArrayList<>();
		for (int i = 0; i < this.features.size(); i++) {
			if (this.features.get(i) != null) {
				double[] x = new double[d];
				System.arraycopy(this.features.get(i), 0, x, 0, d - 1);
				x[d - 1] = 1;
				xs.add(x);
				ys.add(this.outcomes.get(i)[0]);
			}
		}
		for (int iter = 0; iter < 50; iter++) {
			double[] grad = new double[d];
			double[][] hess = new double[d][d];
			for (int i = 0; i < xs.size(); i++) {
				double[] x = xs.get(i);
				double p = sigmoid(dot(w, x));
				for (int a = 0; a < d; a++) {
					grad[a] += (p - ys.get(i)) * x[a];
					for (int b = 0; b < d; b++) {
						hess[a][b] += p * (1 - p) * x[a] * x[b];
					}
				}
			}
			for (int a = 0; a < d - 1; a++) {
				grad[a] += RIDGE * w[a];
				hess[a][a] += RIDGE;
			}
			hess[d - 1][d - 1] += 1e-6;
			double[] step = solve(hess, grad);
			double change = 0;
			for (int a = 0; a < d; a++) {
				w[a] -= step[a];
				change += Math.abs(step[a]);
			}
			if (change < 1e-8) {
				break;
			}
		}
		double[] weights = new double[d - 1];
		System.arraycopy(w, 0, weights, 0, d - 1);
		Calibration draft = new Calibration(weights, w[d - 1], 1.0, 0.0, 0.5);
		// Probabilities on the development data, with outcomes.
		TreeMap<Double, int[]> byP = new TreeMap<>();
		int errors = 0;
		int errorsInTop5 = 0;
		for (int i = 0; i < this.features.size(); i++) {
			int[] o = this.outcomes.get(i);
			double p = (this.features.get(i) == null) ? 0 : sigmoid(dot(w, append(this.features.get(i))));
			byP.merge(p, new int[] { 1, o[0], o[1] }, (a, b) -> new int[] { a[0] + b[0], a[1] + b[1], a[2] + b[2] });
			if (o[0] == 0) {
				errors++;
				errorsInTop5 += o[2];
			}
		}
		double auto = 1.0;
		int n = 0;
		int correct = 0;
		for (Map.Entry<Double, int[]> e : byP.descendingMap().entrySet()) {
			n += e.getValue()[0];
			correct += e.getValue()[1];
			if (n >= 10 && correct >= targetPrecision * n) {
				auto = e.getKey();
			}
		}
		double ask = 0.0;
		int below = 0;
		int belowTop3 = 0;
		for (Map.Entry<Double, int[]> e : byP.entrySet()) {
			below += e.getValue()[0];
			belowTop3 += e.getValue()[2];
			if (below >= 10 && belowTop3 < 0.3 * below) {
				ask = e.getKey();
			}
		}
		double share = (errors == 0) ? 0.5 : errorsInTop5 / (double) errors;
		return new Calibration(draft.weights(), draft.bias(), auto, Math.min(ask, auto), share);
	}

	/**
	 * Writes {@code calibration.properties} into a directory.
	 * @param calibration the calibration
	 * @param dir the directory
	 * @param comment a comment line (what it was fitted on)
	 * @throws IOException when writing fails
	 */
	public static void write(Calibration calibration, Path dir, String comment) throws IOException {
		Files.createDirectories(dir);
		try (Writer out = Files.newBufferedWriter(dir.resolve("calibration.properties"), StandardCharsets.UTF_8)) {
			out.write("# " + comment + "\n");
			out.write("# Fitted by CalibrationFitter (see SOURCES.md); features: "
					+ String.join(", ", Calibration.FEATURES) + "\n");
			for (Map.Entry<Object, Object> e : new TreeMap<>(calibration.toProperties()).entrySet()) {
				out.write(e.getKey() + "=" + e.getValue() + "\n");
			}
		}
	}

	private static double[] append(double[] f) {
		double[] x = new double[f.length + 1];
		System.arraycopy(f, 0, x, 0, f.length);
		x[f.length] = 1;
		return x;
	}

	private static double sigmoid(double z) {
		return 1.0 / (1.0 + Math.exp(-z));
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][n + 1];
		for (int i = 0; i < n; i++) {
			System.arraycopy(a[i], 0, m[i], 0, n);
			m[i][n] = b[i];
		}
		for (int c = 0; c < n; c++) {
			int pivot = c;
			for (int r = c + 1; r < n; r++) {
				if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
					pivot = r;
				}
			}
			double[] t = m[c];
			m[c] = m[pivot];
			m[pivot] = t;
			if (Math.abs(m[c][c]) < 1e-12) {
				continue;
			}
			for (int r = 0; r < n; r++) {
				if (r != c) {
					double f = m[r][c] / m[c][c];
					for (int k = c; k <= n; k++) {
						m[r][k] -= f * m[c][k];
					}
				}
			}
		}
		double[] x = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = (Math.abs(m[i][i]) < 1e-12) ? 0 : m[i][n] / m[i][i];
		}
		return x;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "CalibrationFitter[%d samples]", this.features.size());
	}

}
