package org.frontdoor.nlp.classify;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CityExamplesTest {

	private static final Catalog CATALOG = Catalog.of(List.of(CatalogService.of("ROW", "Right of Way Maintenance"),
			CatalogService.of("SL", "Street Light Repair"), CatalogService.of("CE", "Code Enforcement")));

	@Test
	void aCitysOwnPastRequestsTeachItsVocabulary() throws IOException {
		String text = "kudzu taking over the corner";
		ServiceClassifier without = ServiceClassifier.forCatalog(CATALOG);
		assertThat(without.classify(text).top()).isEmpty();
		CityExamples examples = CityExamples.read(new StringReader("""
				text,service_code
				kudzu growing over the sidewalk,ROW
				"Kudzu everywhere, please cut back",ROW
				kudzu on the guard rail,ROW
				light pole leaning,SL
				junk cars in the yard,CE
				"multi-line
				text, kudzu",ROW
				,ROW
				no code,
				something,UNKNOWN-CODE
				"""));
		assertThat(examples.size()).isEqualTo(7);
		assertThat(examples.problems()).anyMatch((p) -> p.contains("2 example rows"));
		ServiceClassifier with = ServiceClassifier.forCatalog(CATALOG, examples);
		assertThat(with.classify(text).top()).get().extracting((r) -> r.service().code()).isEqualTo("ROW");
		assertThat(with.classify("the street light is out").top()).get()
			.extracting((r) -> r.service().code())
			.isEqualTo("SL");
	}

	@Test
	void aHeaderIsRequired() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CityExamples.read(new StringReader("foo,bar\nkudzu,ROW\n")))
			.withMessageContaining("'text' and 'service_code'");
	}

}
