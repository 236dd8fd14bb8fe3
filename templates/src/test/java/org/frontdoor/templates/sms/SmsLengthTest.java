package org.frontdoor.templates.sms;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.frontdoor.templates.sms.SmsEncoding.GSM_7;
import static org.frontdoor.templates.sms.SmsEncoding.UCS_2;

class SmsLengthTest {

	private static final String EMOJI = "\uD83D\uDE00";

	static Stream<Arguments> cases() {
		return Stream.of(
				// text, encoding, units, segments, why
				Arguments.of("", GSM_7, 0, 0, "empty"), Arguments.of("hello", GSM_7, 5, 1, "ascii"),
				Arguments.of("a".repeat(160), GSM_7, 160, 1, "exactly one GSM-7 message"),
				Arguments.of("a".repeat(161), GSM_7, 161, 2, "one septet over: concatenated at 153"),
				Arguments.of("a".repeat(306), GSM_7, 306, 2, "two full segments"),
				Arguments.of("a".repeat(307), GSM_7, 307, 3, "one over two segments"),
				Arguments.of("a".repeat(459), GSM_7, 459, 3, "three full segments"),
				Arguments.of("a".repeat(460), GSM_7, 460, 4, "one over three segments"),
				Arguments.of("{".repeat(80), GSM_7, 160, 1, "extension chars cost two septets"),
				Arguments.of("{".repeat(81), GSM_7, 162, 2, "81 extension chars overflow one message"),
				Arguments.of("^{}\\[~]|€", GSM_7, 18, 1, "the whole extension table"),
				Arguments.of("\f", GSM_7, 2, 1, "form feed is in the extension table"),
				Arguments.of("a".repeat(152) + "€" + "a".repeat(152), GSM_7, 306, 3,
						"an escape sequence never straddles segments: 306 septets take 3"),
				Arguments.of("a".repeat(151) + "€" + "a".repeat(153), GSM_7, 306, 2,
						"the same length with the euro inside the first segment takes 2"),
				Arguments.of("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà", GSM_7, 65, 1,
						"the special characters of the default alphabet"),
				Arguments.of("é ñ ü Ñ Ü ¿ ¡ à è ù ì ò Ç", GSM_7, 25, 1, "Spanish letters that are GSM-7"),
				Arguments.of("á", UCS_2, 1, 1, "á is not GSM-7"), Arguments.of("í", UCS_2, 1, 1, "í is not GSM-7"),
				Arguments.of("ó", UCS_2, 1, 1, "ó is not GSM-7"), Arguments.of("ú", UCS_2, 1, 1, "ú is not GSM-7"),
				Arguments.of("Á", UCS_2, 1, 1, "Á is not GSM-7"),
				Arguments.of("ç", UCS_2, 1, 1, "only the capital Ç is GSM-7"),
				Arguments.of("`", UCS_2, 1, 1, "backtick is not GSM-7"),
				Arguments.of("\t", UCS_2, 1, 1, "tab is not GSM-7"),
				Arguments.of("α", UCS_2, 1, 1, "lower-case Greek is not GSM-7"),
				Arguments.of("…", UCS_2, 1, 1, "the ellipsis character is not GSM-7"),
				Arguments.of("\u001B", UCS_2, 1, 1, "a literal escape is not a character"),
				Arguments.of("¿Dónde está?", UCS_2, 12, 1, "one accent makes the whole text UCS-2"),
				Arguments.of("{".repeat(70) + "á", UCS_2, 71, 2, "in UCS-2 extension chars cost one unit"),
				Arguments.of("á".repeat(70), UCS_2, 70, 1, "exactly one UCS-2 message"),
				Arguments.of("á".repeat(71), UCS_2, 71, 2, "one over: concatenated at 67"),
				Arguments.of("á".repeat(134), UCS_2, 134, 2, "two full UCS-2 segments"),
				Arguments.of("á".repeat(135), UCS_2, 135, 3, "one over two UCS-2 segments"),
				Arguments.of("á".repeat(201), UCS_2, 201, 3, "three full UCS-2 segments"),
				Arguments.of("á".repeat(202), UCS_2, 202, 4, "one over three UCS-2 segments"),
				Arguments.of(EMOJI, UCS_2, 2, 1, "an emoji is a surrogate pair: two units"),
				Arguments.of(EMOJI.repeat(35), UCS_2, 70, 1, "35 emoji fill one message"),
				Arguments.of(EMOJI.repeat(36), UCS_2, 72, 2, "36 emoji need two segments"),
				Arguments.of("á".repeat(66) + EMOJI + "á".repeat(66), UCS_2, 134, 3,
						"a surrogate pair never straddles segments: 134 units take 3"),
				Arguments.of("a".repeat(159) + EMOJI, UCS_2, 161, 3, "an emoji turns 160 GSM-7 chars into UCS-2"));
	}

	@ParameterizedTest(name = "{4}")
	@MethodSource("cases")
	void counts(String text, SmsEncoding encoding, int units, int segments, String why) {
		SmsLength length = SmsLength.of(text);
		assertThat(length.encoding()).as(why).isEqualTo(encoding);
		assertThat(length.units()).as(why).isEqualTo(units);
		assertThat(length.segments()).as(why).isEqualTo(segments);
	}

	@Test
	void nullCountsAsEmpty() {
		assertThat(SmsLength.of(null)).isEqualTo(new SmsLength(GSM_7, 0, 0));
	}

	@Test
	void fitsComparesSegments() {
		assertThat(SmsLength.of("a".repeat(459)).fits(3)).isTrue();
		assertThat(SmsLength.of("a".repeat(460)).fits(3)).isFalse();
	}

	@Test
	void capacities() {
		assertThat(GSM_7.capacity(1)).isEqualTo(160);
		assertThat(GSM_7.capacity(3)).isEqualTo(459);
		assertThat(UCS_2.capacity(1)).isEqualTo(70);
		assertThat(UCS_2.capacity(3)).isEqualTo(201);
		assertThatIllegalArgumentException().isThrownBy(() -> UCS_2.capacity(0));
	}

}
