package org.frontdoor.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.frontdoor.nlp.classify.Catalog;
import org.frontdoor.nlp.classify.CatalogReader;
import org.frontdoor.nlp.classify.Decision;
import org.frontdoor.nlp.intent.Intent;
import org.frontdoor.nlp.language.Language;
import org.frontdoor.nlp.text.TextCleaner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzerTest {

	static Analyzer analyzer;

	@BeforeAll
	static void build() throws IOException {
		try (InputStream in = AnalyzerTest.class.getResourceAsStream("/catalogs/sandbox-services.json")) {
			Catalog catalog = new CatalogReader().parse(in.readAllBytes()).catalog();
			analyzer = Analyzer.builder(catalog).build();
		}
	}

	@Test
	void aSpanishReport() {
		Analysis a = analyzer.analyze(AnalysisRequest.of("hay un bache enorme en la calle"));
		assertThat(a.language().language()).isEqualTo(Language.ES);
		assertThat(a.intent().intent()).isEqualTo(Intent.REPORT);
		assertThat(a.classification().top()).get().extracting((r) -> r.service().code()).isEqualTo("pothole");
		assertThat(a.warnings()).isEmpty();
	}

	@Test
	void aCommandIsNotClassified() {
		Analysis a = analyzer.analyze(AnalysisRequest.of("STOP"));
		assertThat(a.intent().intent()).isEqualTo(Intent.STOP);
		assertThat(a.classification().decision()).isEqualTo(Decision.UNKNOWN);
		assertThat(a.classification().ranked()).isEmpty();
		assertThat(a.warnings()).isEmpty();
	}

	@Test
	void theLanguageHintDecidesWhenTheTextCannot() {
		Analysis a = analyzer.analyze(new AnalysisRequest("ok", null, "sms", Language.ES));
		assertThat(a.language().language()).isEqualTo(Language.ES);
		assertThat(a.intent().intent()).isEqualTo(Intent.YES);
	}

	static List<Object[]> badInputs() {
		StringBuilder big = new StringBuilder();
		while (big.length() < 100_000) {
			big.append("there is a pothole on main street and it is getting bigger every day. ");
		}
		byte[] bytes = new byte[5000];
		new Random(42).nextBytes(bytes);
		String binary = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
		StringBuilder controls = new StringBuilder();
		for (char c = 0; c < 32; c++) {
			controls.append(c).append("\uD800").append("\uFFFD");
		}
		return List.of(new Object[] { "empty", "", "empty text" }, new Object[] { "blank", "   \n\t ", "empty text" },
				new Object[] { "100 KB", big.toString(), "only the first " + TextCleaner.MAX_CHARS },
				new Object[] { "binary garbage", binary, null },
				new Object[] { "control characters and lone surrogates", controls.toString(), null },
				new Object[] { "mixed scripts", "pothole 坑洼 яма حفرة", null },
				new Object[] { "right to left", "\u202Eבור בכביש\u202C ‏حفرة في الشارع", "no service" },
				new Object[] { "emoji only", "😡😡😡🚧🚧", null });
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("badInputs")
	void badInputGivesAResultAndSaysWhy(String what, String text, String warning) {
		Analysis a = analyzer.analyze(AnalysisRequest.of(text));
		assertThat(a.language()).isNotNull();
		assertThat(a.intent()).isNotNull();
		assertThat(a.classification()).isNotNull();
		if (warning != null) {
			assertThat(a.warnings()).anyMatch((w) -> w.contains(warning));
		}
		if (a.classification().ranked().isEmpty() && a.intent().intent() == Intent.REPORT) {
			assertThat(a.warnings()).as(what).isNotEmpty();
		}
	}

	@Test
	void theBigTextIsStillClassified() {
		StringBuilder big = new StringBuilder();
		while (big.length() < 100_000) {
			big.append("there is a pothole on main street. ");
		}
		Analysis a = analyzer.analyze(AnalysisRequest.of(big.toString()));
		assertThat(a.classification().top()).get().extracting((r) -> r.service().code()).isEqualTo("pothole");
	}

	@Test
	void isThreadSafe() throws Exception {
		List<String> texts = List.of("pothole on elm", "streetlight out", "graffiti on the wall", "STOP",
				"basura tirada", "dead raccoon", "no light on my street", "car parked for weeks no plates");
		List<String> expected = texts.stream().map(AnalyzerTest::summary).toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> futures = new java.util.ArrayList<>();
			for (int round = 0; round < 50; round++) {
				for (String t : texts) {
					futures.add(pool.submit(() -> summary(t)));
				}
			}
			for (int i = 0; i < futures.size(); i++) {
				assertThat(futures.get(i).get()).isEqualTo(expected.get(i % texts.size()));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String summary(String text) {
		Analysis a = analyzer.analyze(AnalysisRequest.of(text));
		return a.intent().intent() + " "
				+ a.classification().top().map((r) -> r.service().code() + " " + r.confidence()).orElse("-") + " "
				+ a.classification().decision();
	}

}
