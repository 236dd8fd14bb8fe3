package org.frontdoor.nlp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.frontdoor.nlp.Analysis;
import org.frontdoor.nlp.AnalysisRequest;
import org.frontdoor.nlp.Analyzer;
import org.frontdoor.nlp.classify.Catalog;
import org.frontdoor.nlp.classify.CatalogReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code analyze} per message, warm, single-threaded, without geocoding: the percentiles
 * (p50, p99) come from JMH's sample mode. Messages are the real reports of the sandbox
 * evaluation set (dev and held-out) plus commands, cycled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class AnalyzeBenchmark {

	/** The catalog: the sandbox's 21 services or Chicago's 191. */
	@Param({ "sandbox-services.json", "chicago-service_codes.json" })
	public String catalog;

	private Analyzer analyzer;

	private List<AnalysisRequest> messages;

	private int next;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.analyzer = Analyzer.builder(load(this.catalog)).build();
		this.messages = messages();
	}

	static Catalog load(String file) throws IOException {
		try (InputStream in = AnalyzeBenchmark.class.getResourceAsStream("/catalogs/" + file)) {
			return new CatalogReader().parse(in.readAllBytes()).catalog();
		}
	}

	static List<AnalysisRequest> messages() throws IOException {
		List<AnalysisRequest> out = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String part : List.of("dev", "heldout")) {
			try (InputStream in = AnalyzeBenchmark.class.getResourceAsStream("/eval/sandbox/" + part + ".jsonl")) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
					if (!line.isBlank()) {
						JsonNode n = json.readTree(line);
						out.add(AnalysisRequest.of(n.get("text").asString()));
					}
				}
			}
		}
		for (String command : List.of("STOP", "yes", "ESTADO 1042", "2", "gracias")) {
			out.add(AnalysisRequest.of(command));
		}
		return out;
	}

	@Benchmark
	public Analysis analyze() {
		AnalysisRequest r = this.messages.get(this.next);
		this.next = (this.next + 1) % this.messages.size();
		return this.analyzer.analyze(r);
	}

}
