package org.frontdoor.gateway.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Application-wide infrastructure: the clock every component reads time from (tests
 * replace it), and Spring's scheduling (catalog refresh, status poller).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CoreConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
