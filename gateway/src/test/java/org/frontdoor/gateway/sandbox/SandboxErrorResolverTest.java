package org.frontdoor.gateway.sandbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures the HTTP tests cannot provoke on a healthy server: a database fault answers
 * {@code 503} (clients retry) as a GeoReport error list, an unexpected one {@code 500};
 * paths outside the sandbox are left to Spring.
 */
class SandboxErrorResolverTest {

	private final SandboxErrorResolver resolver = new SandboxErrorResolver();

	@Test
	void databaseFaultIsA503ErrorList() throws Exception {
		MockHttpServletResponse response = resolve("/sandbox/open311/v2/requests.json",
				new DataAccessResourceFailureException("connection refused"));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getContentAsString().replaceAll("\\s", ""))
			.isEqualTo("[{\"code\":503,\"description\":\"server:thesandboxdatabaseisunavailable,retrylater\"}]");
	}

	@Test
	void unexpectedFaultIsA500ErrorListInTheFormatOfThePath() throws Exception {
		MockHttpServletResponse response = resolve("/sandbox/open311/v2/requests/1001.xml",
				new IllegalStateException("bug"));
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentType()).startsWith("text/xml");
		assertThat(response.getContentAsString()).contains("<code>500</code>")
			.contains("<description>server: unexpected error</description>")
			.doesNotContain("bug");
	}

	@Test
	void browserOnTheStaffPagesGetsHtml() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/sandbox/admin/requests/1001");
		request.addHeader("Accept", "text/html");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.resolver.resolveException(request, response, null,
				new GeoReportException(HttpStatus.BAD_REQUEST, List.of("status: <b>bad</b>")));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("<li>status: &lt;b&gt;bad&lt;/b&gt;</li>");
	}

	@Test
	void otherPathsAreLeftToSpring() {
		assertThat(this.resolver.resolveException(new MockHttpServletRequest("GET", "/admin/queues"),
				new MockHttpServletResponse(), null, new IllegalStateException("x")))
			.isNull();
	}

	private MockHttpServletResponse resolve(String path, Exception ex) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(this.resolver.resolveException(new MockHttpServletRequest("GET", path), response, null, ex))
			.isNotNull();
		return response;
	}

}
