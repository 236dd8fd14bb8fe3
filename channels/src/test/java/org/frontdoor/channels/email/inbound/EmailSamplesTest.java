package org.frontdoor.channels.email.inbound;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import org.frontdoor.channels.core.Channel;
import org.frontdoor.channels.core.InboundMedia;
import org.frontdoor.channels.core.InboundMessage;
import org.frontdoor.channels.email.EmailMetadata;
import org.frontdoor.channels.email.support.InMemoryDeadLetterSink;
import org.frontdoor.channels.email.support.InMemoryInboundMessageStore;
import org.frontdoor.channels.core.InMemoryMediaStore;
import org.frontdoor.channels.email.support.Samples;
import org.frontdoor.channels.email.support.TestEmailProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real mail fixture through the whole inbound pipeline (parse, loop rules, quote
 * stripping, photos, metadata, store or dead letter), against the expectations kept as
 * data in {@code src/test/resources/email/expectations.csv}.
 */
class EmailSamplesTest {

	private static final String EXPECTATIONS = "/email/expectations.csv";

	@ParameterizedTest(name = "{0} → {1}")
	@CsvFileSource(resources = EXPECTATIONS, delimiter = '|', numLinesToSkip = 1, maxCharsPerColumn = 10_000)
	void fixtureHasTheExpectedOutcome(String file, String decision, String subject, String text, String absent,
			String photos, int ignored, String metadata) {
		InMemoryInboundMessageStore store = new InMemoryInboundMessageStore();
		InMemoryMediaStore media = new InMemoryMediaStore();
		InMemoryDeadLetterSink deadLetters = new InMemoryDeadLetterSink();
		EmailIngestService service = EmailIngestService.create(TestEmailProperties.defaults(), store, media,
				deadLetters);
		byte[] raw = Samples.mail(file);

		EmailIngestService.Outcome outcome = service.ingest(raw, null);

		String[] expected = decision.split("/");
		assertThat(outcome.decision().action().name()).as("action").isEqualToIgnoringCase(expected[0]);
		if (expected.length > 1) {
			assertThat(outcome.decision().reason().code()).as("reason").isEqualTo(expected[1]);
		}
		switch (outcome.decision().action()) {
			case IGNORE -> {
				assertThat(store.accepted()).as("ignored mail is never stored").isEmpty();
				assertThat(deadLetters.letters()).isEmpty();
				assertThat(media.size()).isZero();
			}
			case REJECT -> {
				assertThat(store.accepted()).isEmpty();
				assertThat(deadLetters.letters()).singleElement().satisfies((letter) -> {
					assertThat(letter.source()).isEqualTo(EmailIngestService.DEAD_LETTER_SOURCE);
					assertThat(letter.reason()).startsWith(expected[1]);
					assertThat(letter.payload()).isEqualTo(raw);
					assertThat(letter.contentType()).isEqualTo("message/rfc822");
				});
			}
			case PROCESS -> assertProcessed(store, media, outcome, subject, text, absent, photos, ignored, metadata);
		}
	}

