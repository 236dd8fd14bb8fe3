package org.frontdoor.nlp.language;

import java.util.Locale;
import java.util.Optional;

/** The languages FrontDoor understands and answers in. */
public enum Language {

	/** English. */
	EN,

	/** Spanish. */
	ES;

	/**
	 * The ISO 639-1 code.
	 * @return {@code en} or {@code es}
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * A language by code ("en", "ES", "es-MX", "spanish", "español").
	 * @param code the code or name
	 * @return the language, if known
	 */
	public static Optional<Language> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String c = code.strip().toLowerCase(Locale.ROOT);
		if (c.startsWith("es") || c.equals("spanish") || c.equals("espanol") || c.equals("español")
				|| c.equals("castellano")) {
			return Optional.of(ES);
		}
		if (c.startsWith("en") || c.equals("english") || c.equals("ingles") || c.equals("inglés")) {
			return Optional.of(EN);
		}
		return Optional.empty();
	}

}
