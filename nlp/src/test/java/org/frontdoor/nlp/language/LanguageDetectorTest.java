package org.frontdoor.nlp.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

	private final LanguageDetector detector = LanguageDetector.standard();

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			hola                                                           | ES
			bache                                                          | ES
			si                                                             | ES
			sí                                                             | ES
			gracias                                                        | ES
			BAJA                                                           | ES
			basura tirada                                                  | ES
			hay un bache enorme                                            | ES
			la luz de la calle no funciona                                 | ES
			la luz de la calle no funciona en la esquina de belmont y mt auburn | ES
			¿cuándo van a arreglar la banqueta?                            | ES
			ok                                                             | EN
			hi                                                             | EN
			yes                                                            | EN
			pothole                                                        | EN
			thanks!                                                        | EN
			STOP                                                           | EN
			big pot hole cor of mass ave & prospect, almost lost a tire    | EN
			no light on my street                                          | EN
			the streetlight is flickering                                  | EN
			""")
	void detects(String text, Language expected) {
		assertThat(this.detector.detect(text, null).language()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" keeps the hint")
	@CsvSource(delimiter = '|', textBlock = """
			ok
			123
			no
			👍
			''
			""")
	void textWithoutEvidenceKeepsTheResidentsLanguage(String text) {
		LanguageGuess spanish = this.detector.detect(text, Language.ES);
		assertThat(spanish.language()).isEqualTo(Language.ES);
		assertThat(spanish.fromEvidence()).isFalse();
		assertThat(this.detector.detect(text, Language.EN).language()).isEqualTo(Language.EN);
	}

	@Test
	void strongEvidenceOverridesTheHint() {
		assertThat(this.detector.detect("hay basura en la calle", Language.EN).language()).isEqualTo(Language.ES);
		assertThat(this.detector.detect("there is trash on the street", Language.ES).language()).isEqualTo(Language.EN);
	}

	@Test
	void noEvidenceWithoutHintIsEnglish() {
		LanguageGuess guess = this.detector.detect("مرحبا 你好", null);
		assertThat(guess.language()).isEqualTo(Language.EN);
		assertThat(guess.confidence()).isEqualTo(0.5);
	}

	@ParameterizedTest
	@CsvSource({ "es, ES", "ES, ES", "es-MX, ES", "spanish, ES", "español, ES", "en, EN", "en-US, EN", "english, EN" })
	void parsesCodes(String code, Language expected) {
		assertThat(Language.fromCode(code)).contains(expected);
	}

}
