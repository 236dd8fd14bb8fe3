package org.frontdoor.gateway.sandbox;

import org.frontdoor.gateway.sandbox.SandboxHttp.Form;
import org.frontdoor.gateway.sandbox.SandboxHttp.Response;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the sandbox's HTTP tests: the running gateway's port, a plain HTTP client on
 * it, and the database for checks that only the tables can show.
 */
@SandboxTest
abstract class SandboxHttpTests {

	/** The sandbox API's path. */
	static final String API = SandboxHttp.API;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	SandboxHttp http;

	@BeforeEach
	void client() {
		this.http = new SandboxHttp(this.port);
	}

	/**
	 * File a request that must be accepted.
	 * @param form the submission
	 * @return its {@code service_request_id}
	 */
	String create(Form form) {
		Response created = this.http.postForm(API + "/requests.json", form);
		assertThat(created.status()).as(created.text()).isEqualTo(200);
		return created.json().get(0).path("service_request_id").asString();
	}

}
