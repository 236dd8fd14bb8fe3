package org.frontdoor.channels.sms.twilio;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.frontdoor.channels.core.InMemoryMediaStore;
import org.frontdoor.channels.core.OutboundSender;
import org.frontdoor.channels.sms.twilio.inbound.TwilioInboundController;
import org.frontdoor.channels.sms.twilio.inbound.TwilioMediaFetcher;
import org.frontdoor.channels.sms.twilio.outbound.TwilioSender;
import org.frontdoor.channels.sms.twilio.outbound.TwilioStatusCallbackController;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** Which beans exist when, what the defaults are, and what configuration is refused. */
class TwilioChannelConfigurationTest {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withUserConfiguration(TwilioChannelConfiguration.class, TwilioInboundController.class,
				TwilioStatusCallbackController.class)
		.withBean(InMemoryInboundMessageStore.class)
		.withBean(InMemoryMediaStore.class)
		.withBean(RecordingDeliveryReportListener.class);

	private static final String[] MINIMAL = { "frontdoor.channels.sms.twilio.enabled=true",
			"frontdoor.channels.sms.twilio.account-sid=" + TwilioFixtures.ACCOUNT_SID,
			"frontdoor.channels.sms.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
			"frontdoor.channels.sms.twilio.from-number=+16175550100",
			"frontdoor.channels.sms.twilio.public-base-url=https://311.example.gov/" };

	@Test
	void nothingExistsUntilEnabled() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(TwilioSender.class)
				.doesNotHaveBean(TwilioInboundController.class)
				.doesNotHaveBean(TwilioStatusCallbackController.class)
				.doesNotHaveBean(TwilioMediaFetcher.class)
				.doesNotHaveBean(TwilioProperties.class);
		});
	}

	@Test
	void enabledItProvidesTheSenderTheFetcherAndBothWebhooksWithDefaults() {
		this.runner.withPropertyValues(MINIMAL).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(OutboundSender.class).values()).singleElement()
				.isInstanceOf(TwilioSender.class);
			assertThat(context).hasSingleBean(TwilioMediaFetcher.class)
				.hasSingleBean(TwilioInboundController.class)
				.hasSingleBean(TwilioStatusCallbackController.class);
			TwilioProperties properties = context.getBean(TwilioProperties.class);
			assertThat(properties.apiBaseUrl()).isEqualTo(URI.create("https://api.twilio.com"));
			assertThat(properties.defaultRegion()).isEqualTo("US");
			assertThat(properties.trustForwardedHeaders()).isFalse();
			assertThat(properties.media().allowedHosts()).containsExactly("api.twilio.com");
			assertThat(properties.media().redirectHosts()).containsExactly("*.twiliocdn.com");
			assertThat(properties.media().maxBytes()).isEqualTo(DataSize.ofMegabytes(5));
			assertThat(properties.media().allowHttpLoopback()).isFalse();
			assertThat(properties.whatsapp().templates()).isEmpty();
			assertThat(properties.statusCallbackUrl()).isEqualTo("https://311.example.gov/channels/twilio/status");
		});
	}

	@Test
	void theAuthTokenComesFromTheEnvironmentVariable() {
		this.runner
			.withPropertyValues("frontdoor.channels.sms.twilio.enabled=true",
					"frontdoor.channels.sms.twilio.account-sid=" + TwilioFixtures.ACCOUNT_SID,
					"frontdoor.channels.sms.twilio.from-number=+16175550100",
					"frontdoor.channels.sms.twilio.public-base-url=https://311.example.gov")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("FRONTDOOR_CHANNELS_SMS_TWILIO_AUTH_TOKEN", "token-from-env",
								"FRONTDOOR_CHANNELS_SMS_TWILIO_WHATSAPP_TEMPLATES_STATUSUPDATE",
								"HX0123456789abcdef0123456789abcdef"))))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TwilioProperties properties = context.getBean(TwilioProperties.class);
				assertThat(properties.authToken()).isEqualTo("token-from-env");
				assertThat(properties.whatsapp().templates()).containsValue("HX0123456789abcdef0123456789abcdef");
			});
	}

	@Test
	void badConfigurationStopsTheStartWithTheReason() {
		List<String[]> cases = List.of(new String[] { "frontdoor.channels.sms.twilio.auth-token=", "authToken" },
				new String[] { "frontdoor.channels.sms.twilio.account-sid=SK0123", "account SID" },
				new String[] { "frontdoor.channels.sms.twilio.from-number=6175550100", "E.164" },
				new String[] { "frontdoor.channels.sms.twilio.public-base-url=/relative", "public-base-url" },
				new String[] { "frontdoor.channels.sms.twilio.whatsapp.templates.status-update=not-a-sid",
						"Content SID" },
				new String[] { "frontdoor.channels.sms.twilio.media.allowed-hosts=", "allowedHosts" });
		for (String[] bad : cases) {
			this.runner.withPropertyValues(MINIMAL).withPropertyValues(bad[0]).run((context) -> {
				assertThat(context).as(bad[0]).hasFailed();
				assertThat(context.getStartupFailure()).as(bad[0]).rootCause().hasMessageContaining(bad[1]);
			});
		}
	}

	@Test
	void aSenderMustBeConfigured() {
		this.runner.withPropertyValues(MINIMAL)
			.withPropertyValues("frontdoor.channels.sms.twilio.from-number=")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("set from-number or messaging-service-sid"));
	}

}
