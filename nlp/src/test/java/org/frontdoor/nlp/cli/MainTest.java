package org.frontdoor.nlp.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dir;

	static Path services;

	@BeforeAll
	static void copyCatalog() throws IOException {
		services = dir.resolve("services.json");
		try (InputStream in = MainTest.class.getResourceAsStream("/catalogs/sandbox-services.json")) {
			Files.write(services, in.readAllBytes());
		}
	}

	record Run(int code, String out, String err) {

		List<String> lines() {
			return this.out.lines().toList();
		}

	}

	static Run run(String input, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void analyzeKeepsOrderAndSurvivesBadLines() throws IOException {
		String input = """
				{"id":"a1","text":"big pot hole cor of mass ave & prospect, almost lost a tire","channel":"sms"}
				this is not json
				{"id":3,"text":"STOP"}
				{"id":"no-text"}
				{"id":{"nested":true},"text":"la luz de la calle no funciona"}
				{"id":"n","text":42}
				[1,2,3]

				{"id":"e","text":"","subject":"Graffiti on my fence","channel":"email"}
				{"id":"x","text":"ESTADO 1042"}
				""";
		Run r = run(input, "analyze", "--services", services.toString());
		assertThat(r.code()).isZero();
		List<String> lines = r.lines();
		assertThat(lines).hasSize(9);
		JsonNode first = JSON.readTree(lines.get(0));
		assertThat(first.get("id").asString()).isEqualTo("a1");
		assertThat(first.get("language").asString()).isEqualTo("en");
		assertThat(first.get("intent").asString()).isEqualTo("report");
		assertThat(first.get("service").get("code").asString()).isEqualTo("pothole");
		assertThat(first.get("service").get("decision").asString()).isIn("auto", "ask");
		assertThat(first.get("service").get("confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(first.get("alternatives").isArray()).isTrue();
		assertThat(first.has("location")).isTrue();
		JsonNode bad = JSON.readTree(lines.get(1));
		assertThat(bad.get("id").isNull()).isTrue();
		assertThat(bad.get("error").asString()).contains("not valid JSON");
		JsonNode stop = JSON.readTree(lines.get(2));
		assertThat(stop.get("intent").asString()).isEqualTo("stop");
		assertThat(stop.get("service").isNull()).isTrue();
		assertThat(JSON.readTree(lines.get(3)).get("error").asString()).contains("missing \"text\"");
		JsonNode spanish = JSON.readTree(lines.get(4));
		assertThat(spanish.get("id").get("nested").asBoolean()).isTrue();
		assertThat(spanish.get("language").asString()).isEqualTo("es");
		assertThat(spanish.get("service").get("code").asString()).isEqualTo("streetlight");
		assertThat(JSON.readTree(lines.get(5)).get("error").asString()).contains("must be a string");
		assertThat(JSON.readTree(lines.get(6)).get("error").asString()).contains("JSON object");
		JsonNode email = JSON.readTree(lines.get(7));
		assertThat(email.get("service").get("code").asString()).isEqualTo("graffiti");
		JsonNode status = JSON.readTree(lines.get(8));
		assertThat(status.get("intent").asString()).isEqualTo("status");
		assertThat(status.get("intent_arg").asString()).isEqualTo("1042");
	}

	@Test
	void anOverLongLineIsRefusedWithItsIdAndTheNextLineStillRuns() throws IOException {
		String input = "{\"id\":\"huge\",\"text\":\"" + "a".repeat(LineReader.MAX_LINE + 10) + "\"}\n"
				+ "{\"id\":\"next\",\"text\":\"graffiti on the wall\"}\n";
		Run r = run(input, "analyze", "--services", services.toString());
		assertThat(r.lines()).hasSize(2);
		JsonNode refused = JSON.readTree(r.lines().get(0));
		assertThat(refused.get("id").asString()).isEqualTo("huge");
		assertThat(refused.get("error").asString()).contains("line longer than");
		assertThat(JSON.readTree(r.lines().get(1)).get("service").get("code").asString()).isEqualTo("graffiti");
	}

	@Test
	void analyzeAcceptsServicesXml() throws IOException {
		Path xml = dir.resolve("services.xml");
		Files.writeString(xml,
				"""
						<?xml version="1.0" encoding="utf-8"?>
						<services>
						  <service><service_code>GR</service_code><service_name>Graffiti</service_name><metadata>true</metadata></service>
						  <service><service_code>PH</service_code><service_name>Potholes</service_name><metadata>false</metadata></service>
						</services>
						""");
		Run r = run("{\"id\":1,\"text\":\"tagging on the bridge\"}\n", "analyze", "--services", xml.toString());
		assertThat(r.code()).isZero();
		assertThat(JSON.readTree(r.lines().get(0)).get("service").get("code").asString()).isEqualTo("GR");
	}

	@Test
	void analyzeWithOddCatalogTypesReportsThemAndWorks() throws IOException {
		Path odd = dir.resolve("odd.json");
		Files.writeString(odd, """
				{"services":[{"service_code":7,"service_name":"Potholes","metadata":"true"},{"service_name":"no code"},
				{"service_code":8,"service_name":"Graffiti","keywords":["tag","spray"]}]}
				""");
		Run r = run("{\"id\":1,\"text\":\"pothole\"}\n", "analyze", "--services", odd.toString());
		assertThat(r.code()).isZero();
		assertThat(r.err()).contains("no service_code").contains("numeric service_code");
		assertThat(JSON.readTree(r.lines().get(0)).get("service").get("code").asString()).isEqualTo("7");
	}

	@Test
	void aBadServicesFileStopsWithAReason() throws IOException {
		Path bad = dir.resolve("bad.json");
		Files.writeString(bad, "{\"error\":\"forbidden\"}");
		Run r = run("", "analyze", "--services", bad.toString());
		assertThat(r.code()).isEqualTo(1);
		assertThat(r.err()).contains("no services found");
		Run missing = run("", "analyze", "--services", dir.resolve("nope.json").toString());
		assertThat(missing.code()).isEqualTo(1);
		assertThat(missing.err()).contains("cannot read catalog");
	}

	@Test
	void anUnknownGeocoderStopsWithAReason() {
		Run r = run("{\"id\":1,\"text\":\"pothole\"}\n", "analyze", "--services", services.toString(), "--geocoder",
				"carrier-pigeon");
		assertThat(r.code()).isEqualTo(1);
		assertThat(r.err()).contains("cannot start geocoder 'carrier-pigeon'");
		assertThat(r.out()).isEmpty();
	}

	@Test
	void usageErrors() {
		assertThat(run("", "frobnicate").code()).isEqualTo(2);
		Run noServices = run("", "analyze");
		assertThat(noServices.code()).isEqualTo(2);
		assertThat(noServices.err()).contains("--services is required").contains("usage: frontdoor-nlp analyze");
		assertThat(run("", "analyze", "--bogus").err()).contains("unknown option");
		assertThat(run("").code()).isEqualTo(2);
	}

	@Test
	void evaluateScoresALabeledFile() throws IOException {
		String labeled = """
				{"id":1,"text":"Giant pothole","service_code":"pothole"}
				{"id":2,"text":"Bent street sign","service_code":"sign"}
				{"id":3,"text":"Graffiti on the bridge","service_code":"graffiti","expected_location":null}
				{"id":4,"text":"Dead raccoon in center of roadway","service_code":"dead-animal"}
				{"id":5,"text":"Trash can is full, please empty","service_code":"trash-overflow"}
				{"id":6,"text":"the light is out","service_code":"traffic-signal"}
				{"id":7,"text":"pothole at 45 Elm St","service_code":null,"expected_location":{"kind":"address","text":"45 Elm St"}}
				{"id":8,"text":"something","service_code":"not-in-catalog"}
				broken line
				""";
		Run text = run(labeled, "evaluate", "--services", services.toString());
		assertThat(text.code()).isZero();
		assertThat(text.out()).contains("lines 9 (bad 1), service-labeled 6 (label not in catalog 1)")
			.contains("top-1 accuracy   83.3%")
			.contains("macro-F1")
			.contains("auto ")
			.contains("location mention recall")
			.contains("traffic-signal");
		Run json = run(labeled, "evaluate", "--services", services.toString(), "--json");
		JsonNode report = JSON.readTree(json.out());
		assertThat(report.get("labeled").asInt()).isEqualTo(6);
		assertThat(report.get("top1").asDouble()).isCloseTo(5 / 6.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(report.get("location_labeled").asInt()).isEqualTo(2);
		assertThat(report.get("worst_pairs").get(0).get("expected").asString()).isEqualTo("traffic-signal");
		assertThat(report.get("worst_pairs").get(0).get("predicted").asString()).isEqualTo("streetlight");
	}

	@Test
	void evaluateWithPerLineCatalogs() throws IOException {
		Path catalogs = dir.resolve("catalogs.json");
		Files.writeString(catalogs,
				"""
						{"city-a":[{"service_code":"p","service_name":"Potholes"},{"service_code":"g","service_name":"Graffiti"}],
						 "city-b":[{"service_code":"sl","service_name":"Street Light Out"},{"service_code":"t","service_name":"Trash"}]}
						""");
		String labeled = """
				{"id":1,"text":"big pothole","catalog":"city-a","service_code":"p"}
				{"id":2,"text":"light out on my street","catalog":"city-b","service_code":"sl"}
				{"id":3,"text":"light out on my street","catalog":"unknown-city","service_code":"sl"}
				""";
		JsonNode report = JSON.readTree(run(labeled, "evaluate", "--catalogs", catalogs.toString(), "--json").out());
		assertThat(report.get("labeled").asInt()).isEqualTo(2);
		assertThat(report.get("top1").asDouble()).isEqualTo(1.0);
		assertThat(report.get("errors").asInt()).isEqualTo(1);
	}

}
