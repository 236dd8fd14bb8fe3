package org.frontdoor.templates.sms;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class Gsm7Test {

	static Stream<Arguments> transliterations() {
		return Stream.of(Arguments.of("¿Dónde está?", "¿Donde esta?"), Arguments.of("Dirección", "Direccion"),
				Arguments.of("ÁÍÓÚ áíóú", "AIOU aiou"),
				Arguments.of("Ñandú, pingüino, ¡qué!", "Ñandu, pingüino, ¡qué!"),
				Arguments.of("“quoted” ‘single’ – dash — long…", "\"quoted\" 'single' - dash - long..."),
				Arguments.of("a\u00A0b\u202Fc", "a b c"), Arguments.of("zero\u200Bwidth", "zerowidth"),
				Arguments.of("façade Ç", "facade Ç"), Arguments.of("Łódź ő", "Lodz o"), Arguments.of("1º 2ª", "1o 2a"),
				Arguments.of("tab\there", "tab here"), Arguments.of("Ωμέγα", "Ωμέγα"),
				Arguments.of("bache \uD83D\uDE97", "bache \uD83D\uDE97"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("transliterations")
	void transliterates(String in, String out) {
		assertThat(Gsm7.transliterate(in)).isEqualTo(out);
	}

	@Test
	void septets() {
		assertThat(Gsm7.septets('a')).isEqualTo(1);
		assertThat(Gsm7.septets('€')).isEqualTo(2);
		assertThat(Gsm7.septets('á')).isZero();
		assertThat(Gsm7.septets(0x1F600)).isZero();
		assertThat(Gsm7.isEncodable("¿Qué? ¡Sí!")).isFalse();
		assertThat(Gsm7.isEncodable("¿Qué? ¡Si!")).isTrue();
	}

	@Test
	void whenShorterTransliteratesOnlyIfItSavesSegments() {
		String saves = "Su reporte fue registrado con el numero 12345. Le avisaremos cuando haya novedades, gracias. ó";
		assertThat(SmsLength.of(saves).segments()).isEqualTo(2);
		assertThat(SmsTransliteration.WHEN_SHORTER.apply(saves)).endsWith(" o");

		String same = "¿Dónde está?";
		assertThat(SmsTransliteration.WHEN_SHORTER.apply(same)).isEqualTo(same);

		String emoji = "Dónde " + "x".repeat(80) + " \uD83D\uDE97";
		assertThat(SmsTransliteration.WHEN_SHORTER.apply(emoji)).as("still UCS-2 either way: keep the accents")
			.isEqualTo(emoji);
	}

	@Test
	void policies() {
		assertThat(SmsTransliteration.NEVER.apply("¿Dónde?")).isEqualTo("¿Dónde?");
		assertThat(SmsTransliteration.ALWAYS.apply("¿Dónde?")).isEqualTo("¿Donde?");
	}

}
