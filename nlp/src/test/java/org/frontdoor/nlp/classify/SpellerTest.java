package org.frontdoor.nlp.classify;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpellerTest {

	private final Speller speller = new Speller(
			Map.of("streetlight", 10, "graffiti", 10, "sidewalk", 10, "pothole", 10, "garbage", 5, "garage", 3));

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(nullValues = "null", textBlock = """
			streetlihgt, streetlight
			stretlight, streetlight
			grafitti, graffiti
			graffitti, graffiti
			sidwalk, sidewalk
			sidewlak, sidewalk
			pothol, pothole
			potohle, pothole
			garbge, garbage
			sidewalk, sidewalk
			car, null
			xyzzyq, null
			""")
	void corrects(String word, String expected) {
		Speller.Correction c = this.speller.correct(word);
		assertThat((c != null) ? c.word() : null).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "kitten, sitting, 3", "ab, ba, 1", "pothole, pothole, 0", "abc, abcd, 1" })
	void distance(String a, String b, int d) {
		assertThat(Speller.distance(a, b, 5)).isEqualTo(d);
	}

}
