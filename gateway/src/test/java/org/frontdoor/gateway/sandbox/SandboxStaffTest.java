package org.frontdoor.gateway.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.frontdoor.gateway.sandbox.SandboxHttp.Form;
import org.frontdoor.gateway.sandbox.SandboxHttp.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff actions behind authentication: a status change (form or JSON) is reflected in the
 * GeoReport API with a newer {@code updated_datetime} and in the {@code updated_after}
 * change feed; the staff page lists requests with masked contact details and escaped
 * text.
 */
class SandboxStaffTest extends SandboxHttpTests {

	@Test
	void staffActionsNeedCredentials() {
		String id = create(Form.pothole(UUID.randomUUID().toString()));
		Form close = Form.of("status", "closed");
		assertThat(this.http.postForm("/sandbox/admin/requests/" + id, close).status()).isEqualTo(401);
		assertThat(
				this.http.postForm("/sandbox/admin/requests/" + id, close, SandboxHttp.basic("staff", "wrong-password"))
					.status())
			.isEqualTo(401);
		assertThat(this.http.get("/sandbox/admin").status()).isEqualTo(401);
		assertThat(this.http.get("/sandbox/admin", SandboxHttp.staff()).status()).isEqualTo(200);
		assertThat(this.http.get("/sandbox/admin", SandboxHttp.basic("admin", SandboxTest.ADMIN_PASSWORD)).status())
			.isEqualTo(200);
		assertThat(this.http.get(API + "/requests/" + id + ".json").firstRequest()).containsEntry("status", "open");
	}

	@Test
	void statusChangeIsVisibleInTheApiWithANewerUpdatedDatetime() {
		String id = create(Form.pothole(UUID.randomUUID().toString()));
		JsonNode before = this.http.get(API + "/requests/" + id + ".json").json().get(0);
		String updatedBefore = before.path("updated_datetime").asString();

		Response changed = this.http.postForm("/sandbox/admin/requests/" + id,
				Form.of("status", "closed", "status_notes", "Pothole filled by DPW crew 4."), SandboxHttp.staff());
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.firstRequest()).containsEntry("status", "closed")
			.containsEntry("status_notes", "Pothole filled by DPW crew 4.");

		JsonNode after = this.http.get(API + "/requests/" + id + ".json").json().get(0);
		assertThat(after.path("status").asString()).isEqualTo("closed");
		assertThat(after.path("status_notes").asString()).isEqualTo("Pothole filled by DPW crew 4.");
		OffsetDateTime updatedAfter = OffsetDateTime.parse(after.path("updated_datetime").asString());
		assertThat(updatedAfter).isAfter(OffsetDateTime.parse(updatedBefore));
		assertThat(after.path("requested_datetime").asString()).isEqualTo(before.path("requested_datetime").asString());

		JsonNode feed = this.http.get(API + "/requests.json?updated_after=" + encode(updatedAfter.toString())).json();
		assertThat(feed).anySatisfy((request) -> {
			assertThat(request.path("service_request_id").asString()).isEqualTo(id);
			assertThat(request.path("status").asString()).isEqualTo("closed");
		});
		assertThat(this.http.get(API + "/requests.json?updated_after=" + encode(updatedAfter.plusSeconds(2).toString()))
			.json()).noneSatisfy((request) -> assertThat(request.path("service_request_id").asString()).isEqualTo(id));
		assertThat(this.http.get(API + "/requests.xml?service_request_id=" + id + "&status=open")
			.xpath("/service_requests/request/status")).isEqualTo("closed");

