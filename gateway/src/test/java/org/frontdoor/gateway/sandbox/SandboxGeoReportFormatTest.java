package org.frontdoor.gateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two renderings of a GeoReport body: JSON and XML (Spark convention), nulls,
 * repeated elements, escaping, and characters XML cannot carry.
 */
class SandboxGeoReportFormatTest {

	private static GeoReportBody sample() {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", "1042");
		request.put("description", "Pothole <big> & \"deep\"\u0001 near the café ]]> 🚲");
		request.put("lat", 42.0000001);
		request.put("account_id", null);
		request.put("tags", new GeoReportBody.Repeated("tag", List.of("a", "b")));
		return new GeoReportBody.ListBody("service_requests", "request", List.of(request));
	}

	@Test
	void json() {
		String json = new String(GeoReportFormat.JSON.write(sample()), StandardCharsets.UTF_8);
		assertThat(json.replaceAll("\\s", "")).isEqualTo("[{\"service_request_id\":\"1042\",\"description\":"
				+ "\"Pothole<big>&\\\"deep\\\"\\u0001nearthecafé]]>🚲\",\"lat\":42.0000001,\"account_id\":null,"
				+ "\"tags\":[\"a\",\"b\"]}]");
	}

	@Test
	void xml() {
		String xml = new String(GeoReportFormat.XML.write(sample()), StandardCharsets.UTF_8);
		assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests>\n  <request>")
			.contains("<service_request_id>1042</service_request_id>")
			.contains("<description>Pothole &lt;big&gt; &amp; \"deep\" near the café ]]&gt; 🚲</description>")
			.contains("<lat>42.0000001</lat>")
			.contains("<account_id/>")
			.contains("<tags>\n      <tag>a</tag>\n      <tag>b</tag>\n    </tags>")
			.doesNotContain("\u0001");
	}

	@Test
	void loneSurrogatesAreDroppedFromXml() {
		GeoReportBody body = new GeoReportBody.ObjectBody("error", Map.of("description", "a\ud800b\udc00c"));
		assertThat(new String(GeoReportFormat.XML.write(body), StandardCharsets.UTF_8))
			.contains("<description>abc</description>");
	}

	@Test
	void emptyRepeatedIsAnEmptyElementAndAnEmptyArray() {
		GeoReportBody body = new GeoReportBody.ObjectBody("service_definition",
				Map.of("attributes", new GeoReportBody.Repeated("attribute", List.of())));
		assertThat(new String(GeoReportFormat.XML.write(body), StandardCharsets.UTF_8)).contains("<attributes/>");
		assertThat(new String(GeoReportFormat.JSON.write(body), StandardCharsets.UTF_8).replaceAll("\\s", ""))
			.isEqualTo("{\"attributes\":[]}");
	}

	@Test
	void formatOfPaths() {
		assertThat(GeoReportFormat.ofPath("/sandbox/open311/v2/services.XML")).isEqualTo(GeoReportFormat.XML);
		assertThat(GeoReportFormat.ofPath("/sandbox/open311/v2/services")).isEqualTo(GeoReportFormat.JSON);
		assertThat(GeoReportFormat.of("csv")).isEmpty();
	}

}
