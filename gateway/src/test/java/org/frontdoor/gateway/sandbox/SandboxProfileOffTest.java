package org.frontdoor.gateway.sandbox;

import java.util.Arrays;
import java.util.List;

import org.frontdoor.gateway.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production runs without the {@code sandbox} profile: no sandbox endpoint answers, no
 * sandbox bean exists (so nothing touches its tables), and FrontDoor's client is not
 * pointed at it. Flyway still creates the (empty) sandbox tables.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "frontdoor.admin.password=" + SandboxTest.ADMIN_PASSWORD,
				"frontdoor.admin.staff.password=" + SandboxTest.STAFF_PASSWORD })
@PostgresTest
@ActiveProfiles("production")
class SandboxProfileOffTest {

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sandboxEndpointsAreGone() {
		SandboxHttp http = new SandboxHttp(this.port);
		for (String path : List.of(SandboxHttp.API + "/services.json", SandboxHttp.API + "/discovery.xml",
				SandboxHttp.API + "/requests.json", SandboxHttp.API + "/requests/1001.json",
				"/sandbox/open311/discovery.json")) {
			assertThat(http.get(path).status()).as(path).isEqualTo(404);
		}
		assertThat(http.get("/sandbox/admin", SandboxHttp.staff()).status()).isEqualTo(404);
		assertThat(http.postForm(SandboxHttp.API + "/requests.json", SandboxHttp.Form.pothole("off")).status())
			.isIn(404, 405);
		assertThat(http
			.postForm("/sandbox/admin/requests/1001", SandboxHttp.Form.of("status", "closed"), SandboxHttp.staff())
			.status()).isIn(404, 405);
		assertThat(http.get("/sandbox/admin").status()).as("staff paths stay protected").isEqualTo(401);
	}

	@Test
	void noSandboxBeanExists() {
		List<String> sandboxBeans = Arrays.stream(this.context.getBeanFactory().getBeanDefinitionNames())
			.filter((name) -> {
				Class<?> type = this.context.getBeanFactory().getType(name);
				return type != null && type.getPackageName().equals(SandboxProperties.class.getPackageName());
			})
			.toList();
		assertThat(sandboxBeans).isEmpty();
		assertThat(this.context.getEnvironment().getActiveProfiles()).doesNotContain(SandboxProperties.PROFILE);
		assertThat(this.context.getEnvironment().getProperty("frontdoor.open311.base-url", ""))
			.doesNotContain("/sandbox/");
	}

	@Test
	void migrationStillCreatesTheEmptyTables() {
		assertThat(this.jdbc.sql("select count(*) from sandbox_request").query(Integer.class).single()).isZero();
	}

}