		assertThat(this.jdbc.sql("""
				select string_agg(status || ':' || coalesce(status_notes, '-') || ':' || changed_by, '|' order by id)
				from sandbox_status_history where request_id = :id""")
			.param("id", Long.parseLong(id))
			.query(String.class)
			.single()).isEqualTo("open:-:submitted through the API|closed:Pothole filled by DPW crew 4.:staff");
	}

	@Test
	void jsonStatusChangeAndReopening() {
		String id = create(Form.pothole(UUID.randomUUID().toString()));
		Response closed = this.http.postJson("/sandbox/admin/requests/" + id,
				"{\"status\":\"closed\",\"status_notes\":\"Duplicate of #1001.\"}", SandboxHttp.staff());
		assertThat(closed.status()).as(closed.text()).isEqualTo(200);
		String closedAt = closed.json().get(0).path("updated_datetime").asString();
		Response reopened = this.http.postJson("/sandbox/admin/requests/" + id, "{\"status\":\"OPEN\"}",
				SandboxHttp.staff());
		assertThat(reopened.firstRequest()).containsEntry("status", "open").containsEntry("status_notes", null);
		assertThat(OffsetDateTime.parse(reopened.json().get(0).path("updated_datetime").asString()))
			.isAfter(OffsetDateTime.parse(closedAt));
	}

	@Test
	void unchangedStatusKeepsUpdatedDatetime() {
		String id = create(Form.pothole(UUID.randomUUID().toString()));
		String updated = this.http.get(API + "/requests/" + id + ".json")
			.json()
			.get(0)
			.path("updated_datetime")
			.asString();
		Response same = this.http.postForm("/sandbox/admin/requests/" + id, Form.of("status", "open"),
				SandboxHttp.staff());
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.json().get(0).path("updated_datetime").asString()).isEqualTo(updated);
	}

	@Test
	void badStaffInputIsRefused() {
		String id = create(Form.pothole(UUID.randomUUID().toString()));
		Response badStatus = this.http.postForm("/sandbox/admin/requests/" + id, Form.of("status", "resolved"),
				SandboxHttp.staff());
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.errorDescriptions()).containsExactly("status: must be open or closed");
		Response unknown = this.http.postForm("/sandbox/admin/requests/99999999", Form.of("status", "closed"),
				SandboxHttp.staff());
		assertThat(unknown.status()).isEqualTo(404);
		Response crossSite = this.http.postForm("/sandbox/admin/requests/" + id, Form.of("status", "closed"),
				"Authorization", SandboxHttp.staff()[1], "Origin", "https://evil.example", "Sec-Fetch-Site",
				"cross-site");
		assertThat(crossSite.status()).isEqualTo(403);
		assertThat(this.http.get(API + "/requests/" + id + ".json").firstRequest()).containsEntry("status", "open");
		Response notJson = this.http.postJson("/sandbox/admin/requests/" + id, "{not json", SandboxHttp.staff());
		assertThat(notJson.status()).isEqualTo(400);
	}

	@Test
	void browserFormIsRedirectedBackToTheList() {
		String id = create(Form.pothole(UUID.randomUUID().toString()));
		Response form = this.http.postForm("/sandbox/admin/requests/" + id,
				Form.of("status", "closed", "status_notes", "Done"), "Authorization", SandboxHttp.staff()[1], "Accept",
				"text/html,application/xhtml+xml", "Origin", "http://localhost:" + this.port, "Sec-Fetch-Site",
				"same-origin");
		assertThat(form.status()).isEqualTo(303);
		assertThat(form.location()).isEqualTo("/sandbox/admin?changed=" + id + "#r" + id);
		Response page = this.http.get("/sandbox/admin?changed=" + id, SandboxHttp.staff());
		assertThat(page.text()).contains("Request #" + id + " saved.");
	}

	@Test
	void staffPagesMaskContactDetailsAndEscapeText() {
		String id = create(Form.pothole(UUID.randomUUID().toString())
			.with("description", "<script>alert('x')</script> near the corner")
			.add("email", "jane.resident@example.com")
			.add("phone", "+16175550123")
			.add("first_name", "Jane")
			.add("last_name", "Resident")
			.add("attribute[size]", "medium"));
		Response list = this.http.get("/sandbox/admin", SandboxHttp.staff());
		assertThat(list.contentType()).startsWith("text/html");
		String html = list.text();
		assertThat(html).contains("<html lang=\"en\">")
			.contains("id=\"r" + id + "\"")
			.contains("<label for=\"status-" + id + "\">")
			.contains("j•••@example.com")
			.contains("+•••••••••23")
			.contains("J. R.")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain("<script>")
			.doesNotContain("jane.resident")
			.doesNotContain("5550123")
			.doesNotContain("Resident<");

		Response detail = this.http.get("/sandbox/admin/requests/" + id, SandboxHttp.staff());
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.text()).contains("About the size of a car tire")
			.contains("Status history")
			.contains("submitted through the API")
			.doesNotContain("jane.resident")
			.doesNotContain("<script>");
		assertThat(this.http.get("/sandbox/admin/requests/nope", SandboxHttp.staff()).status()).isEqualTo(404);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
