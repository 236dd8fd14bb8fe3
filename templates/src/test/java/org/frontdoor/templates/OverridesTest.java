package org.frontdoor.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A city's override directory: files replace built-in ones without a restart, and a
 * broken override never breaks a reply.
 */
class OverridesTest {

	private static final Path LOG = Path.of("target/templates-test.log");

	private static final String PII = "RESIDENT 617-555-0142 jane@example.org";

	@TempDir
	Path dir;

	private Templates templates() {
		return new Templates(Fixtures.config().withOverrideDir(this.dir).withCheckInterval(Duration.ZERO));
	}

	private void write(String path, String content) throws IOException {
		Path file = this.dir.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private RenderedMessage help(Templates templates) {
		return templates.render(TemplateKey.HELP, TemplateChannel.SMS, Locale.ENGLISH, Map.of());
	}

	@Test
	void aFileReplacesTheBuiltInOneAndNothingElse() throws IOException {
		write("sms/en/help.txt.mustache", "{{programName}} help desk: {{helpContact}}. Reply STOP to opt out.\n");
		Templates templates = templates();
		RenderedMessage help = help(templates);
		assertThat(help.text()).isEqualTo("Cambridge 311 help desk: " + Fixtures.CONTACT + ". Reply STOP to opt out.");
		assertThat(help.sources()).containsExactly("override:sms/en/help.txt.mustache");
		assertThat(templates.render(TemplateKey.HELP, TemplateChannel.SMS, Locale.forLanguageTag("es"), Map.of())
			.sources()).containsExactly("builtin:sms/es/help.txt.mustache");
		assertThat(templates.render(TemplateKey.HELP, TemplateChannel.CHAT, Locale.ENGLISH, Map.of()).sources())
			.containsExactly("builtin:chat/en/help.txt.mustache", "builtin:chat/en/help.quick.mustache");
	}

	@Test
	void whatsappSeesAnSmsOverrideUnlessItHasAFileOfItsOwn() throws IOException {
		write("sms/en/thanks-reply.txt.mustache", "Anytime!\n");
		write("sms/en/ask-location.txt.mustache", "Where?\n");
		Templates templates = templates();
		assertThat(
				templates.render(TemplateKey.THANKS_REPLY, TemplateChannel.WHATSAPP, Locale.ENGLISH, Map.of()).text())
			.isEqualTo("Anytime!");
		assertThat(templates.render(TemplateKey.ASK_LOCATION, TemplateChannel.WHATSAPP, Locale.ENGLISH, Map.of())
			.sources()).containsExactly("builtin:whatsapp/en/ask-location.txt.mustache");
	}

	@Test
	void newChangedAndDeletedFilesTakeEffectWithoutARestart() throws IOException {
		Templates templates = templates();
		assertThat(help(templates).sources()).containsExactly("builtin:sms/en/help.txt.mustache");

		write("sms/en/help.txt.mustache", "First.\n");
		assertThat(help(templates).text()).isEqualTo("First.");

		Path file = this.dir.resolve("sms/en/help.txt.mustache");
		Files.writeString(file, "Second!\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(help(templates).text()).isEqualTo("Second!");

		Files.delete(file);
		assertThat(help(templates).sources()).containsExactly("builtin:sms/en/help.txt.mustache");
	}

	@Test
	void withALongCheckIntervalChangesWaitForReload() throws IOException {
		Templates templates = new Templates(
				Fixtures.config().withOverrideDir(this.dir).withCheckInterval(Duration.ofHours(1)));
		assertThat(help(templates).sources()).containsExactly("builtin:sms/en/help.txt.mustache");
		write("sms/en/help.txt.mustache", "Reloaded.\n");
		assertThat(help(templates).sources()).as("not checked yet").containsExactly("builtin:sms/en/help.txt.mustache");
		templates.reload();
		assertThat(help(templates).text()).isEqualTo("Reloaded.");
	}

	@Test
	void aDirectoryCreatedAfterStartIsPickedUp() throws IOException {
		Path later = this.dir.resolve("not-yet");
		Templates templates = new Templates(Fixtures.config().withOverrideDir(later).withCheckInterval(Duration.ZERO));
		assertThat(help(templates).sources()).containsExactly("builtin:sms/en/help.txt.mustache");
		Files.createDirectories(later.resolve("sms/en"));
		Files.writeString(later.resolve("sms/en/help.txt.mustache"), "Late.\n");
		assertThat(help(templates).text()).isEqualTo("Late.");
	}

	@Test
	void brokenOverridesFallBackToTheBuiltInWithAWarningThatNamesTheFileButNoResidentData() throws IOException {
		write("sms/en/submitted.txt.mustache", "Filed #{{requestId}}{{#serviceName}} ({{serviceName}})\n");
		write("sms/en/confirm-location.txt.mustache", "Is it {{place}}? Your number is {{phone}}.\n");
		write("sms/en/duplicate-offer.txt.mustache", "Already #{{requestId}}. {{> missing-partial}}\n");
		Files.createDirectories(this.dir.resolve("sms/es"));
		Files.write(this.dir.resolve("sms/es/help.txt.mustache"), new byte[] { 'H', 'o', 'l', (byte) 0xE1, '\n' });
		write("sms/en/cancel-confirmation.txt.mustache", "   \n");
		Templates templates = templates();

		RenderedMessage submitted = templates.render(TemplateKey.SUBMITTED, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("requestId", "101", "serviceName", PII));
		assertThat(submitted.sources()).containsExactly("builtin:sms/en/submitted.txt.mustache");
		RenderedMessage confirm = templates.render(TemplateKey.CONFIRM_LOCATION, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("place", PII));
		assertThat(confirm.sources()).containsExactly("builtin:sms/en/confirm-location.txt.mustache");
		RenderedMessage duplicate = templates.render(TemplateKey.DUPLICATE_OFFER, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("requestId", "101", "place", PII));
		assertThat(duplicate.sources()).containsExactly("builtin:sms/en/duplicate-offer.txt.mustache");
		assertThat(duplicate.text()).startsWith("There's already an open report");
		RenderedMessage spanishHelp = templates.render(TemplateKey.HELP, TemplateChannel.SMS,
				Locale.forLanguageTag("es"), Map.of());
		assertThat(spanishHelp.sources()).containsExactly("builtin:sms/es/help.txt.mustache");
		RenderedMessage cancel = templates.render(TemplateKey.CANCEL_CONFIRMATION, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("serviceName", PII));
		assertThat(cancel.sources()).containsExactly("builtin:sms/en/cancel-confirmation.txt.mustache");

		String log = Files.readString(LOG);
		assertThat(log).contains("override:sms/en/submitted.txt.mustache is not used (unclosed section 'serviceName')")
			.contains("override:sms/en/confirm-location.txt.mustache is not used (unknown variable 'phone' at line 1)")
			.contains("override:sms/en/duplicate-offer.txt.mustache is not used (render failed:")
			.contains("override:sms/es/help.txt.mustache is not used (not valid UTF-8)")
			.contains("override:sms/en/cancel-confirmation.txt.mustache is not used (rendered nothing)")
			.doesNotContain("617-555-0142")
			.doesNotContain("jane@example.org");
	}

	@Test
	void htmlOverridesMayNotOutputUnescapedValues() throws IOException {
		write("email/en/submitted.html.mustache", "<p>Filed {{{serviceName}}}</p>\n");
		write("email/en/thanks-reply.html.mustache", "{{=<% %>=}}<p><%&requestId%></p>\n");
		write("email/en/help.html.mustache",
				"{{<layout}}{{$body}}<p>Ask {{cityName}} &amp; co.</p>{{/body}}{{/layout}}\n");
		Templates templates = templates();
		RenderedMessage submitted = templates.render(TemplateKey.SUBMITTED, TemplateChannel.EMAIL, Locale.ENGLISH,
				Map.of("requestId", "101", "serviceName", "<img src=x onerror=alert(1)>"));
		assertThat(submitted.sources()).contains("builtin:email/en/submitted.html.mustache");
		assertThat(submitted.html()).doesNotContain("<img");
		assertThat(
				templates.render(TemplateKey.THANKS_REPLY, TemplateChannel.EMAIL, Locale.ENGLISH, Map.of()).sources())
			.contains("builtin:email/en/thanks-reply.html.mustache");
		RenderedMessage help = templates.render(TemplateKey.HELP, TemplateChannel.EMAIL, Locale.ENGLISH, Map.of());
		assertThat(help.sources()).contains("override:email/en/help.html.mustache");
		assertThat(help.html()).contains("<p>Ask Cambridge &amp; co.</p>").contains("<!DOCTYPE html>");
		assertThat(Files.readString(LOG))
			.contains("override:email/en/submitted.html.mustache is not used (unescaped value 'serviceName'")
			.contains("override:email/en/thanks-reply.html.mustache is not used (delimiter changes are not allowed");
	}

	@Test
	void partialsAndLayoutsCanBeOverriddenToo() throws IOException {
		write("email/en/_layout.html.mustache", "<html lang=\"{{lang}}\"><body class=\"city\">{{$body}}{{/body}}"
				+ "<footer>{{programName}}</footer></body></html>\n");
		write("sms/en/_status.txt.mustache", "{{#statusIs.closed}}done{{/statusIs.closed}}"
				+ "{{^statusIs.closed}}{{status}}{{/statusIs.closed}}\n");
		Templates templates = templates();
		RenderedMessage email = templates.render(TemplateKey.THANKS_REPLY, TemplateChannel.EMAIL, Locale.ENGLISH,
				Map.of());
		assertThat(email.html()).startsWith("<html lang=\"en\"><body class=\"city\">")
			.endsWith("<footer>Cambridge 311</footer></body></html>\n");
		assertThat(templates
			.render(TemplateKey.STATUS_REPLY, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("requestId", "7", "status", "closed"))
			.text()).isEqualTo("Report #7: done.");
		assertThat(templates
			.render(TemplateKey.STATUS_REPLY, TemplateChannel.WHATSAPP, Locale.ENGLISH,
					Map.of("requestId", "7", "status", "closed"))
			.text()).as("whatsapp uses the sms partial").isEqualTo("Report #7: done.");
	}

	@Test
	void aBrokenPartialFallsBackToTheBuiltInPartial() throws IOException {
		write("email/en/_layout.html.mustache", "<html>{{$body}}{{/body}}{{{subject}}}</html>\n");
		write("sms/en/_status.txt.mustache", "{{#statusIs.closed}}done\n");
		Templates templates = templates();
		assertThat(templates.render(TemplateKey.THANKS_REPLY, TemplateChannel.EMAIL, Locale.ENGLISH, Map.of()).html())
			.startsWith("<!DOCTYPE html>");
		assertThat(templates
			.render(TemplateKey.STATUS_REPLY, TemplateChannel.SMS, Locale.ENGLISH,
					Map.of("requestId", "7", "status", "closed"))
			.text()).isEqualTo("Report #7: closed.");
	}

	@Test
	void aPartialThatFailsForOneKeyFallsBackToTheBuiltInTemplatesOnly() throws IOException {
		write("sms/en/_status.txt.mustache", "{{status}} {{label}}\n");
		Templates templates = templates();
		RenderedMessage reply = templates.render(TemplateKey.STATUS_REPLY, TemplateChannel.SMS, Locale.ENGLISH,
				Map.of("requestId", "7", "status", "closed"));
		assertThat(reply.text()).isEqualTo("Report #7: closed.");
		assertThat(Files.readString(LOG)).contains("Template status-reply on sms failed with the city's overrides");
	}

	@Test
	void aCityCanAddALocaleAndWordsItDidNotTranslateComeInEnglish() throws IOException {
		write("sms/fr/help.txt.mustache", "{{programName}} : écrivez le problème et le lieu. STOP pour arrêter.\n");
		Templates templates = templates();
		Locale french = Locale.FRENCH;
		RenderedMessage help = templates.render(TemplateKey.HELP, TemplateChannel.SMS, french, Map.of());
		assertThat(help.locale()).isEqualTo(french);
		assertThat(help.text()).startsWith("Cambridge 311 : écrivez");
		RenderedMessage other = templates.render(TemplateKey.THANKS_REPLY, TemplateChannel.SMS, french, Map.of());
		assertThat(other.locale()).isEqualTo(Locale.ENGLISH);
		assertThat(templates.availableLocales()).containsExactly(Locale.ENGLISH, Locale.forLanguageTag("es"), french);
	}

	@Test
	void regionalOverridesBeatTheLanguage() throws IOException {
		write("sms/es-MX/thanks-reply.txt.mustache", "¡De nada!\n");
		Templates templates = templates();
		assertThat(templates
			.render(TemplateKey.THANKS_REPLY, TemplateChannel.SMS, Locale.forLanguageTag("es-MX"), Map.of())
			.text()).isEqualTo("¡De nada!");
		assertThat(templates
			.render(TemplateKey.THANKS_REPLY, TemplateChannel.SMS, Locale.forLanguageTag("es-AR"), Map.of())
			.text()).startsWith("¡Con gusto!");
	}

	@Test
	void hiddenFoldersAreIgnoredAndLinkedFoldersFollowedLikeAKubernetesConfigMap() throws IOException {
		Path data = this.dir.resolve("..2025_01_01");
		Files.createDirectories(data.resolve("sms/en"));
		Files.writeString(data.resolve("sms/en/help.txt.mustache"), "From the config map.\n");
		Files.createSymbolicLink(this.dir.resolve("..data"), data.getFileName());
		Files.createSymbolicLink(this.dir.resolve("sms"), Path.of("..data/sms"));
		Templates templates = templates();
		RenderedMessage help = help(templates);
		assertThat(help.text()).isEqualTo("From the config map.");
		assertThat(help.sources()).containsExactly("override:sms/en/help.txt.mustache");
	}

	@Test
	void filesThatAreNotTemplatesAreIgnored() throws IOException {
		write("sms/en/help.txt", "not a template\n");
		write("README.mustache", "not in a locale folder\n");
		write("sms/en/help.txt.mustache.bak", "backup\n");
		assertThat(help(templates()).sources()).containsExactly("builtin:sms/en/help.txt.mustache");
	}

	@Test
	void rendersStayConsistentWhileAFileChangesUnderLoad() throws Exception {
		write("sms/en/help.txt.mustache", "Version A.\n");
		Templates templates = templates();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<String>>> readers = new ArrayList<>();
			for (int t = 0; t < 3; t++) {
				readers.add(pool.submit(() -> {
					List<String> seen = new ArrayList<>();
					for (int i = 0; i < 300; i++) {
						seen.add(help(templates).text());
					}
					return seen;
				}));
			}
			Future<?> writer = pool.submit(() -> {
				int i = 0;
				while (!stop.get()) {
					Path file = this.dir.resolve("sms/en/help.txt.mustache");
					Path tmp = this.dir.resolve("sms/en/.help.tmp");
					Files.writeString(tmp, ((i++ % 2 == 0) ? "Version B." : "Version A.") + "\n");
					Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
							java.nio.file.StandardCopyOption.ATOMIC_MOVE);
					Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusMillis(i)));
				}
				return null;
			});
			List<String> all = new ArrayList<>();
			for (Future<List<String>> reader : readers) {
				all.addAll(reader.get());
			}
			stop.set(true);
			writer.get();
			assertThat(all).hasSize(900).allMatch((text) -> text.equals("Version A.") || text.equals("Version B."));
		}
		finally {
			pool.shutdownNow();
		}
	}

}
