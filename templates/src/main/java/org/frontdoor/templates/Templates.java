package org.frontdoor.templates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.frontdoor.templates.sms.SmsLength;
import org.frontdoor.templates.sms.SmsTransliteration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every message FrontDoor sends to a resident from template files, per
 * {@linkplain TemplateKey key}, {@linkplain TemplateChannel channel} and locale.
 *
 * <h2>Files</h2> Built-in templates live on the classpath under
 * {@code templates/<channel>/<locale>/<key>.<part>.mustache} (parts: {@code subject},
 * {@code txt}, {@code html}, {@code quick}; see {@link TemplatePart}). Partials and email
 * layouts are files named {@code _<name>.<part>.mustache} in the same folders. A city's
 * override directory ({@link TemplatesConfig#overrideDir()}) has the same layout; any
 * file there replaces the built-in file at the same path.
 *
 * <h2>Lookup</h2> For the locale {@code es-MX} on WhatsApp the places tried are
 * {@code whatsapp/es-MX}, {@code sms/es-MX}, {@code whatsapp/es}, {@code sms/es},
 * {@code whatsapp/en}, {@code sms/en} (locales outer, a channel's fallback inner, English
 * last), each override first, then built-in. A broken override (syntax error, unknown
 * variable, unescaped HTML, not UTF-8, or failing at render time) is skipped with one
 * warning naming the file and the problem, never the resident's data.
 *
 * <h2>Escaping</h2> Values are HTML-escaped in HTML parts only; text, subjects and quick
 * replies are plain text, never escaped (a chat widget must insert them as text).
 *
 * <h2>SMS</h2> On SMS and WhatsApp values are held to the short limits of
 * {@link TemplateVariable}; SMS text goes through the configured
 * {@link SmsTransliteration}; then, if the text needs more than
 * {@link TemplatesConfig#maxSegments()} segments, the shrinkable values are shortened
 * (the longest first, to a common cap found by bisection, never below their floors) until
 * it fits.
 *
 * <h2>Threads and caching</h2> Instances are thread-safe. Templates are compiled once and
 * cached; the override directory is re-checked at most every
 * {@link TemplatesConfig#checkInterval()} on the render path (or at once by
 * {@link #reload()}), and any change there drops the cache.
 */
public final class Templates {

	private static final Logger log = LoggerFactory.getLogger(Templates.class);

	/** Locales by language tag (parsing a tag is not free). */
	private static final Map<String, Locale> LOCALES = new ConcurrentHashMap<>();

	/** Longest email subject, in characters. */
	private static final int MAX_SUBJECT = 200;

	private final TemplatesConfig config;

	private final TemplateStore store;

	private final Map<TemplateVariable, String> globals;

	private final Set<String> builtInLocales;

	private final OverrideDirectory overrides;

	/**
	 * Creates a renderer.
	 * @param config the configuration
	 */
	public Templates(TemplatesConfig config) {
		this.config = Objects.requireNonNull(config, "config");
		OverrideDirectory overrides = (config.overrideDir() != null)
				? new OverrideDirectory(config.overrideDir(), config.checkInterval()) : null;
		this.store = new TemplateStore(Templates.class.getClassLoader(), overrides);
		this.overrides = overrides;
		Map<TemplateVariable, String> values = new EnumMap<>(TemplateVariable.class);
		values.put(TemplateVariable.CITY_NAME, config.cityName());
		values.put(TemplateVariable.PROGRAM_NAME, config.programName());
		values.put(TemplateVariable.HELP_CONTACT, config.helpContact());
		values.put(TemplateVariable.EMERGENCY_NUMBER, config.emergencyNumber());
		this.globals = Map.copyOf(values);
		this.builtInLocales = readBuiltInLocales();
	}

	/**
	 * Renders a message; see {@link #render(TemplateKey, TemplateChannel, Locale, Map)}.
	 * @param key what to say
	 * @param channel {@code sms}, {@code whatsapp}, {@code email} or {@code chat}, any
	 * case
	 * @param locale the resident's locale; {@code null} means English
	 * @param model the values, keyed by {@link TemplateVariable#id()}
	 * @return the message
	 */
	public RenderedMessage render(TemplateKey key, String channel, Locale locale, Map<String, ?> model) {
		return render(key, TemplateChannel.of(channel), locale, model);
	}

	/**
	 * Renders a message.
	 * @param key what to say
	 * @param channel the channel it goes out on
	 * @param locale the resident's locale; {@code null} means English; a locale without
	 * templates falls back to its language, then to English
	 * @param model the values, keyed by {@link TemplateVariable#id()}: the key's
	 * {@linkplain TemplateKey#required() required} variables must be present; variables
	 * the key does not declare are ignored; globals may be overridden per message
	 * @return the message, never {@code null}
	 * @throws IllegalArgumentException when the model is wrong for the key (an unknown or
	 * derived variable name, a value of the wrong kind, a missing required variable): a
	 * programming error in the caller
	 */
	public RenderedMessage render(TemplateKey key, TemplateChannel channel, Locale locale, Map<String, ?> model) {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(channel, "channel");
		this.store.refreshIfDue();
		List<String> locales = localeChain(locale);
		try {
			return render(key, channel, locales, model, true);
		}
		catch (OverrideFailure ex) {
			log.warn("Template {} on {} failed with the city's overrides ({}); rendering the built-in templates only",
					key.id(), channel.directory(), ex.getMessage());
			return render(key, channel, locales, model, false);
		}
	}

	/**
	 * The words for a backend status in the resident's language, as the templates say it
	 * (the {@code _status} partial: "in progress", "en proceso", or the raw status when
	 * it has no wording). For places that need the status outside a template, such as the
	 * variables of an approved WhatsApp template.
	 * @param status the backend's raw status
	 * @param channel the channel (its {@code _status} partial is used)
	 * @param locale the resident's locale; {@code null} means English
	 * @return the words, one line, never {@code null}
	 */
	public String statusLabel(String status, TemplateChannel channel, Locale locale) {
		Objects.requireNonNull(channel, "channel");
		this.store.refreshIfDue();
		String raw = (status != null) ? Texts.cleanValue(status, false) : "";
		Map<String, Object> values = Map.of(TemplateVariable.STATUS.id(), raw, TemplateVariable.STATUS_IS.id(),
				raw.isEmpty() ? Map.of() : Map.of(StatusCategory.of(raw).flag(), Boolean.TRUE));
		List<String> locales = localeChain(locale);
		try {
			return Texts.oneLine(
					this.store.partialTemplate("status", channel, locales, TemplatePart.TEXT, true).execute(values));
		}
		catch (RuntimeException ex) {
			log.warn("Status partial on {} failed with the city's overrides ({}); using the built-in one",
					channel.directory(), ex.getMessage());
			return Texts.oneLine(
					this.store.partialTemplate("status", channel, locales, TemplatePart.TEXT, false).execute(values));
		}
	}

	/**
	 * Re-reads the override directory now and recompiles templates on next use.
	 */
	public void reload() {
		this.store.reload();
	}

	/**
	 * The locales with templates: the built-in ones and any with a folder in the override
	 * directory.
	 * @return the locales, sorted by language tag
	 */
	public List<Locale> availableLocales() {
		Set<String> tags = new TreeSet<>(this.builtInLocales);
		if (this.overrides != null) {
			this.store.refreshIfDue();
			tags.addAll(this.overrides.localeTags());
		}
		return tags.stream().map(Locale::forLanguageTag).toList();
	}

	/**
	 * The configuration this renderer uses.
	 * @return the configuration
	 */
	public TemplatesConfig config() {
		return this.config;
	}

	private RenderedMessage render(TemplateKey key, TemplateChannel channel, List<String> locales, Map<String, ?> input,
			boolean useOverrides) {
		List<TemplateStore.Candidate> textCandidates = candidates(key, channel, locales, TemplatePart.TEXT,
				useOverrides);
		RenderModel model = RenderModel.build(key, channel, input, this.globals, textCandidates.get(0).locale());
		List<String> sources = new ArrayList<>();

		Rendered text = renderPart(textCandidates, TemplatePart.TEXT, model.values(), useOverrides);
		sources.add(text.candidate.source());
		String body = finishText(channel, text.output);
		SmsLength length = SmsLength.of(body);
		if (channel.shortForm() && !length.fits(this.config.maxSegments())) {
			body = fit(key, channel, model, text.candidate);
			length = SmsLength.of(body);
		}

		String subject = null;
		String html = null;
		if (channel.parts().contains(TemplatePart.SUBJECT)) {
			Rendered rendered = renderPart(candidates(key, channel, locales, TemplatePart.SUBJECT, useOverrides),
					TemplatePart.SUBJECT, model.values(), useOverrides);
			sources.add(rendered.candidate.source());
			subject = Texts.truncate(Texts.oneLine(rendered.output), MAX_SUBJECT, Texts.LONG_ELLIPSIS);
		}
		if (channel.parts().contains(TemplatePart.HTML)) {
			model.values().put(TemplateVariable.SUBJECT.id(), (subject != null) ? subject : "");
			Rendered rendered = renderPart(candidates(key, channel, locales, TemplatePart.HTML, useOverrides),
					TemplatePart.HTML, model.values(), useOverrides);
			sources.add(rendered.candidate.source());
			html = rendered.output.strip() + "\n";
		}
		List<QuickReply> quickReplies = List.of();
		if (channel.parts().contains(TemplatePart.QUICK_REPLIES)) {
			List<TemplateStore.Candidate> quick = this.store.candidates(key, channel, locales,
					TemplatePart.QUICK_REPLIES, useOverrides);
			if (!quick.isEmpty()) {
				Rendered rendered = renderPart(quick, TemplatePart.QUICK_REPLIES, model.values(), useOverrides);
				sources.add(rendered.candidate.source());
				quickReplies = parseQuickReplies(rendered.output);
			}
		}
		return new RenderedMessage(key, channel,
				LOCALES.computeIfAbsent(text.candidate.locale(), Locale::forLanguageTag), body, subject, html,
				quickReplies, length, model.cut(), sources);
	}

	private List<TemplateStore.Candidate> candidates(TemplateKey key, TemplateChannel channel, List<String> locales,
			TemplatePart part, boolean useOverrides) {
		List<TemplateStore.Candidate> found = this.store.candidates(key, channel, locales, part, useOverrides);
		if (found.isEmpty()) {
			throw new IllegalStateException("No template " + part.fileName(key.id()) + " for " + channel.directory()
					+ " in " + locales + " (the built-in English set must be complete)");
		}
		return found;
	}

	/**
	 * Shortens the shrinkable values to the largest common cap that fits the segment
	 * budget.
	 */
	private String fit(TemplateKey key, TemplateChannel channel, RenderModel model, TemplateStore.Candidate candidate) {
		int max = this.config.maxSegments();
		model.capSlots(0);
		String shortest = finishText(channel, candidate.template().execute(model.values()));
		if (!SmsLength.of(shortest).fits(max)) {
			log.warn("{} on {} needs {} segments even with every value shortened; sending it over the budget of {}",
					key.id(), channel.directory(), SmsLength.of(shortest).segments(), max);
			return shortest;
		}
		int fits = 0;
		int tooLong = model.longestSlot();
		while (tooLong - fits > 1) {
			int cap = (fits + tooLong) >>> 1;
			model.capSlots(cap);
			String text = finishText(channel, candidate.template().execute(model.values()));
			if (SmsLength.of(text).fits(max)) {
				fits = cap;
			}
			else {
				tooLong = cap;
			}
		}
		model.capSlots(fits);
		return finishText(channel, candidate.template().execute(model.values()));
	}

	private String finishText(TemplateChannel channel, String output) {
		String text = Texts.cleanOutput(output);
		return (channel == TemplateChannel.SMS) ? this.config.smsTransliteration().apply(text) : text;
	}

	/**
	 * Renders the first candidate that works: an override that throws, or renders nothing
	 * where text is needed, is skipped with a warning.
	 */
	private Rendered renderPart(List<TemplateStore.Candidate> candidates, TemplatePart part, Map<String, Object> values,
			boolean useOverrides) {
		for (TemplateStore.Candidate candidate : candidates) {
			try {
				String output = candidate.template().execute(values);
				if (part != TemplatePart.QUICK_REPLIES && output.isBlank()) {
					throw new IllegalStateException("rendered nothing");
				}
				return new Rendered(output, candidate);
			}
			catch (RuntimeException ex) {
				if (candidate.override()) {
					this.store.warnOnce(candidate.source(), (ex instanceof IllegalStateException) ? ex.getMessage()
							: "render failed: " + ex.getMessage());
				}
				else if (useOverrides) {
					throw new OverrideFailure(candidate.source() + ": " + ex.getMessage());
				}
				else {
					throw new IllegalStateException("Built-in template " + candidate.source() + " failed", ex);
				}
			}
		}
		throw new IllegalStateException("No usable template among " + candidates);
	}

	private static List<QuickReply> parseQuickReplies(String output) {
		List<QuickReply> replies = new ArrayList<>();
		for (String line : output.split("\n")) {
			String trimmed = line.strip();
			int bar = trimmed.indexOf('|');
			String value = ((bar < 0) ? trimmed : trimmed.substring(0, bar)).strip();
			String label = ((bar < 0) ? trimmed : trimmed.substring(bar + 1)).strip();
			if (!value.isEmpty() && !label.isEmpty()) {
				replies.add(new QuickReply(label, value));
			}
		}
		return replies;
	}

	/** {@code es-MX → [es-MX, es, en]}, {@code null → [en]}. */
	static List<String> localeChain(Locale locale) {
		List<String> chain = new ArrayList<>(3);
		if (locale != null && !locale.getLanguage().isEmpty()) {
			String language = locale.getLanguage();
			if (!locale.getCountry().isEmpty()) {
				chain.add(language + "-" + locale.getCountry());
			}
			chain.add(language);
		}
		if (!chain.contains("en")) {
			chain.add("en");
		}
		return List.copyOf(chain);
	}

	private static Set<String> readBuiltInLocales() {
		try (InputStream in = Templates.class.getClassLoader()
			.getResourceAsStream(TemplateStore.BASE + "locales.txt")) {
			if (in == null) {
				throw new IllegalStateException("Missing " + TemplateStore.BASE + "locales.txt");
			}
			Set<String> tags = new TreeSet<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String tag = line.strip();
				if (!tag.isEmpty() && !tag.startsWith("#")) {
					tags.add(tag);
				}
			}
			return Set.copyOf(tags);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the built-in locale list", ex);
		}
	}

	private record Rendered(String output, TemplateStore.Candidate candidate) {

	}

	/** A built-in template failed while the override directory was in use. */
	private static final class OverrideFailure extends RuntimeException {

		OverrideFailure(String message) {
			super(message, null, false, false);
		}

	}

}
