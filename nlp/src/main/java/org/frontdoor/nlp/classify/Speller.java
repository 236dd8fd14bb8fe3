package org.frontdoor.nlp.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * Spelling correction against a known vocabulary with the symmetric-delete method: a word
 * and each vocabulary word are reduced by one deleted character and matched, then the
 * candidates are checked with the Damerau-Levenshtein distance (1 edit up to 6 letters, 2
 * from 7). "streetlite", "grafitti", "sidwalk", "potholl" find their word. Immutable and
 * thread-safe.
 */
final class Speller {

	private static final int MIN_LENGTH = 4;

	private final Map<String, Integer> frequency;

	private final Map<String, String[]> deletes;

	Speller(Map<String, Integer> frequency) {
		this.frequency = Map.copyOf(frequency);
		Map<String, String[]> index = new HashMap<>();
		for (String word : frequency.keySet()) {
			if (word.length() < MIN_LENGTH) {
				continue;
			}
			add(index, word, word);
			for (int i = 0; i < word.length(); i++) {
				add(index, word.substring(0, i) + word.substring(i + 1), word);
			}
		}
		this.deletes = Map.copyOf(index);
	}

	private static void add(Map<String, String[]> index, String key, String word) {
		String[] cur = index.get(key);
		if (cur == null) {
			index.put(key, new String[] { word });
			return;
		}
		for (String c : cur) {
			if (c.equals(word)) {
				return;
			}
		}
		String[] next = java.util.Arrays.copyOf(cur, cur.length + 1);
		next[cur.length] = word;
		index.put(key, next);
	}

	boolean knows(String word) {
		return this.frequency.containsKey(word);
	}

	/**
	 * The best known word within the allowed distance.
	 * @param word a word (folded)
	 * @return the correction and its distance, or {@code null}
	 */
	Correction correct(String word) {
		if (word.length() < MIN_LENGTH || word.length() > 30) {
			return null;
		}
		if (this.frequency.containsKey(word)) {
			return new Correction(word, 0);
		}
		int max = (word.length() >= 7) ? 2 : 1;
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		int bestFrequency = -1;
		for (int i = -1; i < word.length(); i++) {
			String key = (i < 0) ? word : word.substring(0, i) + word.substring(i + 1);
			String[] candidates = this.deletes.get(key);
			if (candidates == null) {
				continue;
			}
			for (String c : candidates) {
				int d = distance(word, c, max);
				if (d > max) {
					continue;
				}
				int f = this.frequency.getOrDefault(c, 0);
				if (d < bestDistance || (d == bestDistance && f > bestFrequency)) {
					best = c;
					bestDistance = d;
					bestFrequency = f;
				}
			}
		}
		return (best == null) ? null : new Correction(best, bestDistance);
	}

	/** Optimal string alignment distance, stopping early above {@code max}. */
	static int distance(String a, String b, int max) {
		if (Math.abs(a.length() - b.length()) > max) {
			return max + 1;
		}
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int rowMin = Integer.MAX_VALUE;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					v = Math.min(v, d[i - 2][j - 2] + 1);
				}
				d[i][j] = v;
				rowMin = Math.min(rowMin, v);
			}
			if (rowMin > max) {
				return max + 1;
			}
		}
		return d[a.length()][b.length()];
	}

	/**
	 * A corrected word.
	 *
	 * @param word the known word
	 * @param distance the edit distance
	 */
	record Correction(String word, int distance) {

	}

}
