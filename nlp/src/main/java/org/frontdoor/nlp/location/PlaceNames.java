package org.frontdoor.nlp.location;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The place names of one city that the extractor looks for in text: street names (with
 * their written variants), landmark names and aliases, the city's own names (and
 * neighborhoods), and the other towns around it. Built from a gazetteer index (see the
 * README, "Geocoding"), never from capitalization.
 */
public final class PlaceNames {

	/**
	 * The classpath resource of the built-in gazetteer index (Cambridge, MA); its format
	 * is documented in the README and read here for its names only.
	 */
	public static final String BUILT_IN_RESOURCE = "/org/frontdoor/nlp/gazetteer/cambridge-ma.gaz.gz";

	private static volatile PlaceNames builtIn;

	private final String city;

	private final Set<String> cityNames;

	private final Map<String, String> towns;

	private final Set<String> streetPhrases;

	private final Map<String, List<String>> landmarkPhrases;

	private final int longestPhrase;

	/**
	 * First word of any phrase (street, landmark, town, city name) → the longest phrase
	 * it starts, in words.
	 */
	private final Map<String, Integer> firstWords;

	private PlaceNames(String city, Collection<String> cityNames, Collection<String> towns,
			Collection<String> streetPhrases, Map<String, List<String>> landmarkPhrases) {
		this.city = city;
		Set<String> names = new HashSet<>();
		for (String n : cityNames) {
			addIfNotBlank(names, StreetLexicon.fold(n));
		}
		addIfNotBlank(names, StreetLexicon.fold(city));
		this.cityNames = Set.copyOf(names);
		Map<String, String> t = new HashMap<>();
		for (String n : towns) {
			String f = StreetLexicon.fold(n);
			if (!f.isEmpty() && !this.cityNames.contains(f)) {
				t.put(f, n);
			}
		}
		this.towns = Map.copyOf(t);
		this.streetPhrases = Set.copyOf(streetPhrases);
		this.landmarkPhrases = Map.copyOf(landmarkPhrases);
		int longest = 1;
		for (String p : this.landmarkPhrases.keySet()) {
			longest = Math.max(longest, p.split(" ").length);
		}
		for (String p : this.streetPhrases) {
			longest = Math.max(longest, p.split(" ").length);
		}
		for (String p : this.towns.keySet()) {
			longest = Math.max(longest, p.split(" ").length);
		}
		this.longestPhrase = longest;
		Map<String, Integer> first = new HashMap<>();
		for (Collection<String> phrases : List.of(this.landmarkPhrases.keySet(), this.streetPhrases,
				this.towns.keySet(), this.cityNames)) {
			for (String phrase : phrases) {
				String[] words = phrase.split(" ");
				first.merge(words[0], words.length, Math::max);
			}
		}
		this.firstWords = Map.copyOf(first);
	}

	/**
	 * The longest phrase (in words) that starts with a folded word, 0 when none does.
	 * @param folded the folded word
	 * @return the length
	 */
	int longestStartingWith(String folded) {
		return this.firstWords.getOrDefault(folded, 0);
	}

	private static void addIfNotBlank(Set<String> set, String value) {
		if (!value.isBlank()) {
			set.add(value);
		}
	}

	/**
	 * No names at all: the extractor then relies on street types, numbers and phrasing
	 * only (any city, no gazetteer).
	 * @return the empty names
	 */
	public static PlaceNames none() {
		return new PlaceNames("", List.of(), List.of(), List.of(), Map.of());
	}

	/**
	 * Names given directly.
	 * @param city the city's name ("Cambridge")
	 * @param cityNames other names of places inside the city (neighborhoods)
	 * @param towns other towns around the city ("Somerville")
	 * @param streets street names as the city writes them, with aliases ("Massachusetts
	 * Ave", "Mass Ave")
	 * @param landmarks landmark name → its aliases
	 * @return the names
	 */
	public static PlaceNames of(String city, Collection<String> cityNames, Collection<String> towns,
			Collection<String> streets, Map<String, ? extends Collection<String>> landmarks) {
		Set<String> phrases = new HashSet<>();
		for (String s : streets) {
			addStreetVariants(phrases, s);
		}
		Map<String, List<String>> lm = new HashMap<>();
		landmarks.forEach((name, aliases) -> {
			addLandmarkPhrase(lm, StreetLexicon.fold(name), name);
			for (String a : aliases) {
				addLandmarkPhrase(lm, StreetLexicon.fold(a), name);
			}
		});
		return new PlaceNames(city, cityNames, towns, phrases, lm);
	}

	private static void addLandmarkPhrase(Map<String, List<String>> map, String phrase, String name) {
		if (phrase.isBlank()) {
			return;
		}
		List<String> names = map.computeIfAbsent(phrase, (k) -> new ArrayList<>(1));
		if (!names.contains(name)) {
			names.add(name);
		}
	}

