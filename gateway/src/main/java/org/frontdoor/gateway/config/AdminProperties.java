package org.frontdoor.gateway.config;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the admin API and the sandbox's staff actions ({@code frontdoor.admin.*}).
 * Passwords come from the environment; when one is not set, a random password is
 * generated at start-up and logged once (like Spring Boot's default user), which suits
 * the embedded default run only.
 *
 * @param username the admin user (role {@code ADMIN}, {@code /admin/**})
 * @param password the admin password ({@code FRONTDOOR_ADMIN_PASSWORD}); empty means
 * generated at start-up
 * @param staff the sandbox staff user (role {@code SANDBOX_STAFF},
 * {@code /sandbox/admin/**})
 * @param publicPrometheus whether {@code /actuator/prometheus} is open without
 * authentication (scrapers on a private network); when {@code false} it needs the admin
 * user
 * @param publicPaths extra URL patterns open without authentication (e.g. a city's own
 * static pages), in addition to the built-in ones
 */
@Validated
@ConfigurationProperties("frontdoor.admin")
public record AdminProperties(@NotBlank @DefaultValue("admin") String username, String password,
		@Valid @NotNull @DefaultValue Staff staff, @DefaultValue("true") boolean publicPrometheus,
		@NotNull @DefaultValue List<String> publicPaths) {

	/**
	 * The sandbox backend's staff user.
	 *
	 * @param username the staff user name
	 * @param password the staff password ({@code FRONTDOOR_ADMIN_STAFF_PASSWORD}); empty
	 * means generated at start-up
	 */
	public record Staff(@NotBlank @DefaultValue("staff") String username, String password) {

	}

}
