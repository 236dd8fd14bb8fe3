package org.frontdoor.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The FrontDoor gateway.
 */
@SpringBootApplication(scanBasePackages = { "org.frontdoor.gateway", "org.frontdoor.channels" })
// Channel properties are registered by each channel's own configuration, only when that
// channel is enabled, so a disabled channel's required settings are never demanded.
@ConfigurationPropertiesScan(basePackages = "org.frontdoor.gateway")
public class FrontDoorApplication {

	public static void main(String[] args) {
		SpringApplication.run(FrontDoorApplication.class, args);
	}

}
