package org.frontdoor.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default run: with no database URL, FrontDoor starts its own PostgreSQL on
 * a local data directory, durable (fsync and synchronous_commit on), and the data
 * survives a restart.
 */
class EmbeddedDatabaseTest {

	@TempDir
	Path dataDirectory;

	@Test
	void startsDurableEmbeddedPostgresAndKeepsDataAcrossRestarts() {
		String key = UUID.randomUUID().toString();
		try (ConfigurableApplicationContext context = start()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
			jdbc.sql("insert into opt_out (channel, address, source) values ('SMS', :key, 'test')")
				.param("key", key)
				.update();
		}
		assertThat(Files.exists(this.dataDirectory.resolve("PG_VERSION"))).isTrue();
		try (ConfigurableApplicationContext context = start()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from opt_out where address = :key")
				.param("key", key)
				.query(Integer.class)
				.single()).isOne();
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(FrontDoorApplication.class)
			.properties("server.port=0", "frontdoor.database.embedded.data-directory=" + this.dataDirectory,
					"frontdoor.admin.password=test", "frontdoor.admin.staff.password=test")
			.run();
	}

}
