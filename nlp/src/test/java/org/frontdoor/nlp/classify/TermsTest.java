package org.frontdoor.nlp.classify;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TermsTest {

	private static final Knowledge KNOWLEDGE = Knowledge.builtIn();

	private static List<String> terms(String text) {
		Vocabulary v = new Vocabulary(KNOWLEDGE.lexicon(), KNOWLEDGE.speller(), null, KNOWLEDGE.known());
		return Terms.of(text, v, -1, -1).stream().map(Terms.Term::term).toList();
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			big pot hole                               | big pothole
			Potholes!!                                 | pothole
			baches                                     | pothole
			streetlite out                             | streetlight out
			street lights are not working              | streetlight broken
			la luz de la calle no funciona             | streetlight broken
			hi there, grafitti plz thx                 | graffiti
			basura tirada                              | trash dumping
			the trash can is overflowing               | trash container overflowing
			stop light                                 | traffic signal
			https://x.co/abc 617-555-0123 me@x.org 😡  | ''
			""")
	void normalizes(String text, String expected) {
		assertThat(String.join(" ", terms(text))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "potholes, pothole", "bodies, body", "boxes, box", "grass, grass", "bus, bus", "leaves, leaves",
			"lights, light", "cars, car", "gas, gas" })
	void stems(String word, String stem) {
		assertThat(Terms.stem(word)).isEqualTo(stem);
	}

}
