package org.frontdoor.gateway.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GeoReport v2 response body, independent of its format: {@link GeoReportFormat} writes
 * it as JSON or as XML following the spec's mapping (the Spark convention). Field values
 * are {@code null} (JSON {@code null}, an empty XML element), strings, numbers, booleans,
 * nested field maps, or {@link Repeated} lists. A field that is absent from the map is
 * not written at all.
 */
sealed interface GeoReportBody {

	/**
	 * A list of records: a JSON array of objects; in XML
	 * {@code <root><item>…</item>…</root>} (e.g. {@code <services><service>},
	 * {@code <service_requests><request>}, {@code <errors><error>}).
	 *
	 * @param root the XML root element
	 * @param item the XML element of each record
	 * @param items the records, fields in output order
	 */
	record ListBody(String root, String item, List<Map<String, Object>> items) implements GeoReportBody {

		public ListBody {
			items = List.copyOf(items);
		}

	}

	/**
	 * One record: a JSON object; in XML {@code <root>…</root>} (e.g.
	 * {@code <service_definition>}, {@code <discovery>}).
	 *
	 * @param root the XML root element
	 * @param fields the fields in output order
	 */
	record ObjectBody(String root, Map<String, Object> fields) implements GeoReportBody {

		public ObjectBody {
			fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

	}

	/**
	 * A repeated field value: a JSON array; in XML the field's element wraps one
	 * {@code item} element per entry ({@code <attributes><attribute>…},
	 * {@code <formats><format>…}).
	 *
	 * @param item the XML element of each entry
	 * @param entries the entries: scalars or field maps
	 */
	record Repeated(String item, List<?> entries) {

		public Repeated {
			entries = List.copyOf(entries);
		}

	}

}
