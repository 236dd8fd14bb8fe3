package org.frontdoor.channels.email.benchmark;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.channels.email.inbound.EmailIngestService;
import org.frontdoor.channels.email.support.InMemoryDeadLetterSink;
import org.frontdoor.channels.email.support.InMemoryInboundMessageStore;
import org.frontdoor.channels.email.support.MailFixtures;
import org.frontdoor.channels.email.support.Samples;
import org.frontdoor.channels.email.support.TestEmailProperties;

/**
 * CPU cost of turning one fetched mail into its durable outcome (parse, loop rules, quote
 * stripping, photo sanitizing, metadata; in-memory stores), per kind of mail. Run as
 * documented in the README (Benchmarks).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmailIngestBenchmark {

	private static final Map<String, String> FIXTURES = Map.of("gmail-reply", "talon/standard_reply_gmail.eml",
			"iphone-photo", "flanker/iphone.eml", "outlook-html-reply", "talon/html_reply_ms_outlook_2007.html",
			"nodemailer-rich", "mailparser/nodemailer.eml", "tnef-winmail", "mimekit/tnef_office365_koi8r_winmail.eml",
			"yahoo-240kb-png", "flanker/russian-attachment-yahoo.eml");

	@Param({ "gmail-reply", "iphone-photo", "outlook-html-reply", "nodemailer-rich", "tnef-winmail", "yahoo-240kb-png",
			"nested-8000" })
	public String mail;

	private byte[] raw;

	private EmailIngestService service;

	@Setup
	public void setUp() {
		this.raw = this.mail.equals("nested-8000") ? MailFixtures.deeplyNested("resident@example.org", 8000)
				: Samples.mail(FIXTURES.get(this.mail));
		this.service = EmailIngestService.create(TestEmailProperties.defaults(), new InMemoryInboundMessageStore(),
				new CountingMediaStore(), new InMemoryDeadLetterSink());
	}

	@Benchmark
	public EmailIngestService.Outcome ingest() {
		return this.service.ingest(this.raw, Instant.EPOCH);
	}

	/** Keeps nothing (the benchmark saves the same photo millions of times). */
	static final class CountingMediaStore implements MediaStore {

		private final AtomicLong saved = new AtomicLong();

		@Override
		public StoredMedia save(byte[] bytes, String contentType, String filename) {
			return new StoredMedia(Long.toString(this.saved.incrementAndGet()), contentType, bytes.length, null);
		}

		@Override
		public Optional<StoredMedia> find(String id) {
			return Optional.empty();
		}

	}

}
