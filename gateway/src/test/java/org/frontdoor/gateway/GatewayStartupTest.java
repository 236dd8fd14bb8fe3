package org.frontdoor.gateway;

import java.util.List;

import org.frontdoor.gateway.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application starts on a real PostgreSQL, Flyway migrated it, and the security rules
 * hold at the edges.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@PostgresTest
class GatewayStartupTest {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void flywayMigratedTheFoundationSchema() {
		List<String> versions = this.jdbc.sql(
				"select version from flyway_schema_history where success and version is not null order by installed_rank")
			.query(String.class)
			.list();
		assertThat(versions).startsWith("1");
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = 'public'")
			.query(String.class)
			.list();
		assertThat(tables).contains("inbound_message", "media", "submission", "service_request_link", "status_change",
				"subscription", "outbound_message", "dead_letter", "opt_out", "queue_control", "int_lock");
	}

	@Test
	void healthIsOpenAndUp() {
		String body = client().get().uri("/actuator/health").retrieve().body(String.class);
		assertThat(body).contains("\"status\":\"UP\"").contains("\"db\"");
	}

	@Test
	void adminNeedsCredentials() {
		HttpStatusCode status = client().get()
			.uri("/admin/queues")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(status.value()).isEqualTo(401);
	}

	@Test
	void unknownPathsAreDenied() {
		HttpStatusCode status = client().get()
			.uri("/definitely-not-public")
			.exchange((request, response) -> response.getStatusCode());
		assertThat(status.value()).isIn(401, 403);
	}

	private RestClient client() {
		return RestClient.builder().baseUrl("http://localhost:" + this.port).build();
	}

}
