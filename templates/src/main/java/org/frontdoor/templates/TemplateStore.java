package org.frontdoor.templates;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, checks, compiles and caches templates. A lookup walks the locales (most specific
 * first), and for each the channel and its fallback; at each place the override file
 * comes before the built-in one. The result is the ordered list of usable candidates up
 * to and including the first built-in one, so a broken or failing override always has a
 * built-in behind it.
 */
final class TemplateStore {

	/** Classpath folder of the built-in templates. */
	static final String BASE = "templates/";

	private static final Logger log = LoggerFactory.getLogger(Templates.class);

	private final ClassLoader classLoader;

	private final OverrideDirectory overrides;

	private final ConcurrentMap<CacheKey, List<Candidate>> cache = new ConcurrentHashMap<>();

	private final ConcurrentMap<CacheKey, Template> partials = new ConcurrentHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private volatile long version;

	TemplateStore(ClassLoader classLoader, OverrideDirectory overrides) {
		this.classLoader = classLoader;
		this.overrides = overrides;
		this.version = (overrides != null) ? overrides.version() : 0;
	}

	/**
	 * Checks the override directory if due; drops every compiled template on a change.
	 */
	void refreshIfDue() {
		if (this.overrides != null) {
			long current = this.overrides.refreshIfDue();
			if (current != this.version) {
				this.version = current;
				this.cache.clear();
				this.partials.clear();
				this.warned.clear();
			}
		}
	}

	/** Re-reads the override directory now and drops every compiled template. */
	void reload() {
		if (this.overrides != null) {
			this.overrides.rescan();
			this.version = this.overrides.version();
		}
		this.cache.clear();
		this.partials.clear();
		this.warned.clear();
	}

	/**
	 * The usable templates for a part, best first; empty when neither an override nor a
	 * built-in file exists.
	 * @param useOverrides {@code false} to ignore the override directory entirely
	 * @throws IllegalStateException when a built-in template is invalid (a bug)
	 */
	List<Candidate> candidates(TemplateKey key, TemplateChannel channel, List<String> locales, TemplatePart part,
			boolean useOverrides) {
		CacheKey cacheKey = new CacheKey(this.version, key.id(), channel, locales, part, useOverrides);
		return this.cache.computeIfAbsent(cacheKey, (k) -> lookUp(key, channel, locales, part, useOverrides));
	}

	/**
	 * A partial ({@code _<name>.<part>.mustache}) compiled on its own, looked up like a
	 * template; cached like templates.
	 */
	Template partialTemplate(String name, TemplateChannel channel, List<String> locales, TemplatePart part,
			boolean useOverrides) {
		CacheKey cacheKey = new CacheKey(this.version, "_" + name, channel, locales, part, useOverrides);
		return this.partials.computeIfAbsent(cacheKey,
				(k) -> compiler(channel, locales, part, useOverrides).compile("{{> " + name + "}}"));
	}

	/** Logs, once per override file and directory version, why it was not used. */
	void warnOnce(String source, String reason) {
		if (this.warned.add(source + "@" + this.version)) {
			log.warn("Template {} is not used ({}); falling back to the next template in line", source, reason);
		}
	}

	/** The built-in template file, or {@code null}. */
	String readBuiltIn(String relativePath) {
		try (InputStream in = this.classLoader.getResourceAsStream(BASE + relativePath)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read built-in template " + relativePath, ex);
		}
	}

	private List<Candidate> lookUp(TemplateKey key, TemplateChannel channel, List<String> locales, TemplatePart part,
			boolean useOverrides) {
		Mustache.Compiler compiler = compiler(channel, locales, part, useOverrides);
		Set<String> names = TemplateSyntax.namesFor(key);
		List<Candidate> found = new ArrayList<>();
		for (String locale : locales) {
			for (TemplateChannel c = channel; c != null; c = c.fallback()) {
				String path = c.directory() + "/" + locale + "/" + part.fileName(key.id());
				if (useOverrides) {
					overrideSource(path, part, names).map((source) -> compiler.compile(stripFinalNewline(source)))
						.ifPresent((template) -> found.add(new Candidate("override:" + path, locale, true, template)));
				}
				String builtIn = readBuiltIn(path);
				if (builtIn != null) {
					Optional<String> problem = TemplateSyntax.check(builtIn, part, names);
					if (problem.isPresent()) {
						throw new IllegalStateException("Built-in template " + path + " is invalid: " + problem.get());
					}
					found.add(new Candidate("builtin:" + path, locale, false,
							compiler.compile(stripFinalNewline(builtIn))));
					return List.copyOf(found);
				}
			}
		}
		return List.copyOf(found);
	}

	/**
	 * The checked source of an override file, or empty (with a warning) when unusable.
	 */
	private Optional<String> overrideSource(String path, TemplatePart part, Set<String> names) {
		if (this.overrides == null || !this.overrides.contains(path)) {
			return Optional.empty();
		}
		String source;
		try {
			source = this.overrides.read(path);
		}
		catch (IOException ex) {
			warnOnce("override:" + path, (ex.getMessage() != null) ? ex.getMessage() : ex.toString());
			return Optional.empty();
		}
		Optional<String> problem = TemplateSyntax.check(source, part, names);
		if (problem.isPresent()) {
			warnOnce("override:" + path, problem.get());
			return Optional.empty();
		}
		try {
			Mustache.compiler().compile(source);
		}
		catch (MustacheException ex) {
			warnOnce("override:" + path, "syntax error: " + ex.getMessage());
			return Optional.empty();
		}
		return Optional.of(source);
	}

	private Mustache.Compiler compiler(TemplateChannel channel, List<String> locales, TemplatePart part,
			boolean useOverrides) {
		return Mustache.compiler()
			.escapeHTML(part.html())
			.emptyStringIsFalse(true)
			.withLoader((name) -> new StringReader(partial(name, channel, locales, part, useOverrides)));
	}

	/**
	 * The source of a partial ({@code {{> name}}}) or parent ({@code {{< name}}}): file
	 * {@code _<name>.<part>.mustache}, looked up like a template.
	 */
	private String partial(String name, TemplateChannel channel, List<String> locales, TemplatePart part,
			boolean useOverrides) throws FileNotFoundException {
		Set<String> names = TemplateSyntax.namesForPartials();
		for (String locale : locales) {
			for (TemplateChannel c = channel; c != null; c = c.fallback()) {
				String path = c.directory() + "/" + locale + "/" + part.fileName("_" + name);
				if (useOverrides) {
					Optional<String> source = overrideSource(path, part, names);
					if (source.isPresent()) {
						return stripFinalNewline(source.get());
					}
				}
				String builtIn = readBuiltIn(path);
				if (builtIn != null) {
					return stripFinalNewline(builtIn);
				}
			}
		}
		throw new FileNotFoundException("No template partial '" + name + "' for " + channel.directory() + "/" + locales
				+ " (" + part.extension() + ")");
	}

	/** Files end with a newline by convention; a partial used inline must not add one. */
	private static String stripFinalNewline(String source) {
		if (source.endsWith("\r\n")) {
			return source.substring(0, source.length() - 2);
		}
		return source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
	}

	/**
	 * One usable template.
	 *
	 * @param source where it came from, e.g. {@code override:sms/es/help.txt.mustache}
	 * @param locale the locale directory it came from
	 * @param override whether it is an override file
	 * @param template the compiled template
	 */
	record Candidate(String source, String locale, boolean override, Template template) {

	}

	private record CacheKey(long version, String name, TemplateChannel channel, List<String> locales, TemplatePart part,
			boolean useOverrides) {

	}

}
