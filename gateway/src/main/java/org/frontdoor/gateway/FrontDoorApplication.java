package org.frontdoor.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The FrontDoor gateway.
 * <p>
 * Components of the gateway and of every channel are scanned; configuration properties
 * only of the gateway. A channel turns its own properties on from its (conditional)
 * configuration with {@code @EnableConfigurationProperties}, so a channel that is not
 * configured (no Twilio account, no mail server) neither binds nor validates them and the
 * embedded default run starts without any channel credentials.
 */
@SpringBootApplication(scanBasePackages = { "org.frontdoor.gateway", "org.frontdoor.channels" })
@ConfigurationPropertiesScan(basePackages = "org.frontdoor.gateway")
public class FrontDoorApplication {

	public static void main(String[] args) {
		SpringApplication.run(FrontDoorApplication.class, args);
	}

}
