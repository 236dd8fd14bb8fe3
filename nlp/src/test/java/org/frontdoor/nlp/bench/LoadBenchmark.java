package org.frontdoor.nlp.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.frontdoor.nlp.AnalysisRequest;
import org.frontdoor.nlp.Analyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: building the first {@link Analyzer} in a fresh JVM (built-in knowledge,
 * CoreNLP tokenizer, Chicago's 191-service catalog) and analyzing one message; each fork
 * is a new JVM, so each measurement is a cold load. The {@code retainedHeapMb} counter
 * ({@link HeapFootprint}) is the heap the analyzer holds after a full GC (the NLP part's
 * footprint).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class LoadBenchmark {

	private Analyzer keep;

	@Benchmark
	public Object coldLoad(HeapFootprint footprint) throws IOException {
		this.keep = Analyzer.builder(AnalyzeBenchmark.load("chicago-service_codes.json")).build();
		Object result = this.keep.analyze(AnalysisRequest.of("big pot hole on elm st, almost lost a tire"));
		footprint.loaded();
		return result;
	}

}
