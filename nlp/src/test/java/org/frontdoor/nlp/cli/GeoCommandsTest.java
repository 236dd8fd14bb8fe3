package org.frontdoor.nlp.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.frontdoor.nlp.geo.GazetteerIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gazetteer-build} and {@code geocode-evaluate} through the CLI's command table.
 */
class GeoCommandsTest {

	private record Run(int code, String out, String err) {

	}

	private static Run run(String input, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static Path fixture() throws URISyntaxException {
		return Path.of(GazetteerIndex.class.getResource("fixture/city.json").toURI()).getParent();
	}

	@Test
	void buildsAnIndexThatLoads(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("sub/index.gaz.gz");
		Run r = run("", "gazetteer-build", "--manifest", fixture().resolve("city.json").toString(), "--out",
				out.toString());
		assertThat(r.code()).as(r.err()).isZero();
		assertThat(r.out()).contains("city: Cambridge, MA").contains("poles: 40").contains("wrote " + out);
		assertThat(r.err()).contains("warning: aliases.csv line 5: unknown target 'Not A Place'");
		assertThat(GazetteerIndex.load(out).counts()).containsEntry("poles", 40);
		assertThat(Files.list(out.getParent())).hasSize(1);
	}

	@Test
	void buildFailsWithTheReasonForBadFiles(@TempDir Path dir) throws Exception {
		Path manifest = dir.resolve("city.json");
		Files.writeString(manifest, "{\"city\":{\"name\":\"Nowhere\"},\"boundary\":{\"file\":\"missing.geojson\"}}");
		Run r = run("", "gazetteer-build", "--manifest", manifest.toString(), "--out", dir.resolve("x.gz").toString());
		assertThat(r.code()).isEqualTo(1);
		assertThat(r.err()).contains("missing file").contains("missing.geojson");
		assertThat(dir.resolve("x.gz")).doesNotExist();
		Run usage = run("", "gazetteer-build", "--out", "x");
		assertThat(usage.code()).isEqualTo(2);
		assertThat(usage.err()).contains("--manifest is required");
	}

	@Test
	void evaluatesMentionsAndPoints() {
		String labeled = String.join("\n",
				"{\"id\":\"1\",\"text\":\"pothole at 795 mass ave\",\"expected_location\":{\"kind\":\"address\","
						+ "\"text\":\"795 mass ave\"},\"expected_point\":{\"lat\":42.367115,\"lon\":-71.105701}}",
				"{\"id\":\"2\",\"text\":\"light out corner of elm and norfolk ct\",\"expected_location\":"
						+ "{\"kind\":\"intersection\",\"text\":\"elm and norfolk ct\"},"
						+ "\"expected_point\":{\"lat\":42.367882,\"lon\":-71.098391}}",
				"{\"id\":\"3\",\"text\":\"pothole at 100 broadway in somerville\",\"expected_location\":"
						+ "{\"kind\":\"address\",\"text\":\"100 broadway\"},\"expected_point\":null}",
				"{\"id\":\"4\",\"text\":\"thanks so much\",\"expected_location\":null}", "not json", "");
		Run r = run(labeled, "geocode-evaluate", "--json");
		assertThat(r.code()).as(r.err()).isZero();
		JsonNode s = JsonMapper.builder().build().readTree(r.out());
		assertThat(s.path("messages").asInt()).isEqualTo(4);
		assertThat(s.path("mention_recall").asDouble()).isEqualTo(1.0);
		assertThat(s.path("point_within_tolerance").asDouble()).isEqualTo(1.0);
		assertThat(s.path("outside_or_unknown").asInt()).isEqualTo(1);
		assertThat(s.path("outside_accepted").asInt()).isZero();
		assertThat(r.err()).contains("line 5: skipped");
		Run text = run(labeled, "geocode-evaluate", "--errors");
		assertThat(text.out()).contains("location mention recall 100.0%").contains("points within tolerance 100.0%");
	}

	@Test
	void evaluatesWithoutAGazetteerForAnyCity() {
		String labeled = "{\"id\":\"1\",\"text\":\"Low branches on Lisch @ Indianola\",\"expected_location\":"
				+ "{\"kind\":\"intersection\",\"text\":\"Lisch @ Indianola\"}}";
		Run r = run(labeled, "geocode-evaluate", "--names", "none", "--geocoder", "none", "--json");
		assertThat(r.code()).as(r.err()).isZero();
		assertThat(r.out()).contains("\"mention_recall\":1.0").doesNotContain("point_within_tolerance");
	}

	@Test
	void unknownGeocoderIsAClearError() {
		Run r = run("", "geocode-evaluate", "--geocoder", "google");
		assertThat(r.code()).isEqualTo(1);
		assertThat(r.err()).contains("unknown geocoder 'google'");
		assertThat(Map.of()).isEmpty();
	}

}
