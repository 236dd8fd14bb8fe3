package org.frontdoor.channels.sms.twilio;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.frontdoor.channels.core.Channel;

/**
 * Resident and city addresses as FrontDoor writes them ({@code tel:+E164},
 * {@code whatsapp:+E164}) and as Twilio wants them ({@code +E164},
 * {@code whatsapp:+E164}), normalized with libphonenumber.
 * <p>
 * A number is accepted when libphonenumber finds it <em>possible</em> (right length for
 * its country): Twilio has already delivered it, and newer number ranges are not always
 * in libphonenumber's metadata yet. Numbers that cannot be parsed at all are refused.
 */
public final class PhoneNumbers {

	/** FrontDoor's prefix for SMS residents. */
	public static final String TEL = "tel:";

	/** Twilio's and FrontDoor's prefix for WhatsApp residents. */
	public static final String WHATSAPP = "whatsapp:";

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	/**
	 * Normalizer for one default region.
	 * @param defaultRegion ISO 3166 alpha-2 region for numbers without a country code
	 */
	public PhoneNumbers(String defaultRegion) {
		this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
	}

	/**
	 * An address on a channel.
	 *
	 * @param channel {@link Channel#SMS} or {@link Channel#WHATSAPP}
	 * @param e164 the number in E.164 ({@code +15551234567})
	 */
	public record Address(Channel channel, String e164) {

		/**
		 * FrontDoor's form: {@code tel:+…} or {@code whatsapp:+…}.
		 * @return the resident address
		 */
		public String uri() {
			return ((this.channel == Channel.WHATSAPP) ? WHATSAPP : TEL) + this.e164;
		}

		/**
		 * Twilio's form: {@code +…} or {@code whatsapp:+…}.
		 * @return the address to give the Twilio API
		 */
		public String twilio() {
			return (this.channel == Channel.WHATSAPP) ? WHATSAPP + this.e164 : this.e164;
		}

	}

	/**
	 * Parse an address in Twilio's or FrontDoor's form ({@code +1…}, {@code (617) …},
	 * {@code tel:+1…}, {@code whatsapp:+1…}).
	 * @param raw the address
	 * @return the normalized address, or empty when it is no phone number
	 */
	public Optional<Address> parse(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String value = raw.strip();
		Channel channel = Channel.SMS;
		if (value.regionMatches(true, 0, WHATSAPP, 0, WHATSAPP.length())) {
			channel = Channel.WHATSAPP;
			value = value.substring(WHATSAPP.length());
		}
		else if (value.regionMatches(true, 0, TEL, 0, TEL.length())) {
			value = value.substring(TEL.length());
		}
		Channel resolved = channel;
		return e164(value).map((number) -> new Address(resolved, number));
	}

	private Optional<String> e164(String value) {
		if (value.isEmpty() || value.chars().anyMatch(Character::isLetter)) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = UTIL.parse(value, this.defaultRegion);
			if (!UTIL.isPossibleNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

}
