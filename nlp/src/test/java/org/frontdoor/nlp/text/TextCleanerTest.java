package org.frontdoor.nlp.text;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextCleanerTest {

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			see https://example.com/a?b=1 now      | URL    | https://example.com/a?b=1
			mail me@example.org please             | EMAIL  | me@example.org
			call 617-555-0123                      | PHONE  | 617-555-0123
			call (617) 555-0123                    | PHONE  | (617) 555-0123
			#1042                                  | NUMBER | #1042
			""")
	void recognizesTokenKinds(String text, Token.Kind kind, String original) {
		List<Token> tokens = TextCleaner.tokenize(text);
		assertThat(tokens).anyMatch((t) -> t.kind() == kind && text.substring(t.begin(), t.end()).equals(original));
	}

	@Test
	void wordsAreFoldedAndSplit() {
		List<String> norms = TextCleaner.tokenize("Señal CAÍDA en la pot-hole/street")
			.stream()
			.filter(Token::isWord)
			.map(Token::norm)
			.toList();
		assertThat(norms).containsExactly("senal", "caida", "en", "la", "pot", "hole", "street");
	}

	@Test
	void offsetsPointIntoTheText() {
		String text = "Pothole at 45 Elm St";
		for (Token t : TextCleaner.tokenize(text)) {
			assertThat(text.substring(t.begin(), t.end())).isEqualTo(t.text());
		}
	}

	@Test
	void boundsLengthAndRemovesControls() {
		String big = "a".repeat(TextCleaner.MAX_CHARS * 3);
		TextCleaner.Bounded b = TextCleaner.bound(big);
		assertThat(b.truncated()).isTrue();
		assertThat(b.text()).hasSize(TextCleaner.MAX_CHARS);
		assertThat(b.originalLength()).isEqualTo(TextCleaner.MAX_CHARS * 3);
		TextCleaner.Bounded c = TextCleaner.bound("pot\u0000hole\uD800\uFFFD");
		assertThat(c.text()).isEqualTo("pot hole  ");
		assertThat(c.truncated()).isFalse();
		assertThat(TextCleaner.bound(null).text()).isEmpty();
	}

}
