package org.frontdoor.channels.sms.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the Twilio channel (SMS, MMS, WhatsApp), prefix
 * {@code frontdoor.channels.sms.twilio}. Only read when {@code enabled=true} (the
 * condition also keeps a {@code @ConfigurationPropertiesScan} from binding and validating
 * it when the channel is off).
 *
 * @param enabled whether the Twilio webhooks and sender are on (default {@code false})
 * @param accountSid the Twilio account SID ({@code AC…}); inbound requests for another
 * account are refused
 * @param authToken the account's auth token, used to check webhook signatures and to call
 * the API; set it only through the environment variable
 * {@code FRONTDOOR_CHANNELS_SMS_TWILIO_AUTH_TOKEN}
 * @param fromNumber the city's SMS number in E.164 ({@code +1617…}), used when no
 * messaging service is set
 * @param messagingServiceSid a Twilio Messaging Service ({@code MG…}) to send SMS
 * through; takes precedence over {@code from-number}
 * @param whatsappFrom the city's WhatsApp sender ({@code whatsapp:+1…} or {@code +1…});
 * WhatsApp is only sent when set
 * @param publicBaseUrl the public URL Twilio reaches FrontDoor at (e.g.
 * {@code https://311.example.gov}); webhook signatures are checked against it and status
 * callbacks point at it
 * @param trustForwardedHeaders whether {@code X-Forwarded-Proto/Host/Port/Prefix} from
 * the reverse proxy decide the URL Twilio called (only turn on behind a proxy that sets
 * them)
 * @param defaultRegion the ISO 3166 region for phone numbers written without a country
 * code (default {@code US})
 * @param apiBaseUrl the Twilio REST API origin (default {@code https://api.twilio.com});
 * point it at a Twilio-compatible stub or simulator for tests
 * @param apiTimeout connect and response timeout for one REST API call (default 10 s)
 * @param media rules for downloading MMS/WhatsApp media
 * @param whatsapp WhatsApp templates for messages outside the 24-hour session window
 */
@ConfigurationProperties("frontdoor.channels.sms.twilio")
@ConditionalOnBooleanProperty(TwilioChannelConfiguration.ENABLED)
@Validated
public record TwilioProperties(@DefaultValue("false") boolean enabled,
		@NotBlank @Pattern(
				regexp = "AC[0-9a-fA-F]{32}", message = "must be a Twilio account SID (AC + 32 hex)") String accountSid,
		@NotBlank String authToken,
		@Pattern(regexp = "\\+[1-9][0-9]{6,14}",
				message = "must be an E.164 number such as +16175550100") String fromNumber,
		@Pattern(regexp = "MG[0-9a-fA-F]{32}",
				message = "must be a Messaging Service SID (MG + 32 hex)") String messagingServiceSid,
		@Pattern(regexp = "(whatsapp:)?\\+[1-9][0-9]{6,14}", message = "must be whatsapp:+E.164") String whatsappFrom,
		@NotNull URI publicBaseUrl, @DefaultValue("false") boolean trustForwardedHeaders,
		@NotBlank @Pattern(regexp = "[A-Z]{2}",
				message = "must be an ISO 3166 alpha-2 region") @DefaultValue("US") String defaultRegion,
		@NotNull @DefaultValue("https://api.twilio.com") URI apiBaseUrl,
		@NotNull @DefaultValue("10s") Duration apiTimeout, @Valid @NotNull @DefaultValue Media media,
		@Valid @NotNull @DefaultValue Whatsapp whatsapp) {

	/** The path of the inbound message webhook. */
	public static final String MESSAGES_PATH = "/channels/twilio/messages";

	/** The path of the status callback webhook. */
	public static final String STATUS_PATH = "/channels/twilio/status";

	/**
	 * At least one way to send SMS must be configured.
	 * @return whether a from number or a messaging service is set
	 */
	@AssertTrue(message = "set from-number or messaging-service-sid")
	public boolean isSmsSenderConfigured() {
		return hasText(this.fromNumber) || hasText(this.messagingServiceSid);
	}

	/**
	 * The public base URL must be absolute http(s), without query.
	 * @return whether it is usable
	 */
	@AssertTrue(message = "public-base-url must be an absolute http(s) URL without query")
	public boolean isPublicBaseUrlUsable() {
		return this.publicBaseUrl == null || (this.publicBaseUrl.isAbsolute() && this.publicBaseUrl.getHost() != null
				&& this.publicBaseUrl.getRawQuery() == null && this.publicBaseUrl.getScheme().startsWith("http"));
	}

	/**
	 * The full status callback URL given to Twilio on every send.
	 * @return public base URL + {@link #STATUS_PATH}
	 */
	public String statusCallbackUrl() {
		return stripTrailingSlash(this.publicBaseUrl.toString()) + STATUS_PATH;
	}

	/**
	 * The WhatsApp sender with its {@code whatsapp:} prefix.
	 * @return the address, or {@code null} when WhatsApp is not configured
	 */
	public String whatsappAddress() {
		if (!hasText(this.whatsappFrom)) {
			return null;
		}
		return this.whatsappFrom.startsWith("whatsapp:") ? this.whatsappFrom : "whatsapp:" + this.whatsappFrom;
	}

	static String stripTrailingSlash(String value) {
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * Rules for downloading MMS and WhatsApp media (blueprint §9: no SSRF, no credential
	 * leak).
	 *
	 * @param allowedHosts hosts a {@code MediaUrl} may point at; the account credentials
	 * are sent only to these (default {@code api.twilio.com}); {@code *.example.com}
	 * matches sub-domains
	 * @param redirectHosts further hosts a download may be redirected to, fetched without
	 * credentials (default {@code *.twiliocdn.com}: Twilio answers {@code api.twilio.com}
	 * media with a redirect to its CDN, e.g. {@code media.twiliocdn.com},
	 * {@code mms.twiliocdn.com})
	 * @param maxBytes the largest medium downloaded (default 5 MB, Twilio's MMS limit)
	 * @param timeout the longest one download may take, redirects included (default 20 s)
	 * @param maxRedirects how many redirects a download follows (default 3)
	 * @param allowHttpLoopback whether plain-http media on a loopback address is allowed
	 * (tests and the local simulator only; default {@code false}: https only)
	 */
	public record Media(@NotEmpty @DefaultValue("api.twilio.com") List<@NotBlank String> allowedHosts,
			@NotNull @DefaultValue("*.twiliocdn.com") List<@NotBlank String> redirectHosts,
			@NotNull @DefaultValue("5MB") DataSize maxBytes, @NotNull @DefaultValue("20s") Duration timeout,
			@Positive @DefaultValue("3") int maxRedirects, @DefaultValue("false") boolean allowHttpLoopback) {

	}

	/**
	 * WhatsApp message templates (Twilio Content API, {@code HX…} sids) approved by Meta,
	 * needed to write to a resident more than 24 hours after their last message.
	 *
	 * @param templates content sid per purpose, e.g. {@code status-update: HX…}; the
	 * gateway picks one by purpose and passes it in the outbound message headers
	 */
	public record Whatsapp(@NotNull @DefaultValue Map<String, @Pattern(regexp = "HX[0-9a-fA-F]{32}",
			message = "must be a Content SID (HX + 32 hex)") String> templates) {

	}

}
