package org.frontdoor.channels.sms.twilio;

import org.frontdoor.channels.core.InMemoryMediaStore;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The smallest application around the Twilio channel: its own package scanned, plus the
 * three things the gateway provides, as in-memory implementations.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = TwilioChannelConfiguration.class)
public class TwilioTestApplication {

	@Bean
	InMemoryInboundMessageStore inboundMessageStore() {
		return new InMemoryInboundMessageStore();
	}

	@Bean
	InMemoryMediaStore mediaStore() {
		return new InMemoryMediaStore();
	}

	@Bean
	InMemoryDeadLetterSink deadLetterSink() {
		return new InMemoryDeadLetterSink();
	}

	@Bean
	RecordingDeliveryReportListener deliveryReportListener() {
		return new RecordingDeliveryReportListener();
	}

}
