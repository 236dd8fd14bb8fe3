package org.frontdoor.gateway.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The simulated Twilio's delivery reports: shortly after accepting a message it posts a
 * signed {@code delivered} status callback to the URL FrontDoor gave, like Twilio.
 */
@Component
@ConditionalOnBooleanProperty(SimulatorProperties.ENABLED)
public class SimulatorDeliveries {

	private static final Logger log = LoggerFactory.getLogger(SimulatorDeliveries.class);

	private final SimulatorStore store;

	private final TwilioProperties twilio;

	private final TwilioWebhooks webhooks;

	public SimulatorDeliveries(SimulatorStore store, TwilioProperties twilio) {
		this.store = store;
		this.twilio = twilio;
		this.webhooks = new TwilioWebhooks(twilio.authToken());
	}

	/** Post the callbacks that are due (every 200 ms). */
	@Scheduled(fixedDelay = 200, initialDelay = 1000)
	public void deliver() {
		for (SimulatorStore.DueCallback due : this.store.claimDueCallbacks(20)) {
			if (due.url() == null || due.url().isBlank()) {
				continue;
			}
			SimulatorStore.SimulatedMessage message = due.message();
			boolean whatsapp = "WHATSAPP".equals(message.channel());
			Map<String, String> params = new LinkedHashMap<>();
			params.put("AccountSid", this.twilio.accountSid());
			params.put("ApiVersion", "2010-04-01");
			if (whatsapp) {
				params.put("ChannelPrefix", "whatsapp");
			}
			params.put("From", whatsapp ? this.twilio.whatsappAddress() : this.twilio.fromNumber());
			params.put("MessageSid", message.sid());
			params.put("MessageStatus", "delivered");
			params.put("SmsSid", message.sid());
			params.put("SmsStatus", "delivered");
			params.put("To", (whatsapp ? "whatsapp:" : "") + message.phone());
			params.values().removeIf((value) -> value == null);
			try {
				int status = this.webhooks.post(due.url(), params).statusCode();
				if (status >= 300) {
					log.warn("Simulator status callback for {} answered HTTP {}", message.sid(), status);
				}
			}
			catch (Exception ex) {
				log.warn("Simulator status callback for {} failed: {}", message.sid(), ex.toString());
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
