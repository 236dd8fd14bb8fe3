package org.frontdoor.gateway.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.frontdoor.gateway.testsupport.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The sandbox's HTTP tests: the whole gateway on a random port, on a real PostgreSQL, in
 * the default ({@code sandbox}) profile. Every class with this annotation shares one
 * application context and database, so tests use their own {@code external_id}s, service
 * codes or time windows instead of counting rows globally.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdoor.admin.password=" + SandboxTest.ADMIN_PASSWORD,
				"frontdoor.admin.staff.password=" + SandboxTest.STAFF_PASSWORD, "frontdoor.sandbox.token-delay=4s" })
@PostgresTest
@interface SandboxTest {

	/** The staff user's password in these tests. */
	String STAFF_PASSWORD = "staff-test-password";

	/** The admin user's password in these tests. */
	String ADMIN_PASSWORD = "admin-test-password";

}
