package org.frontdoor.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The FrontDoor gateway.
 */
@SpringBootApplication(scanBasePackages = { "org.frontdoor.gateway", "org.frontdoor.channels" })
@ConfigurationPropertiesScan(basePackages = { "org.frontdoor.gateway", "org.frontdoor.channels" })
public class FrontDoorApplication {

	public static void main(String[] args) {
		SpringApplication.run(FrontDoorApplication.class, args);
	}

}
