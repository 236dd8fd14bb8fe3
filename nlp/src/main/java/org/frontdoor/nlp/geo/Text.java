package org.frontdoor.nlp.geo;

/** String distances for typo-tolerant lookups. */
final class Text {

	private Text() {
	}

	/**
	 * Optimal string alignment distance (Damerau-Levenshtein with adjacent
	 * transpositions), stopping early above a limit.
	 * @param a one string
	 * @param b the other
	 * @param limit the largest distance of interest
	 * @return the distance, or {@code limit + 1} when larger
	 */
	static int damerau(String a, String b, int limit) {
		int n = a.length();
		int m = b.length();
		if (Math.abs(n - m) > limit) {
			return limit + 1;
		}
		int[] prev2 = new int[m + 1];
		int[] prev = new int[m + 1];
		int[] cur = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			cur[0] = i;
			int rowMin = cur[0];
			for (int j = 1; j <= m; j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					v = Math.min(v, prev2[j - 2] + 1);
				}
				cur[j] = v;
				rowMin = Math.min(rowMin, v);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
			int[] t = prev2;
			prev2 = prev;
			prev = cur;
			cur = t;
		}
		return Math.min(prev[m], limit + 1);
	}

}
