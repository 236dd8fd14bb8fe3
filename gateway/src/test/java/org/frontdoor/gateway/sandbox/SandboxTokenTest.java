package org.frontdoor.gateway.sandbox;

import java.time.Duration;
import java.util.UUID;

import org.frontdoor.gateway.sandbox.SandboxHttp.Form;
import org.frontdoor.gateway.sandbox.SandboxHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code batch} service ({@code tree}) answers {@code POST requests} with a token
 * only; the token resolves to a {@code service_request_id} after the configured delay (4
 * s in the tests), and only then is the request visible through {@code GET requests}.
 */
class SandboxTokenTest extends SandboxHttpTests {

	@Test
	void tokenResolvesAfterTheDelay() {
		Response posted = this.http.postForm(API + "/requests.json",
				Form.pothole(UUID.randomUUID().toString()).with("service_code", "tree"));
		JsonNode answer = posted.json().get(0);
		assertThat(answer.propertyNames()).containsExactly("token", "service_notice", "account_id");
		String token = answer.path("token").asString();

		JsonNode pending = this.http.get(API + "/tokens/" + token + ".json").json().get(0);
		assertThat(pending.path("token").asString()).isEqualTo(token);
		assertThat(pending.has("service_request_id")).as("no id before the delay").isFalse();
		Response pendingXml = this.http.get(API + "/tokens/" + token + ".xml");
		assertThat(pendingXml.count("/service_requests/request/service_request_id")).isZero();
		assertThat(pendingXml.xpath("/service_requests/request/token")).isEqualTo(token);

		String id = await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.http.get(API + "/tokens/" + token + ".json").json().get(0).path("service_request_id"),
					JsonNode::isString)
			.asString();
		assertThat(id).matches("\\d+");
		Response resolvedXml = this.http.get(API + "/tokens/" + token + ".xml");
		assertThat(resolvedXml.xpath("/service_requests/request/service_request_id")).isEqualTo(id);
		assertThat(resolvedXml.xpath("/service_requests/request/token")).isEqualTo(token);

		JsonNode request = this.http.get(API + "/requests/" + id + ".json").json().get(0);
		assertThat(request.path("service_code").asString()).isEqualTo("tree");
		assertThat(request.path("agency_responsible").asString()).contains("Urban Forestry");
	}

	@Test
	void batchRequestIsInvisibleUntilItsTokenResolves() {
		String externalId = UUID.randomUUID().toString();
		Response posted = this.http.postForm(API + "/requests.json",
				Form.pothole(externalId).with("service_code", "tree"));
		String token = posted.json().get(0).path("token").asString();
		long id = this.jdbc.sql("select id from sandbox_request where external_id = :id")
			.param("id", externalId)
			.query(Long.class)
			.single();
		assertThat(this.http.get(API + "/requests/" + id + ".json").status()).isEqualTo(404);
		assertThat(this.http.get(API + "/requests.json?service_request_id=" + id).json()).isEmpty();

		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.http.get(API + "/tokens/" + token + ".json").json().get(0).has("service_request_id"));
		assertThat(this.http.get(API + "/requests/" + id + ".json").status()).isEqualTo(200);
		assertThat(this.http.get(API + "/requests.json?service_code=tree").json())
			.anySatisfy((tree) -> assertThat(tree.path("service_request_id").asString()).isEqualTo(String.valueOf(id)));
	}

}
