package org.frontdoor.channels.email.inbound;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MailCharsetsTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			ISO-8859-1      | Peña, bache en la esquina
			ISO-8859-15     | 5 € de multa
			windows-1252    | “comillas” — guion
			windows-1251    | Яма на дороге
			KOI8-R          | Яма на дороге
			ISO-2022-JP     | 道路に穴があります
			Shift_JIS       | 道路に穴があります
			GB2312          | 路上有坑
			GBK             | 路上有坑
			Big5            | 路上有坑
			ks_c_5601-1987  | 도로에 구멍이 있어요
			ISO-8859-7      | Λακκούβα στο δρόμο
			UTF-8           | Bache en la calle Jesús ✔
			""")
	void decodesEachCharsetItsLabelNames(String label, String text) {
		Charset charset = MailCharsets.lookup(label);
		byte[] bytes = text.getBytes(charset);
		MailCharsets.Decoded decoded = MailCharsets.decode(bytes, label);
		assertThat(decoded.text()).isEqualTo(text);
		assertThat(decoded.fellBack()).isFalse();
	}

	@Test
	void utf7IsDecodedWithoutTheJdk() {
		byte[] utf7 = "Hi Mom -+Jjo--! A+ImIDkQ. Bache en la calle Jes+APo-s".getBytes(StandardCharsets.US_ASCII);
		assertThat(MailCharsets.decode(utf7, "UTF-7").text()).isEqualTo("Hi Mom -☺-! A≢Α. Bache en la calle Jesús");
		assertThat(MailCharsets.decode("1 +- 1".getBytes(StandardCharsets.US_ASCII), "unicode-1-1-utf-7").text())
			.isEqualTo("1 + 1");
	}

	@Test
	void anUnknownLabelFallsBackAndSaysSo() {
		byte[] latin1 = "Jesús".getBytes(StandardCharsets.ISO_8859_1);
		MailCharsets.Decoded decoded = MailCharsets.decode(latin1, "x-klingon");
		assertThat(decoded.text()).isEqualTo("Jesús");
		assertThat(decoded.charset()).isEqualTo("windows-1252");
		assertThat(decoded.fellBack()).isTrue();
		assertThat(MailCharsets.decode("Jesús".getBytes(StandardCharsets.UTF_8), "x-klingon").text())
			.isEqualTo("Jesús");
	}

	@Test
	void utf8UnderAWrongLabelIsStillReadAsUtf8() {
		byte[] utf8 = "Bache en la calle Jesús".getBytes(StandardCharsets.UTF_8);
		assertThat(MailCharsets.decode(utf8, "us-ascii").text()).isEqualTo("Bache en la calle Jesús");
		assertThat(MailCharsets.decode(utf8, null).text()).isEqualTo("Bache en la calle Jesús");
		byte[] cp1252 = "Jesús".getBytes(Charset.forName("windows-1252"));
		assertThat(MailCharsets.decode(cp1252, "utf-8").text()).isEqualTo("Jesús");
	}

	@Test
	void encodedWordsUseTheSameLeniency() {
		assertThat(EncodedWords.decode("=?utf-8?B?QmFjaGUg?= =?utf-8?B?ZW4gbGEgY2FsbGU=?="))
			.isEqualTo("Bache en la calle");
		assertThat(EncodedWords.decode("=?x-klingon?Q?Jes=FAs?= says hi")).isEqualTo("Jesús says hi");
		assertThat(EncodedWords.decode("=?ISO-8859-1?Q?Pe=F1a?= <pena@example.org>"))
			.isEqualTo("Peña <pena@example.org>");
		// a UTF-8 character split across two encoded-words
		assertThat(EncodedWords.decode("=?UTF-8?Q?Jes=C3?= =?UTF-8?Q?=BAs?=")).isEqualTo("Jesús");
	}

}
