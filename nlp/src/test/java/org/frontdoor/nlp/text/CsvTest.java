package org.frontdoor.nlp.text;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

	@Test
	void parsesQuotesEscapesAndNewlines() throws IOException {
		List<List<String>> rows = Csv
			.parse(new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\nlast,"), 100);
		assertThat(rows).containsExactly(List.of("a", "b"), List.of("x, y", "say \"hi\""), List.of("multi\nline", "z"),
				List.of("last", ""));
	}

	@Test
	void stopsAtTheLimit() throws IOException {
		assertThat(Csv.parse(new StringReader("1\n2\n3\n4\n"), 2)).hasSize(2);
	}

}
