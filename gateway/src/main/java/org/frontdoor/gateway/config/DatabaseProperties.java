package org.frontdoor.gateway.config;

import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where FrontDoor keeps its data ({@code frontdoor.database.*}). With no URL set, an
 * embedded PostgreSQL is started on a local data directory; with a URL, FrontDoor uses
 * that PostgreSQL server and starts nothing.
 *
 * @param url JDBC URL of an external PostgreSQL (e.g.
 * {@code jdbc:postgresql://db:5432/frontdoor}); empty means the embedded server
 * ({@code spring.datasource.url} works too and wins)
 * @param username database user for the external server
 * @param password database password for the external server (from the environment:
 * {@code FRONTDOOR_DATABASE_PASSWORD})
 * @param embedded settings of the embedded server used when no URL is set
 */
@Validated
@ConfigurationProperties("frontdoor.database")
public record DatabaseProperties(String url, String username, String password,
		@Valid @NotNull @DefaultValue Embedded embedded) {

	/**
	 * The embedded PostgreSQL of the default run.
	 *
	 * @param enabled whether to start it when no database URL is configured (when
	 * {@code false} and no URL is set, start-up fails with a clear message)
	 * @param dataDirectory where the database files live; kept across restarts
	 * @param port TCP port on localhost; {@code 0} picks a free port at each start
	 * @param startupTimeout how long to wait for the server to accept connections, in
	 * seconds
	 * @param durable whether commits are flushed to disk ({@code fsync} and
	 * {@code synchronous_commit} on); only tests turn this off
	 */
	public record Embedded(@DefaultValue("true") boolean enabled,
			@NotNull @DefaultValue("./data/postgres") Path dataDirectory,
			@Min(0) @Max(65535) @DefaultValue("0") int port, @Min(1) @DefaultValue("60") int startupTimeout,
			@DefaultValue("true") boolean durable) {

	}

}
