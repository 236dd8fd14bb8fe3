package org.frontdoor.gateway.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.frontdoor.gateway.sandbox.SandboxHttp.Form;
import org.frontdoor.gateway.sandbox.SandboxHttp.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission whose {@code attribute[external_id]} was used before returns the request
 * stored then, sequentially and under concurrent duplicates (FrontDoor's outbox retries
 * rely on it).
 */
class SandboxIdempotencyTest extends SandboxHttpTests {

	@Test
	void repeatedSubmissionReturnsTheFirstRequest() {
		String externalId = UUID.randomUUID().toString();
		String first = id(this.http.postForm(API + "/requests.json", Form.pothole(externalId)));
		Response again = this.http.postForm(API + "/requests.xml",
				Form.pothole(externalId).with("description", "a retry with other text"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.xpath("/service_requests/request/service_request_id")).isEqualTo(first);
		assertThat(rows(externalId)).isOne();
		assertThat(this.http.get(API + "/requests/" + first + ".json").firstRequest()).containsEntry("description",
				"Deep pothole in the bike lane");
	}

	@Test
	void withoutExternalIdEverySubmissionIsNew() {
		Form form = Form.pothole("unused").without("attribute[external_id]");
		assertThat(id(this.http.postForm(API + "/requests.json", form)))
			.isNotEqualTo(id(this.http.postForm(API + "/requests.json", form)));
	}

	@Test
	void repeatedBatchSubmissionReturnsTheSameToken() {
		String externalId = UUID.randomUUID().toString();
		Form tree = Form.pothole(externalId).with("service_code", "tree");
		String token = this.http.postForm(API + "/requests.json", tree).json().get(0).path("token").asString();
		Response again = this.http.postForm(API + "/requests.json", tree);
		assertThat(again.json().get(0).path("token").asString()).isEqualTo(token);
		assertThat(again.json().get(0).has("service_request_id")).isFalse();
		assertThat(rows(externalId)).isOne();
	}

	@Test
	void concurrentDuplicatesStoreExactlyOneRequest() throws Exception {
		String externalId = UUID.randomUUID().toString();
		int clients = 16;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			calls.add(() -> {
				start.await();
				return id(new SandboxHttp(this.port).postForm(API + "/requests.json", Form.pothole(externalId)));
			});
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			List<Future<String>> answers = calls.stream().map(pool::submit).toList();
			start.countDown();
			Set<String> ids = new HashSet<>();
			for (Future<String> answer : answers) {
				ids.add(answer.get());
			}
			assertThat(ids).as("every client got the same request").hasSize(1);
		}
		assertThat(rows(externalId)).isOne();
		assertThat(this.jdbc.sql("""
				select count(*) from sandbox_status_history h join sandbox_request r on r.id = h.request_id
				where r.external_id = :id""").param("id", externalId).query(Integer.class).single()).isOne();
	}

	private int rows(String externalId) {
		return this.jdbc.sql("select count(*) from sandbox_request where external_id = :id")
			.param("id", externalId)
			.query(Integer.class)
			.single();
	}

	private static String id(Response response) {
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json().get(0).path("service_request_id").asString();
	}

}
