package org.frontdoor.gateway.reply;

import org.frontdoor.templates.Templates;
import org.frontdoor.templates.TemplatesConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The reply side's beans: the template renderer bound to {@code frontdoor.templates.*}
 * and {@code frontdoor.city.*}, the composer, and the city's quiet hours.
 */
@Configuration(proxyBeanMethods = false)
public class ReplyConfiguration {

	@Bean
	Templates templates(TemplatesProperties templates, CityProperties city) {
		TemplatesConfig config = new TemplatesConfig(templates.overrideDir(), templates.checkInterval(),
				templates.smsTransliteration(), templates.maxSegments(), city.name(),
				StringUtils.hasText(city.programName()) ? city.programName() : null, city.helpContact(),
				city.emergencyNumber());
		return new Templates(config);
	}

	@Bean
	ReplyComposer replyComposer(Templates templates) {
		return new ReplyComposer(templates);
	}

	@Bean
	QuietHours quietHours(RelayProperties relay, CityProperties city) {
		return QuietHours.of(relay.quietHours(), city.timeZone());
	}

}
