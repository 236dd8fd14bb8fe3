package org.frontdoor.nlp.classify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogReaderTest {

	private final CatalogReader reader = new CatalogReader();

	static byte[] resource(String name) throws IOException {
		try (InputStream in = CatalogReaderTest.class.getResourceAsStream("/catalogs/" + name)) {
			return in.readAllBytes();
		}
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					sandbox-services.json            | 21  | pothole                  | Pothole                  | Streets & Sidewalks
					bloomington-services.json        | 53  | 2                        | Excessive Growth         | Cleanup & Sanitation
					bloomington-sample-services.json | 46  | 4e09c863992b94b915000000 | City Performance         | Most Popular
					chicago-service_codes.json       | 191 | 4ffa4c69601827691b000018 | Abandoned Vehicle Complaint | ''
					merton-services.xml              | 1   | GR                       | Graffiti                 | Street Cleaning Problems or Weeds
					helsinki-services.json           | 2   | 246                      | Roskaaminen              | Puhtaanapito
					""")
	void readsEveryRealCatalog(String file, int count, String firstCode, String firstName, String firstGroup)
			throws IOException {
		CatalogReader.Result result = this.reader.parse(resource(file));
		assertThat(result.error()).isNull();
		Catalog catalog = result.catalog();
		assertThat(catalog.services()).hasSize(count);
		CatalogService first = catalog.services().get(0);
		assertThat(first.code()).isEqualTo(firstCode);
		assertThat(first.name()).isEqualTo(firstName);
		assertThat(first.group()).isEqualTo(firstGroup);
		assertThat(catalog.services()).allSatisfy((s) -> {
			assertThat(s.code()).isNotBlank();
			assertThat(s.name()).isNotBlank();
		});
	}

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Other                                        | true
			General Inquiry                              | true
			General Complaint / Other                    | true
			`Other issue                                 | true
			Other Concerns                               | true
			Miscellaneous                                | true
			Other Animal Issue(s) (Deceased, Stray)      | false
			Other Garbage, Trash and Recycling Issue     | false
			Police General Issue                         | false
			General Parking Violations                   | false
			Pothole                                      | false
			""")
	void knowsCatchAllServices(String name, boolean catchAll) {
		assertThat(CatalogService.of("x", name).isCatchAll()).isEqualTo(catchAll);
	}

	@Test
	void bloomingtonIntegerCodesAreNotedAndKept() throws IOException {
		Catalog catalog = this.reader.parse(resource("bloomington-services.json")).catalog();
		assertThat(catalog.find("37")).get().extracting(CatalogService::name).isEqualTo("Graffiti");
		assertThat(catalog.find("37").get().metadata()).isTrue();
		assertThat(catalog.problems()).anyMatch((p) -> p.contains("numeric service_code"));
	}

	@Test
	void helsinkiKeywordsAreSplit() throws IOException {
		Catalog catalog = this.reader.parse(resource("helsinki-services.json")).catalog();
		assertThat(catalog.services().get(0).keywords()).containsExactly("roska", "jäte");
	}

	@Test
	void mertonXmlBatchService() throws IOException {
		CatalogService graffiti = this.reader.parse(resource("merton-services.xml")).catalog().services().get(0);
		assertThat(graffiti.type()).isEqualTo("batch");
		assertThat(graffiti.metadata()).isTrue();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					integer code and "true" string     | [{"service_code":12,"service_name":"Potholes","metadata":"true"}]                     | 12  | Potholes | true
					wrapped in an object               | {"services":[{"service_code":"a","service_name":"Graffiti"}]}                       | a   | Graffiti | false
					deeply wrapped                     | {"data":{"serviceList":[{"service_code":"b","service_name":"Trash","metadata":1}]}}  | b   | Trash    | true
					single object                      | {"service_code":"c","service_name":"Noise","metadata":false}                       | c   | Noise    | false
					keywords as an array               | [{"service_code":"d","service_name":"Trees","keywords":["tree","limb"]}]            | d   | Trees    | false
					missing name uses the code         | [{"service_code":"e"}]                                                             | e   | e        | false
					nulls everywhere                   | [{"service_code":"f","service_name":"Signs","description":null,"group":null,"keywords":null,"metadata":null}] | f | Signs | false
					byte order mark                    | \uFEFF[{"service_code":"g","service_name":"Lights"}]                               | g   | Lights   | false
					xml with several services          | <services><service><service_code>1</service_code><service_name>A</service_name><metadata>true</metadata></service><service><service_code>2</service_code><service_name>B</service_name></service></services> | 1 | A | true
					""")
	void toleratesOddShapes(String what, String content, String code, String name, boolean metadata) {
		CatalogReader.Result result = this.reader
			.parse(content.replace("\\uFEFF", "\uFEFF").getBytes(StandardCharsets.UTF_8));
		assertThat(result.ok()).as(what + ": " + result.error()).isTrue();
		CatalogService first = result.catalog().services().get(0);
		assertThat(first.code()).isEqualTo(code);
		assertThat(first.name()).isEqualTo(name);
		assertThat(first.metadata()).isEqualTo(metadata);
	}

	@Test
	void skipsEntriesWithoutCodeAndDuplicatesWithAReason() {
		String json = """
				[{"service_name":"No code"},{"service_code":"x","service_name":"X"},{"service_code":"x","service_name":"X again"},"junk"]
				""";
		CatalogReader.Result result = this.reader.parse(json.getBytes(StandardCharsets.UTF_8));
		assertThat(result.catalog().services()).extracting(CatalogService::name).containsExactly("X");
		assertThat(result.catalog().problems()).hasSize(3)
			.anyMatch((p) -> p.contains("no service_code"))
			.anyMatch((p) -> p.contains("duplicate"))
			.anyMatch((p) -> p.contains("not an object"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', textBlock = """
			empty             | ''                                  | empty
			not json          | this is not a catalog               | neither a JSON service list
			no services       | {"error":"forbidden"}               | no services found
			only bad entries  | [{"service_name":"x"}]              | no usable service
			broken xml        | <services><service>                 | neither a JSON service list
			""")
	void failsWithAReason(String what, String content, String reason) {
		CatalogReader.Result result = this.reader.parse(content.getBytes(StandardCharsets.UTF_8));
		assertThat(result.ok()).isFalse();
		assertThat(result.error()).contains(reason);
	}

}
