package org.frontdoor.nlp.geo.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.frontdoor.nlp.bench.HeapFootprint;
import org.frontdoor.nlp.geo.GazetteerIndex;
import org.frontdoor.nlp.geo.Geocoder;
import org.frontdoor.nlp.geo.Geocoders;
import org.frontdoor.nlp.geo.GeoPoint;
import org.frontdoor.nlp.location.LocationExtractor;
import org.frontdoor.nlp.location.LocationMention;

/**
 * Cold start in a fresh JVM per fork: {@code gazetteer} loads the built-in index and
 * geocodes one address ({@code retainedHeapMb}: heap held by the loaded index after a
 * full GC, minus the baseline); {@code extractor} builds the standard location extractor
 * (gazetteer names, CoreNLP tokenizer, compiled TokensRegex rules) and extracts once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class GeoLoadBenchmark {

	private Object keep;

	@Benchmark
	public Object gazetteer(HeapFootprint footprint) {
		Geocoder g = Geocoders.create("gazetteer", Map.of());
		this.keep = GazetteerIndex.builtIn();
		Object r = g.forward(LocationMention.address("795", "massachusetts ave"));
		footprint.loaded();
		return r;
	}

	@Benchmark
	public Object extractor(HeapFootprint footprint) {
		LocationExtractor e = LocationExtractor.standard();
		this.keep = e;
		Object r = e.extract("big pot hole cor of mass ave & prospect");
		footprint.loaded();
		return r;
	}

	@Benchmark
	public Object reverseAfterLoad() {
		Geocoder g = Geocoders.create("gazetteer", Map.of());
		this.keep = g;
		return g.reverse(new GeoPoint(42.373853, -71.110996));
	}

}
