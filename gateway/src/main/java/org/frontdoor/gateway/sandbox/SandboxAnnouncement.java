package org.frontdoor.gateway.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Says once at start-up that the sandbox backend is on, where, and how to turn it off, so
 * nobody runs it in production by accident.
 */
@Component
@Profile(SandboxProperties.PROFILE)
class SandboxAnnouncement implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger log = LoggerFactory.getLogger(SandboxAnnouncement.class);

	private final SandboxProperties properties;

	private final SandboxCatalog catalog;

	SandboxAnnouncement(SandboxProperties properties, SandboxCatalog catalog) {
		this.properties = properties;
		this.catalog = catalog;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		boolean defaultKey = this.properties.apiKeys().contains(SandboxProperties.DEFAULT_API_KEY);
		log.info("Sandbox Open311 backend ON (profile '{}'): http://localhost:{}{}/ with {} services, api_key {}, "
				+ "staff pages at {}. Production runs without the '{}' profile (SPRING_PROFILES_ACTIVE=production).",
				SandboxProperties.PROFILE, event.getWebServer().getPort(), GeoReportController.BASE,
				this.catalog.services().size(),
				defaultKey ? "'" + SandboxProperties.DEFAULT_API_KEY + "' (the documented default)"
						: "from frontdoor.sandbox.api-keys",
				StaffPages.ROOT, SandboxProperties.PROFILE);
	}

}
