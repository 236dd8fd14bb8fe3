package org.frontdoor.templates;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.frontdoor.templates.sms.SmsTransliteration;

/**
 * How {@link Templates} is set up. The gateway binds these from
 * {@code frontdoor.templates.*} and {@code frontdoor.city.*}; the compact constructor
 * validates every value and fills defaults for {@code null}s.
 *
 * @param overrideDir the city's override directory (same layout as the built-in
 * {@code templates/} folder), or {@code null} for none; it may not exist yet
 * @param checkInterval how often, at most, the override directory is checked for changed
 * files (on the render path, a directory walk of file stamps); {@code Duration.ZERO}
 * checks on every render; default 5 s
 * @param smsTransliteration whether SMS text is rewritten to GSM-7 look-alikes; default
 * {@link SmsTransliteration#NEVER}
 * @param maxSegments the segment budget for SMS and WhatsApp messages, 1–10; 0 means the
 * default, 3
 * @param cityName the city's name ({@code cityName}), 1–30 characters
 * @param programName the sender name residents see ({@code programName}), 1–30
 * characters; default {@code cityName + " 311"}
 * @param helpContact how to reach a person ({@code helpContact}), 1–60 characters, e.g.
 * {@code call 311 or visit cambridgema.gov/311}
 * @param emergencyNumber the emergency number ({@code emergencyNumber}), 1–10 characters;
 * default {@code 911}
 */
public record TemplatesConfig(Path overrideDir, Duration checkInterval, SmsTransliteration smsTransliteration,
		int maxSegments, String cityName, String programName, String helpContact, String emergencyNumber) {

	/** The default {@link #checkInterval()}. */
	public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(5);

	/** The default {@link #maxSegments()}. */
	public static final int DEFAULT_MAX_SEGMENTS = 3;

	public TemplatesConfig {
		checkInterval = (checkInterval != null) ? checkInterval : DEFAULT_CHECK_INTERVAL;
		if (checkInterval.isNegative()) {
			throw new IllegalArgumentException("checkInterval must not be negative: " + checkInterval);
		}
		smsTransliteration = (smsTransliteration != null) ? smsTransliteration : SmsTransliteration.NEVER;
		maxSegments = (maxSegments != 0) ? maxSegments : DEFAULT_MAX_SEGMENTS;
		if (maxSegments < 1 || maxSegments > 10) {
			throw new IllegalArgumentException("maxSegments must be between 1 and 10: " + maxSegments);
		}
		cityName = checked("cityName", cityName, TemplateVariable.CITY_NAME);
		programName = checked("programName", (programName != null) ? programName : cityName + " 311",
				TemplateVariable.PROGRAM_NAME);
		helpContact = checked("helpContact", helpContact, TemplateVariable.HELP_CONTACT);
		emergencyNumber = checked("emergencyNumber", (emergencyNumber != null) ? emergencyNumber : "911",
				TemplateVariable.EMERGENCY_NUMBER);
	}

	/**
	 * A configuration with defaults and no override directory.
	 * @param cityName the city's name
	 * @param helpContact how to reach a person
	 * @return the configuration
	 */
	public static TemplatesConfig of(String cityName, String helpContact) {
		return new TemplatesConfig(null, null, null, 0, cityName, null, helpContact, null);
	}

	/**
	 * A copy with another override directory.
	 * @param dir the directory, or {@code null}
	 * @return the new configuration
	 */
	public TemplatesConfig withOverrideDir(Path dir) {
		return new TemplatesConfig(dir, this.checkInterval, this.smsTransliteration, this.maxSegments, this.cityName,
				this.programName, this.helpContact, this.emergencyNumber);
	}

	/**
	 * A copy with another check interval.
	 * @param interval the interval
	 * @return the new configuration
	 */
	public TemplatesConfig withCheckInterval(Duration interval) {
		return new TemplatesConfig(this.overrideDir, interval, this.smsTransliteration, this.maxSegments, this.cityName,
				this.programName, this.helpContact, this.emergencyNumber);
	}

	/**
	 * A copy with another transliteration policy.
	 * @param policy the policy
	 * @return the new configuration
	 */
	public TemplatesConfig withSmsTransliteration(SmsTransliteration policy) {
		return new TemplatesConfig(this.overrideDir, this.checkInterval, policy, this.maxSegments, this.cityName,
				this.programName, this.helpContact, this.emergencyNumber);
	}

	/**
	 * A copy with another program name.
	 * @param name the name
	 * @return the new configuration
	 */
	public TemplatesConfig withProgramName(String name) {
		return new TemplatesConfig(this.overrideDir, this.checkInterval, this.smsTransliteration, this.maxSegments,
				this.cityName, name, this.helpContact, this.emergencyNumber);
	}

	private static String checked(String property, String value, TemplateVariable variable) {
		Objects.requireNonNull(value, property + " must be set");
		String trimmed = value.strip();
		int max = variable.limit(TemplateChannel.SMS);
		if (trimmed.isEmpty() || trimmed.length() > max) {
			throw new IllegalArgumentException(property + " must be 1 to " + max + " characters (it is said in every"
					+ " SMS that needs it and counts against the segment budget): '" + value + "'");
		}
		return trimmed;
	}

}
