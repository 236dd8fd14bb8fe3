package org.frontdoor.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few renders compared byte for byte with {@code src/test/resources/golden/}. After an
 * intended wording change, regenerate them with
 * {@code ./mvnw -pl templates test -Dtest=GoldenFilesTest -Dgolden.update=true} and
 * review the diff.
 */
class GoldenFilesTest {

	private static final Path GOLDEN = Path.of("src/test/resources/golden");

	private static final Templates TEMPLATES = new Templates(Fixtures.config());

	private static final Map<String, Object> SUBMITTED = Map.of("requestId", "1234567890", "serviceName",
			"Pothole in Street", "place", "Mass Ave & Prospect St", "description",
			"Huge pothole in the bike lane, <right> by the bus stop & café");

	private static final Map<String, Object> CLOSED = Map.of("requestId", "1234567890", "serviceName",
			"Pothole in Street", "place", "Mass Ave & Prospect St", "status", "closed", "notes",
			"Patched by the DPW crew.\nA full repaving is scheduled for May.");

	private static final Map<String, Object> MENU = Map.of("options", List.of(new MenuOption(1, "Pothole in Street"),
			new MenuOption(2, "Street Light Out"), new MenuOption(3, "Graffiti Removal")));

	static Stream<Arguments> renders() {
		return Stream.of(Arguments.of(TemplateKey.SUBMITTED, TemplateChannel.SMS, "en", SUBMITTED),
				Arguments.of(TemplateKey.SUBMITTED, TemplateChannel.WHATSAPP, "es", SUBMITTED),
				Arguments.of(TemplateKey.SUBMITTED, TemplateChannel.EMAIL, "en", SUBMITTED),
				Arguments.of(TemplateKey.ASK_SERVICE, TemplateChannel.SMS, "es", MENU),
				Arguments.of(TemplateKey.ASK_SERVICE, TemplateChannel.CHAT, "en", MENU),
				Arguments.of(TemplateKey.ASK_SERVICE, TemplateChannel.EMAIL, "es", MENU),
				Arguments.of(TemplateKey.STATUS_UPDATE_CLOSED, TemplateChannel.SMS, "es", CLOSED),
				Arguments.of(TemplateKey.STATUS_UPDATE_CLOSED, TemplateChannel.EMAIL, "es", CLOSED),
				Arguments.of(TemplateKey.DUPLICATE_OFFER, TemplateChannel.CHAT, "en", SUBMITTED),
				Arguments.of(TemplateKey.HELP, TemplateChannel.SMS, "en", Map.of()),
				Arguments.of(TemplateKey.HELP, TemplateChannel.SMS, "es", Map.of()));
	}

	@ParameterizedTest(name = "{1} {2} {0}")
	@MethodSource("renders")
	void matchesGoldenFiles(TemplateKey key, TemplateChannel channel, String lang, Map<String, Object> model)
			throws IOException {
		RenderedMessage message = TEMPLATES.render(key, channel, Locale.forLanguageTag(lang), model);
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("txt", message.text() + "\n");
		if (message.subject() != null) {
			parts.put("subject", message.subject() + "\n");
		}
		if (message.html() != null) {
			parts.put("html", message.html());
		}
		if (!message.quickReplies().isEmpty()) {
			List<String> lines = new ArrayList<>();
			message.quickReplies().forEach((q) -> lines.add(q.value() + " | " + q.label()));
			parts.put("quick", String.join("\n", lines) + "\n");
		}
		if (channel.shortForm()) {
			parts.put("length", message.smsLength().encoding() + " units=" + message.smsLength().units() + " segments="
					+ message.smsLength().segments() + "\n");
		}
		for (Map.Entry<String, String> part : parts.entrySet()) {
			Path file = GOLDEN.resolve(channel.directory() + "/" + lang + "/" + key.id() + "." + part.getKey());
			byte[] actual = part.getValue().getBytes(StandardCharsets.UTF_8);
			if (Boolean.getBoolean("golden.update")) {
				Files.createDirectories(file.getParent());
				Files.write(file, actual);
			}
			assertThat(file).as("golden file").exists();
			assertThat(actual).as(file.toString()).isEqualTo(Files.readAllBytes(file));
		}
	}

}
