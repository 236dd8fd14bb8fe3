package org.frontdoor.channels.sms.twilio;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application context shared by the webhook tests (one Spring context, cached):
 * Twilio on, the test account, public base URL {@code https://311.example.gov}, forwarded
 * headers not trusted.
 */
@SpringBootTest(classes = TwilioTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "frontdoor.channels.sms.twilio.enabled=true",
				"frontdoor.channels.sms.twilio.account-sid=" + TwilioFixtures.ACCOUNT_SID,
				"frontdoor.channels.sms.twilio.auth-token=" + TwilioFixtures.AUTH_TOKEN,
				"frontdoor.channels.sms.twilio.from-number=+16175550100",
				"frontdoor.channels.sms.twilio.whatsapp-from=whatsapp:+16175550101",
				"frontdoor.channels.sms.twilio.public-base-url=" + TwilioFixtures.PUBLIC_BASE_URL,
				"frontdoor.channels.sms.twilio.whatsapp.templates.status-update=HX0123456789abcdef0123456789abcdef" })
abstract class TwilioWebhookTestBase {

}
