package org.frontdoor.channels.sms.twilio;

import java.time.Clock;

import com.twilio.http.TwilioRestClient;
import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.channels.core.media.MediaPolicy;
import org.frontdoor.channels.core.media.MediaSanitizer;
import org.frontdoor.channels.sms.twilio.inbound.TwilioInboundNormalizer;
import org.frontdoor.channels.sms.twilio.inbound.TwilioMediaFetcher;
import org.frontdoor.channels.sms.twilio.outbound.TwilioApiHttpClient;
import org.frontdoor.channels.sms.twilio.outbound.TwilioSender;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Twilio channel's beans, on when {@code frontdoor.channels.sms.twilio.enabled=true}.
 * The webhook controllers ({@code TwilioInboundController},
 * {@code TwilioStatusCallbackController}) are found by component scanning under the same
 * condition. From the application it needs only an
 * {@link org.frontdoor.channels.core.InboundMessageStore}, a {@link MediaStore} and a
 * {@link org.frontdoor.channels.core.DeliveryReportListener}; it uses the application's
 * {@link Clock} bean when there is exactly one, else the UTC system clock.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(TwilioChannelConfiguration.ENABLED)
@EnableConfigurationProperties(TwilioProperties.class)
public class TwilioChannelConfiguration {

	/** The property switching the Twilio channel on. */
	public static final String ENABLED = "frontdoor.channels.sms.twilio.enabled";

	/**
	 * The signature checker for the configured auth token.
	 * @param properties the configuration
	 * @return the checker
	 */
	@Bean
	public TwilioSignature twilioSignature(TwilioProperties properties) {
		return new TwilioSignature(properties.authToken());
	}

	/**
	 * Signature and account checks shared by both webhooks.
	 * @param properties the configuration
	 * @param twilioSignature the signature checker
	 * @return the guard
	 */
	@Bean
	public TwilioWebhookGuard twilioWebhookGuard(TwilioProperties properties, TwilioSignature twilioSignature) {
		return new TwilioWebhookGuard(properties, twilioSignature);
	}

	/**
	 * Phone number normalization with the configured default region.
	 * @param properties the configuration
	 * @return the normalizer
	 */
	@Bean
	public PhoneNumbers twilioPhoneNumbers(TwilioProperties properties) {
		return new PhoneNumbers(properties.defaultRegion());
	}

	/**
	 * Webhook payload → inbound message.
	 * @param twilioPhoneNumbers the number normalizer
	 * @param clock the application's clock, if any
	 * @return the normalizer
	 */
	@Bean
	public TwilioInboundNormalizer twilioInboundNormalizer(PhoneNumbers twilioPhoneNumbers,
			ObjectProvider<Clock> clock) {
		return new TwilioInboundNormalizer(twilioPhoneNumbers, clock.getIfUnique(Clock::systemUTC));
	}

	/**
	 * Media download, sanitizing and storage for the gateway's pipeline.
	 * @param properties the configuration ({@code media.*})
	 * @param mediaStore the application's media store
	 * @return the fetcher
	 */
	@Bean
	public TwilioMediaFetcher twilioMediaFetcher(TwilioProperties properties, MediaStore mediaStore) {
		MediaSanitizer sanitizer = new MediaSanitizer(
				MediaPolicy.defaults().withMaxBytes(properties.media().maxBytes().toBytes()));
		return new TwilioMediaFetcher(properties, sanitizer, mediaStore);
	}

	/**
	 * The SMS and WhatsApp sender.
	 * @param properties the configuration
	 * @param twilioPhoneNumbers the number normalizer
	 * @param clock the application's clock, if any
	 * @return the sender
	 */
	@Bean
	public TwilioSender twilioSender(TwilioProperties properties, PhoneNumbers twilioPhoneNumbers,
			ObjectProvider<Clock> clock) {
		TwilioRestClient client = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
			.accountSid(properties.accountSid())
			.httpClient(new TwilioApiHttpClient(properties.apiBaseUrl(), properties.apiTimeout()))
			.build();
		return new TwilioSender(properties, client, twilioPhoneNumbers, clock.getIfUnique(Clock::systemUTC));
	}

}