	/**
	 * Adds the written forms under which a street is recognized without its type: the
	 * folded name without its type ("mt auburn"), the canonical one ("mount auburn").
	 */
	static void addStreetVariants(Set<String> phrases, String street) {
		StreetLexicon.StreetName parsed = StreetLexicon.parse(street);
		if (!parsed.base().isBlank()) {
			phrases.add(parsed.base());
		}
		List<String> words = new ArrayList<>(StreetLexicon.words(street));
		if (words.size() > 1 && StreetLexicon.type(words.get(words.size() - 1)) != null) {
			words.remove(words.size() - 1);
		}
		if (!words.isEmpty()) {
			phrases.add(String.join(" ", words));
		}
		if ("massachusetts".equals(parsed.base())) {
			phrases.add("mass");
		}
	}

	/**
	 * The names of the built-in gazetteer (Cambridge, MA), read once.
	 * @return the names
	 */
	public static PlaceNames builtIn() {
		PlaceNames names = builtIn;
		if (names == null) {
			synchronized (PlaceNames.class) {
				names = builtIn;
				if (names == null) {
					try (InputStream in = PlaceNames.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
						if (in == null) {
							throw new IllegalStateException("missing resource " + BUILT_IN_RESOURCE);
						}
						names = read(new GZIPInputStream(in));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					builtIn = names;
				}
			}
		}
		return names;
	}

	/**
	 * Reads the names from a gazetteer index (uncompressed stream; records {@code city},
	 * {@code cityname}, {@code town}, {@code street} and {@code landmark}, others
	 * ignored).
	 * @param in the index
	 * @return the names
	 * @throws IOException when the stream cannot be read
	 */
	public static PlaceNames read(InputStream in) throws IOException {
		String city = "";
		List<String> cityNames = new ArrayList<>();
		List<String> towns = new ArrayList<>();
		List<String> streets = new ArrayList<>();
		Map<String, Set<String>> landmarks = new HashMap<>();
		BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		for (String line = r.readLine(); line != null; line = r.readLine()) {
			int tab = line.indexOf('\t');
			if (tab < 0) {
				continue;
			}
			String type = line.substring(0, tab);
			switch (type) {
				case "city" -> city = line.split("\t", -1)[1];
				case "cityname" -> cityNames.add(line.substring(tab + 1));
				case "town" -> towns.add(line.substring(tab + 1));
				case "street" -> {
					String[] f = line.split("\t", -1);
					streets.add(f[2]);
					if (f.length > 3 && !f[3].isEmpty()) {
						streets.addAll(List.of(f[3].split("\\|")));
					}
				}
				case "landmark" -> {
					String[] f = line.split("\t", -1);
					Set<String> aliases = landmarks.computeIfAbsent(f[3], (k) -> new LinkedHashSet<>());
					if (f.length > 7 && !f[7].isEmpty()) {
						aliases.addAll(List.of(f[7].split("\\|")));
					}
				}
				case "boundary", "segment", "node", "pole" -> {
					// the names come first in the index: nothing more to read
					return of(city, cityNames, towns, streets, landmarks);
				}
				default -> {
				}
			}
		}
		return of(city, cityNames, towns, streets, landmarks);
	}

	/**
	 * The city's display name.
	 * @return the name, empty when unknown
	 */
	public String city() {
		return this.city;
	}

	/**
	 * Whether a folded phrase names the city or a place inside it ("cambridge", "east
	 * cambridge").
	 * @param folded the folded phrase
	 * @return whether it is this city
	 */
	public boolean isCityName(String folded) {
		return this.cityNames.contains(folded);
	}

	/**
	 * The display name of another town for a folded phrase ("somerville" → "Somerville").
	 * @param folded the folded phrase
	 * @return the town or {@code null}
	 */
	public String town(String folded) {
		return this.towns.get(folded);
	}

	/**
	 * Whether a folded phrase is a street of the city written without its type.
	 * @param folded the folded phrase ("mass", "mt auburn", "prospect")
	 * @return whether it is known
	 */
	public boolean isStreet(String folded) {
		return this.streetPhrases.contains(folded);
	}

	/**
	 * The landmark names for a folded phrase (a name or an alias).
	 * @param folded the folded phrase ("the common")
	 * @return the names, empty when none
	 */
	public List<String> landmarks(String folded) {
		return this.landmarkPhrases.getOrDefault(folded, List.of());
	}

	/**
	 * All landmark phrases (for typo-tolerant lookups).
	 * @return the folded phrases
	 */
	public Set<String> landmarkPhrases() {
		return this.landmarkPhrases.keySet();
	}

	/**
	 * The number of words of the longest phrase.
	 * @return the length
	 */
	int longestPhrase() {
		return this.longestPhrase;
	}

}