	private static void assertProcessed(InMemoryInboundMessageStore store, InMemoryMediaStore media,
			EmailIngestService.Outcome outcome, String subject, String text, String absent, String photos, int ignored,
			String metadata) {
		assertThat(store.accepted()).singleElement().isSameAs(outcome.message());
		InboundMessage message = outcome.message();
		assertThat(message.channel()).isEqualTo(Channel.EMAIL);
		assertThat(message.provider()).isEqualTo("imap");
		assertThat(message.providerMessageId()).startsWith("<").endsWith(">");
		assertThat(message.from()).startsWith("mailto:").contains("@");
		assertThat(message.to()).isEqualTo("mailto:" + TestEmailProperties.CITY);
		assertThat(message.threadKey()).isNotBlank();
		if (!"-".equals(subject)) {
			assertThat(message.subject()).as("subject").isEqualTo("(none)".equals(subject) ? null : subject);
		}
		if (text.startsWith("=")) {
			assertThat(message.text()).as("text").isEqualTo(unescape(text.substring(1)));
		}
		else if (text.startsWith("~")) {
			for (String phrase : unescape(text.substring(1)).split("&&")) {
				assertThat(message.text()).as("text").contains(phrase);
			}
		}
		if (absent != null) {
			for (String phrase : unescape(absent).split("&&")) {
				assertThat(message.text()).as("text without quoted/signature content").doesNotContain(phrase);
			}
		}
		String[] photoSpec = photos.split(":");
		assertThat(message.media()).as("photos").hasSize(Integer.parseInt(photoSpec[0]));
		assertThat(media.size()).isEqualTo(message.media().size());
		if (photoSpec.length > 1) {
			assertThat(message.media()).extracting(InboundMedia::contentType)
				.containsExactlyElementsOf(Arrays.asList(photoSpec[1].split(",")));
		}
		for (InboundMedia photo : message.media()) {
			assertThat(photo.storedMediaId()).isNotNull();
			assertThat(photo.sourceUrl()).isNull();
		}
		String ignoredNote = message.metadata().get(EmailMetadata.ATTACHMENTS_IGNORED);
		assertThat((ignoredNote == null) ? 0 : Integer.parseInt(ignoredNote.substring(0, ignoredNote.indexOf(':'))))
			.as("ignored attachments (%s)", ignoredNote)
			.isEqualTo(ignored);
		assertMetadata(message.metadata(), metadata);
		assertThat(message.metadata()).containsKeys(EmailMetadata.MESSAGE_ID, EmailMetadata.SENDER_AUTH,
				EmailMetadata.STATUS_UPDATES);
	}

	private static void assertMetadata(Map<String, String> actual, String spec) {
		if (spec == null || spec.isBlank()) {
			return;
		}
		for (String token : splitTokens(spec)) {
			if (token.startsWith("!")) {
				assertThat(actual).as("metadata").doesNotContainKey(token.substring(1));
			}
			else if (token.endsWith("?")) {
				assertThat(actual).as("metadata").containsKey(token.substring(0, token.length() - 1));
			}
			else if (token.contains("=")) {
				String key = token.substring(0, token.indexOf('='));
				assertThat(actual).as("metadata").containsEntry(key, token.substring(token.indexOf('=') + 1));
			}
			else {
				assertThat(actual).as("metadata").containsEntry(token, "true");
			}
		}
	}

	/**
	 * Tokens are space separated; a value after '=' may contain spaces up to the next
	 * key.
	 */
	private static List<String> splitTokens(String spec) {
		List<String> tokens = new ArrayList<>();
		for (String piece : spec.trim().split(" ")) {
			boolean startsKey = piece.matches("!?[a-z]+\\.[a-z.-]+[?=]?.*");
			if (!startsKey && !tokens.isEmpty()) {
				tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + " " + piece);
			}
			else {
				tokens.add(piece);
			}
		}
		return tokens;
	}

	private static String unescape(String value) {
		return value.replace("\\n", "\n").replace("\\\\", "\\");
	}

	@Test
	void everyFixtureHasAnExpectation() throws IOException, URISyntaxException {
		Path root = Path.of(EmailSamplesTest.class.getResource("/email/SOURCES.md").toURI()).getParent();
		Set<String> fixtures;
		try (Stream<Path> files = Files.walk(root)) {
			fixtures = files.filter(Files::isRegularFile)
				.map((path) -> root.relativize(path).toString().replace('\\', '/'))
				.filter((name) -> !name.endsWith(".md") && !name.endsWith(".csv"))
				.collect(Collectors.toCollection(TreeSet::new));
		}
		Set<String> rows = Files.readAllLines(root.resolve("expectations.csv"))
			.stream()
			.filter((line) -> !line.startsWith("#") && !line.startsWith("file|") && !line.isBlank())
			.map((line) -> line.substring(0, line.indexOf('|')))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(fixtures).hasSizeGreaterThanOrEqualTo(90);
		assertThat(rows).isEqualTo(fixtures);
	}

}
