package org.frontdoor.gateway.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test on a real PostgreSQL: add it next to {@code @SpringBootTest}.
 *
 * <pre class="code">
 * &#064;SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * &#064;PostgresTest
 * class MyFeatureTest { ... }
 * </pre>
 *
 * One embedded PostgreSQL server serves the whole test JVM; each Spring application
 * context gets its own new database (so contexts never see each other's rows), which
 * Flyway migrates at start-up exactly as in production. Spring's test context cache still
 * applies: test classes with the same configuration share a context and therefore a
 * database, so clean up or use unique keys when that matters. For several contexts on one
 * database, use {@link TestPostgres#createDatabase()} directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
public @interface PostgresTest {

}
