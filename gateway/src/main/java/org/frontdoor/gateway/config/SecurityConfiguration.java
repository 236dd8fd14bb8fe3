package org.frontdoor.gateway.config;

import java.util.ArrayList;
import java.util.List;

import org.frontdoor.channels.core.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Who may call what. {@code /admin/**} needs the {@code ADMIN} role,
 * {@code /sandbox/admin/**} the {@code SANDBOX_STAFF} role (both HTTP basic, users from
 * {@link AdminProperties}); webhooks, the chat API, media, health and the sandbox's
 * GeoReport API are open (webhooks verify their own signatures); anything else is denied
 * unless a {@link PublicEndpoints} bean opens it. No sessions, so no CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** Role of the admin API. */
	public static final String ROLE_ADMIN = "ADMIN";

	/** Role of the sandbox backend's staff actions. */
	public static final String ROLE_SANDBOX_STAFF = "SANDBOX_STAFF";

	/** Patterns open to anyone, whatever is deployed. */
	static final List<String> BUILT_IN_PUBLIC = List.of("/sandbox/open311/**", "/channels/**", "/api/chat/**",
			"/media/**", "/actuator/health", "/actuator/health/**", "/error", "/", "/index.html", "/favicon.ico",
			"/css/**", "/js/**", "/img/**", "/images/**", "/static/**", "/assets/**", "/webjars/**");

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain frontDoorSecurity(HttpSecurity http, AdminProperties properties,
			ObjectProvider<PublicEndpoints> publicEndpoints) throws Exception {
		List<String> open = new ArrayList<>(BUILT_IN_PUBLIC);
		open.addAll(properties.publicPaths());
		publicEndpoints.orderedStream().forEach((endpoints) -> open.addAll(endpoints.patterns()));
		if (properties.publicPrometheus()) {
			open.add("/actuator/prometheus");
		}
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(Customizer.withDefaults())
			.authorizeHttpRequests((auth) -> auth.requestMatchers("/admin/**")
				.hasRole(ROLE_ADMIN)
				.requestMatchers("/sandbox/admin/**")
				.hasRole(ROLE_SANDBOX_STAFF)
				.requestMatchers(open.toArray(String[]::new))
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(ROLE_ADMIN)
				.anyRequest()
				.denyAll());
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager frontDoorUsers(AdminProperties properties) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		UserDetails admin = User.withUsername(properties.username())
			.password(encoder.encode(passwordOrGenerated("admin", properties.password())))
			.roles(ROLE_ADMIN, ROLE_SANDBOX_STAFF)
			.build();
		UserDetails staff = User.withUsername(properties.staff().username())
			.password(encoder.encode(passwordOrGenerated("sandbox staff", properties.staff().password())))
			.roles(ROLE_SANDBOX_STAFF)
			.build();
		return new InMemoryUserDetailsManager(admin, staff);
	}

	private static String passwordOrGenerated(String who, String configured) {
		if (StringUtils.hasText(configured)) {
			return configured;
		}
		String generated = RandomIds.urlSafe(18);
		log.warn("No {} password configured; generated one for this run: {} "
				+ "(set it from the environment for anything but a local trial)", who, generated);
		return generated;
	}

}
