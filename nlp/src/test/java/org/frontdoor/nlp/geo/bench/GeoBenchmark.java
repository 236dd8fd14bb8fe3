package org.frontdoor.nlp.geo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

import org.frontdoor.nlp.geo.GeoPoint;
import org.frontdoor.nlp.geo.GeocodeResult;
import org.frontdoor.nlp.geo.Geocoder;
import org.frontdoor.nlp.geo.Geocoders;
import org.frontdoor.nlp.geo.ReverseResult;
import org.frontdoor.nlp.location.LocationExtractor;
import org.frontdoor.nlp.location.LocationMention;

/**
 * Warm, single-threaded latency of the "where is it?" path, sampled per call (JMH
 * SampleTime reports p50/p99): {@code extract} over every message of the location
 * evaluation sets (real SeeClickFix text and the Cambridge set), {@code forward} over the
 * mentions found in them (built-in Cambridge gazetteer), {@code reverse} over random
 * points in and around Cambridge (a third outside the boundary).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeoBenchmark {

	private final LocationExtractor extractor = LocationExtractor.standard();

	private final Geocoder geocoder = Geocoders.create("gazetteer", Map.of());

	private final List<String> texts = new ArrayList<>();

	private final List<LocationMention> mentions = new ArrayList<>();

	private final List<GeoPoint> points = new ArrayList<>();

	private int nextText;

	private int nextMention;

	private int nextPoint;

	@Setup
	public void load() throws IOException {
		var json = JsonMapper.builder().build();
		for (String set : new String[] { "seeclickfix-dev.jsonl", "seeclickfix-heldout.jsonl",
				"cambridge-geocode.jsonl" }) {
			try (InputStream in = GeoBenchmark.class.getResourceAsStream("/eval/location/" + set);
					BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				for (String line = r.readLine(); line != null; line = r.readLine()) {
					this.texts.add(json.readTree(line).path("text").asString());
				}
			}
		}
		for (String t : this.texts) {
			this.extractor.extract(t).ifPresent(this.mentions::add);
		}
		double[] bbox = this.geocoder.city().boundary().bbox();
		Random random = new Random(42);
		for (int i = 0; i < 5000; i++) {
			this.points.add(new GeoPoint(bbox[1] + random.nextDouble() * (bbox[3] - bbox[1]),
					bbox[0] + random.nextDouble() * (bbox[2] - bbox[0])));
		}
	}

	@Benchmark
	public Object extract() {
		String text = this.texts.get(this.nextText++ % this.texts.size());
		return this.extractor.extract(text);
	}

	@Benchmark
	public GeocodeResult forward() {
		return this.geocoder.forward(this.mentions.get(this.nextMention++ % this.mentions.size()));
	}

	@Benchmark
	public ReverseResult reverse() {
		return this.geocoder.reverse(this.points.get(this.nextPoint++ % this.points.size()));
	}

}
