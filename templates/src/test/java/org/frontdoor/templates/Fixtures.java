package org.frontdoor.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configurations and models shared by the tests, including the worst-case models every
 * key is rendered with.
 */
final class Fixtures {

	/** The built-in locales, as listed in {@code templates/locales.txt}. */
	static final List<Locale> LOCALES = readLocales();

	/** A 10-digit request id, the longest common form. */
	static final String LONG_ID = "1234567890";

	/** A 24-hex id, the form Chicago's backend uses. */
	static final String HEX_ID = "4fd3b656e750846c53000004";

	/** Contact details as a city configures them: no words, any language. */
	static final String CONTACT = "617-349-4800, cambridgema.gov/311";

	private Fixtures() {
	}

	private static List<Locale> readLocales() {
		try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("templates/locales.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map(Locale::forLanguageTag)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The configuration used unless a test needs another. */
	static TemplatesConfig config() {
		return TemplatesConfig.of("Cambridge", CONTACT);
	}

	/** Every global at its maximum length. */
	static TemplatesConfig longestConfig() {
		return new TemplatesConfig(null, null, null, 0, "C".repeat(30), "P".repeat(30), "6".repeat(60), "9".repeat(10));
	}

	/**
	 * The flavours of worst-case text: characters that force UCS-2, characters that cost
	 * two GSM-7 septets each, and plain ASCII.
	 */
	enum Flavour {

		/** Spanish accents outside GSM-7 and an emoji. */
		UCS2("Calle Ángel Martínez Nuñez esquina Avenida Insurgentes Sur junto al puesto de tacos 🚧 "),

		/** GSM-7 extension characters (two septets each). */
		GSM_EXTENSION("Lot [B] {rear} | gate ~ 10€ ^ path \\ "),

		/** Plain long words. */
		ASCII("Massachusetts Avenue at Prospect Street near the Central Square post office ");

		private final String seed;

		Flavour(String seed) {
			this.seed = seed;
		}

		/** A text of exactly {@code length} characters built from the seed. */
		String text(int length) {
			StringBuilder sb = new StringBuilder();
			while (sb.length() < length) {
				sb.append(this.seed);
			}
			String s = sb.substring(0, length);
			return Character.isHighSurrogate(s.charAt(s.length() - 1)) ? s.substring(0, length - 1) + "x" : s;
		}

	}

	/**
	 * A worst-case model for a key: every declared variable set, every text value longer
	 * than its longest limit, 9 options, 5 requests, ids of the given form.
	 */
	static Map<String, Object> worstCase(TemplateKey key, Flavour flavour, String requestId) {
		Map<String, Object> model = new HashMap<>();
		List<TemplateVariable> declared = new ArrayList<>(key.required());
		declared.addAll(key.optional());
		for (TemplateVariable variable : declared) {
			model.put(variable.id(), value(key, variable, flavour, requestId));
		}
		return model;
	}

	private static Object value(TemplateKey key, TemplateVariable variable, Fixtures.Flavour flavour,
			String requestId) {
		return switch (variable) {
			case REQUEST_ID -> requestId;
			case STATUS -> (key == TemplateKey.STATUS_UPDATE_OTHER || key == TemplateKey.STATUS_REPLY)
					? "PUBLIC_WORKS_COMPLETED_SCHEDULED_LATER" : statusFor(key);
			case OPTIONS -> options(flavour, (key.optional().contains(TemplateVariable.MORE_NUMBER)) ? 8 : 9);
			case REQUESTS -> List.of(request("1000000001", flavour), request("1000000002", flavour),
					request("1000000003", flavour), request("1000000004", flavour), request("1000000005", flavour));
			case MORE_NUMBER -> 9;
			case MAX_LENGTH -> 500;
			case MAX_MEGABYTES -> 25;
			case RETRY_MINUTES -> 60;
			case EXPIRY_HOURS -> 24;
			case EXAMPLE -> "2025-03-14 16:30";
			default -> flavour.text(variable.limit(TemplateChannel.EMAIL) + 50);
		};
	}

	private static String statusFor(TemplateKey key) {
		return switch (key) {
			case STATUS_UPDATE_OPEN -> "open";
			case STATUS_UPDATE_ACKNOWLEDGED -> "acknowledged";
			case STATUS_UPDATE_IN_PROGRESS -> "in_progress";
			case STATUS_UPDATE_CLOSED -> "closed";
			default -> "in_progress";
		};
	}

	private static List<MenuOption> options(Flavour flavour, int count) {
		List<MenuOption> options = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			options.add(new MenuOption(i, flavour.text(75)));
		}
		return options;
	}

	private static RequestSummary request(String id, Flavour flavour) {
		return new RequestSummary(id, flavour.text(80), "PUBLIC_WORKS_COMPLETED_SCHEDULED_LATER");
	}

	/** A small realistic model that names every variable a key declares. */
	static Map<String, Object> typical(TemplateKey key) {
		Map<String, Object> model = new HashMap<>();
		for (TemplateVariable variable : key.required()) {
			model.put(variable.id(), typicalValue(variable));
		}
		return model;
	}

	static Object typicalValue(TemplateVariable variable) {
		return switch (variable) {
			case REQUEST_ID -> "101";
			case STATUS -> "open";
			case SERVICE_NAME -> "Pothole";
			case PLACE -> "Mass Ave & Prospect St";
			case QUESTION -> "Is the light out or flickering?";
			case OPTIONS -> List.of(new MenuOption(1, "Out"), new MenuOption(2, "Flickering"));
			case REQUESTS -> List.of(new RequestSummary("101", "Pothole", "open"));
			default -> "x";
		};
	}

}
