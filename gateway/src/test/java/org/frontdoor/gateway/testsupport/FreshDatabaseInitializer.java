package org.frontdoor.gateway.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application context being created at a fresh database on the shared test
 * PostgreSQL ({@link TestPostgres}). Flyway then migrates it like production. Applied by
 * {@link PostgresTest}.
 */
public class FreshDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPostgres.TestDatabase database = TestPostgres.createDatabase();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("frontdoor-test-database", database.properties()));
	}

}
