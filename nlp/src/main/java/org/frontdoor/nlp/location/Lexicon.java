package org.frontdoor.nlp.location;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word tables of {@code lexicon.txt}: one set (or phrase map) per section.
 */
final class Lexicon {

	private static final Lexicon INSTANCE = load();

	private final Map<String, Set<String>> sets;

	private final Map<String, Map<String, String>> maps;

	private Lexicon(Map<String, Set<String>> sets, Map<String, Map<String, String>> maps) {
		this.sets = sets;
		this.maps = maps;
	}

	static Lexicon get() {
		return INSTANCE;
	}

	private static Lexicon load() {
		Map<String, Set<String>> sets = new HashMap<>();
		Map<String, Map<String, String>> maps = new HashMap<>();
		try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.txt")) {
			if (in == null) {
				throw new IllegalStateException("missing lexicon.txt");
			}
			BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String section = null;
			for (String line = r.readLine(); line != null; line = r.readLine()) {
				String l = line.strip();
				if (l.isEmpty() || l.startsWith("#")) {
					continue;
				}
				if (l.startsWith("[") && l.endsWith("]")) {
					section = l.substring(1, l.length() - 1);
					sets.putIfAbsent(section, new HashSet<>());
					maps.putIfAbsent(section, new LinkedHashMap<>());
					continue;
				}
				if (section == null) {
					continue;
				}
				if (l.contains("=")) {
					int eq = l.indexOf('=');
					String phrase = l.substring(0, eq).replace('_', ' ');
					maps.get(section).put(phrase, l.substring(eq + 1));
					sets.get(section).add(phrase);
					continue;
				}
				for (String w : l.split("\\s+")) {
					sets.get(section).add(w.replace('_', ' '));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Set<String>> frozenSets = new HashMap<>();
		sets.forEach((k, v) -> frozenSets.put(k, Set.copyOf(v)));
		Map<String, Map<String, String>> frozenMaps = new HashMap<>();
		maps.forEach((k, v) -> frozenMaps.put(k, v));
		return new Lexicon(frozenSets, frozenMaps);
	}

	boolean in(String section, String word) {
		Set<String> set = this.sets.get(section);
		return set != null && set.contains(word);
	}

	Set<String> set(String section) {
		return this.sets.getOrDefault(section, Set.of());
	}

	Map<String, String> map(String section) {
		return this.maps.getOrDefault(section, Map.of());
	}

	/** The phrases of a map section, longest first (in words). */
	List<String[]> phrasesLongestFirst(String section) {
		List<String[]> phrases = new ArrayList<>();
		for (String p : map(section).keySet()) {
			phrases.add(p.split(" "));
		}
		phrases.sort((a, b) -> Integer.compare(b.length, a.length));
		return phrases;
	}

}
