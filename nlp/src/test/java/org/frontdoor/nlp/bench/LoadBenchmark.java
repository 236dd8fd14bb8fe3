package org.frontdoor.nlp.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;

import org.frontdoor.nlp.AnalysisRequest;
import org.frontdoor.nlp.Analyzer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold start: building the first {@link Analyzer} in a fresh JVM (built-in knowledge,
 * CoreNLP tokenizer, Chicago's 191-service catalog) and analyzing one message; each fork
 * is a new JVM, so each measurement is a cold load. The {@code retainedHeapMb} counter is
 * the heap still used by the analyzer after a full GC (the NLP part's footprint).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class LoadBenchmark {

	private Analyzer keep;

	/** The retained heap of the last loaded analyzer. */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Footprint {

		/** Megabytes of heap retained after a full GC, with the analyzer loaded. */
		public double retainedHeapMb;

		/** Megabytes of heap used after a full GC before loading. */
		public double baselineHeapMb;

		@Setup(Level.Iteration)
		public void baseline() {
			this.baselineHeapMb = usedAfterGc();
		}

	}

	static double usedAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
	}

	@Benchmark
	public Object coldLoad(Footprint footprint) throws IOException {
		this.keep = Analyzer.builder(AnalyzeBenchmark.load("chicago-service_codes.json")).build();
		Object result = this.keep.analyze(AnalysisRequest.of("big pot hole on elm st, almost lost a tire"));
		footprint.retainedHeapMb = usedAfterGc();
		return result;
	}

}
