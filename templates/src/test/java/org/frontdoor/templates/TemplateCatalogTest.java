package org.frontdoor.templates;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.frontdoor.templates.Fixtures.Flavour;
import org.frontdoor.templates.sms.SmsTransliteration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key × channel × built-in locale exists in that locale, is valid, and renders with
 * worst-case models; SMS and WhatsApp renders stay within 3 segments.
 */
class TemplateCatalogTest {

	private static final Templates TEMPLATES = new Templates(Fixtures.longestConfig());

	private static final Templates TYPICAL = new Templates(Fixtures.config());

	private static final Map<SmsTransliteration, Templates> BY_POLICY = Stream.of(SmsTransliteration.values())
		.collect(Collectors.toMap((p) -> p, (p) -> new Templates(Fixtures.longestConfig().withSmsTransliteration(p))));

	static Stream<Arguments> everyKeyChannelLocale() {
		List<Arguments> all = new ArrayList<>();
		for (TemplateKey key : TemplateKey.values()) {
			for (TemplateChannel channel : TemplateChannel.values()) {
				for (Locale locale : Fixtures.LOCALES) {
					all.add(Arguments.of(key, channel, locale));
				}
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("everyKeyChannelLocale")
	void existsInItsOwnLocaleWithEveryPart(TemplateKey key, TemplateChannel channel, Locale locale) {
		RenderedMessage message = TEMPLATES.render(key, channel, locale,
				Fixtures.worstCase(key, Flavour.ASCII, Fixtures.LONG_ID));
		assertThat(message.locale()).isEqualTo(locale);
		assertThat(message.text()).isNotBlank();
		String dir = "builtin:(" + channel.directory()
				+ ((channel.fallback() != null) ? "|" + channel.fallback().directory() : "") + ")/"
				+ locale.getLanguage() + "/" + key.id() + "\\.";
		assertThat(message.sources()).allMatch((s) -> s.matches(dir + ".*"), "all from " + dir);
		if (channel == TemplateChannel.EMAIL) {
			assertThat(message.subject()).isNotBlank().doesNotContain("\n");
			assertThat(message.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + locale.getLanguage());
			assertThat(message.text()).contains("\n-- \n");
		}
		else {
			assertThat(message.subject()).isNull();
			assertThat(message.html()).isNull();
		}
	}

	static Stream<Arguments> shortChannelsWorstCases() {
		List<Arguments> all = new ArrayList<>();
		for (TemplateKey key : TemplateKey.values()) {
			for (TemplateChannel channel : List.of(TemplateChannel.SMS, TemplateChannel.WHATSAPP)) {
				for (Locale locale : Fixtures.LOCALES) {
					for (Flavour flavour : Flavour.values()) {
						all.add(Arguments.of(key, channel, locale, flavour, Fixtures.HEX_ID));
					}
					all.add(Arguments.of(key, channel, locale, Flavour.UCS2, Fixtures.LONG_ID));
				}
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2} {3} {4}")
	@MethodSource("shortChannelsWorstCases")
	void shortChannelsStayWithinThreeSegments(TemplateKey key, TemplateChannel channel, Locale locale, Flavour flavour,
			String id) {
		for (SmsTransliteration policy : SmsTransliteration.values()) {
			RenderedMessage message = BY_POLICY.get(policy)
				.render(key, channel, locale, Fixtures.worstCase(key, flavour, id));
			assertThat(message.smsLength().segments()).as("%s: %s", policy, message.text()).isBetween(1, 3);
			if (key.required().contains(TemplateVariable.REQUEST_ID)) {
				assertThat(message.text()).as("ids are never shortened").contains("#" + id);
			}
			if (key.required().contains(TemplateVariable.OPTIONS)) {
				for (int n = 1; n <= 8; n++) {
					assertThat(message.text()).as("every option number is kept").contains("\n" + n + ") ");
				}
			}
		}
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("everyKeyChannelLocale")
	void typicalMessagesAreNotShortenedAndShortOnesTakeAtMostTwoSegments(TemplateKey key, TemplateChannel channel,
			Locale locale) {
		RenderedMessage message = TYPICAL.render(key, channel, locale, Fixtures.typical(key));
		assertThat(message.shortened()).isFalse();
		if (channel.shortForm()) {
			assertThat(message.smsLength().segments()).isLessThanOrEqualTo(2);
		}
	}

	@Test
	void englishSmsWordingIsGsm7AndSpanishComplianceMessagesToo() {
		Templates templates = TYPICAL;
		for (TemplateKey key : TemplateKey.values()) {
			RenderedMessage english = templates.render(key, TemplateChannel.SMS, Locale.ENGLISH, Fixtures.typical(key));
			assertThat(english.smsLength().encoding()).as(key.id())
				.isEqualTo(org.frontdoor.templates.sms.SmsEncoding.GSM_7);
		}
		for (TemplateKey key : List.of(TemplateKey.HELP, TemplateKey.STOP_CONFIRMATION, TemplateKey.START_CONFIRMATION,
				TemplateKey.SUBMITTED, TemplateKey.STATUS_UPDATE_OPEN, TemplateKey.STATUS_UPDATE_ACKNOWLEDGED,
				TemplateKey.STATUS_UPDATE_IN_PROGRESS, TemplateKey.STATUS_UPDATE_CLOSED,
				TemplateKey.STATUS_UPDATE_OTHER, TemplateKey.STATUS_REPLY, TemplateKey.STATUS_REPLY_LIST,
				TemplateKey.DUPLICATE_OFFER)) {
			RenderedMessage spanish = templates.render(key, TemplateChannel.SMS, Locale.forLanguageTag("es"),
					Fixtures.typical(key));
			assertThat(spanish.smsLength().encoding()).as("es " + key.id() + ": " + spanish.text())
				.isEqualTo(org.frontdoor.templates.sms.SmsEncoding.GSM_7);
		}
	}

	@Test
	void everyBuiltInFileBelongsToAKeyAndChannel() throws IOException, URISyntaxException {
		Path root = Path.of(TemplateCatalogTest.class.getClassLoader().getResource("templates").toURI());
		Pattern name = Pattern.compile("(?<channel>[a-z]+)/(?<locale>[a-z]{2}(-[A-Z]{2})?)/(?<stem>_?[a-z0-9-]+)\\."
				+ "(?<part>subject|txt|html|quick)\\.mustache");
		Set<String> partials = Set.of("_status", "_layout");
		try (Stream<Path> files = Files.walk(root)) {
			List<String> paths = files.filter(Files::isRegularFile)
				.map((p) -> root.relativize(p).toString().replace('\\', '/'))
				.filter((p) -> !p.equals("locales.txt"))
				.toList();
			assertThat(paths).hasSizeGreaterThan(400);
			for (String path : paths) {
				Matcher m = name.matcher(path);
				assertThat(m.matches()).as(path).isTrue();
				TemplateChannel channel = TemplateChannel.of(m.group("channel"));
				TemplatePart part = Stream.of(TemplatePart.values())
					.filter((p) -> p.extension().equals(m.group("part")))
					.findFirst()
					.orElseThrow();
				assertThat(channel.parts()).as(path).contains(part);
				String stem = m.group("stem");
				Optional<TemplateKey> key = TemplateKey.fromId(stem);
				assertThat(key.isPresent() || partials.contains(stem)).as(path + " names a key or a partial").isTrue();
				assertThat(Fixtures.LOCALES).contains(Locale.forLanguageTag(m.group("locale")));
			}
		}
	}

	@Test
	void everyDeclaredVariableIsUsedByABuiltInTemplate() throws IOException, URISyntaxException {
		Path root = Path.of(TemplateCatalogTest.class.getClassLoader().getResource("templates").toURI());
		Pattern tag = Pattern.compile("\\{\\{[#^&{>]?\\s*([A-Za-z][A-Za-z]*)");
		for (TemplateKey key : TemplateKey.values()) {
			Set<String> used = new java.util.HashSet<>();
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter((p) -> p.getFileName().toString().startsWith(key.id() + ".")).toList()) {
					Matcher m = tag.matcher(Files.readString(file));
					while (m.find()) {
						used.add(m.group(1));
					}
				}
			}
			for (TemplateVariable variable : key.required()) {
				assertThat(used).as(key.id()).contains(variable.id());
			}
			for (TemplateVariable variable : key.optional()) {
				assertThat(used).as(key.id()).contains(variable.id());
			}
		}
	}

	@Test
	void availableLocalesAreTheBuiltInOnes() {
		assertThat(Fixtures.LOCALES).contains(Locale.ENGLISH, Locale.forLanguageTag("es"));
		assertThat(TEMPLATES.availableLocales()).containsExactlyElementsOf(Fixtures.LOCALES);
	}

	@Test
	void requiredVariablesReachTheResident() {
		Templates templates = TYPICAL;
		for (TemplateKey key : TemplateKey.values()) {
			for (TemplateChannel channel : TemplateChannel.values()) {
				for (Locale locale : Fixtures.LOCALES) {
					RenderedMessage message = templates.render(key, channel, locale, Fixtures.typical(key));
					String all = message.text() + message.quickReplies();
					for (TemplateVariable variable : key.required()) {
						Object value = Fixtures.typicalValue(variable);
						String expected = switch (variable) {
							case OPTIONS -> "Flickering";
							case REQUESTS -> "101";
							case STATUS -> (key == TemplateKey.STATUS_UPDATE_OTHER || locale.getLanguage().equals("en"))
									? "open" : "abierto";
							default -> value.toString();
						};
						assertThat(all).as("%s %s %s uses %s", key.id(), channel, locale, variable.id())
							.contains(expected);
					}
				}
			}
		}
	}

	@Test
	void statusKeysReadTheTable() {
		assertThat(Map.of("open", TemplateKey.STATUS_UPDATE_OPEN, "In Progress", TemplateKey.STATUS_UPDATE_IN_PROGRESS,
				"ACKNOWLEDGED", TemplateKey.STATUS_UPDATE_ACKNOWLEDGED, "resolved", TemplateKey.STATUS_UPDATE_CLOSED,
				"PUBLIC_WORKS_NEW", TemplateKey.STATUS_UPDATE_OTHER))
			.allSatisfy((status, key) -> assertThat(TemplateKey.statusUpdate(status)).isEqualTo(key));
		assertThat(TemplateKey.statusUpdate(null)).isEqualTo(TemplateKey.STATUS_UPDATE_OTHER);
	}

}
