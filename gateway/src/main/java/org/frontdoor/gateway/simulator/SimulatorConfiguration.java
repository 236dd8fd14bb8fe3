package org.frontdoor.gateway.simulator;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.frontdoor.channels.sms.twilio.TwilioChannelConfiguration;
import org.frontdoor.channels.sms.twilio.TwilioProperties;
import org.frontdoor.gateway.config.PublicEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The texting simulator's wiring, on when {@code frontdoor.simulator.enabled=true}: its
 * pages open to anyone, its Twilio-compatible API outside the admin HTTP basic
 * authentication (it checks the Twilio account's own credentials, as Twilio does). It
 * refuses to start unless the Twilio channel is on and sends to the simulator on this
 * machine, so a typed phone number can never reach a real phone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(SimulatorProperties.ENABLED)
public class SimulatorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

	@Bean
	SimulatorStore simulatorStore(JdbcClient jdbc, ObjectProvider<TwilioProperties> twilio) {
		TwilioProperties properties = twilio.getIfAvailable();
		if (properties == null) {
			throw new IllegalStateException("The texting simulator needs the Twilio channel: set "
					+ TwilioChannelConfiguration.ENABLED + "=true (the embedded default run does), or turn the "
					+ "simulator off with " + SimulatorProperties.ENABLED + "=false");
		}
		if (!isLoopback(properties.apiBaseUrl())) {
			throw new IllegalStateException("The texting simulator must not run against a real Twilio account: "
					+ "frontdoor.channels.sms.twilio.api-base-url is " + properties.apiBaseUrl() + "; point it at "
					+ "http://localhost:<port>" + SimulatorProperties.TWILIO_API_PATH
					+ " or set frontdoor.simulator.enabled=false");
		}
		log.info("Texting simulator ON at /simulator (not a real phone; Twilio API calls go to {})",
				properties.apiBaseUrl());
		return new SimulatorStore(jdbc);
	}

	@Bean
	PublicEndpoints simulatorPublicEndpoints() {
		return () -> List.of("/simulator", "/simulator/**");
	}

	/**
	 * The simulated Twilio API authenticates callers with the Twilio account's SID and
	 * token, like Twilio; the admin users' HTTP basic authentication must not see those
	 * requests.
	 * @param http the security builder
	 * @return the filter chain for {@code /simulator/twilio/**}
	 * @throws Exception when the chain cannot be built
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain simulatorTwilioApiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(SimulatorProperties.TWILIO_API_PATH + "/**")
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((auth) -> auth.anyRequest().permitAll());
		return http.build();
	}

	static boolean isLoopback(URI uri) {
		if (uri == null || uri.getHost() == null) {
			return false;
		}
		if ("localhost".equalsIgnoreCase(uri.getHost())) {
			return true;
		}
		try {
			return InetAddress.getByName(uri.getHost()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
