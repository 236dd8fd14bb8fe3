package org.frontdoor.nlp.text;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader: comma separated, double-quoted fields with {@code ""}
 * escapes and embedded newlines, CRLF or LF line ends.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * Parses up to {@code maxRecords} records.
	 * @param reader the input
	 * @param maxRecords the limit (the header counts)
	 * @return the records, each a list of fields
	 * @throws IOException when reading fails
	 */
	public static List<List<String>> parse(Reader reader, int maxRecords) throws IOException {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean pending = false;
		int c = reader.read();
		while (c != -1 && records.size() < maxRecords) {
			char ch = (char) c;
			int next = reader.read();
			if (quoted) {
				if (ch == '"' && next == '"') {
					field.append('"');
					next = reader.read();
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					field.append(ch);
				}
			}
			else if (ch == '"' && field.isEmpty()) {
				quoted = true;
				pending = true;
			}
			else if (ch == ',' || ch == '\n') {
				record.add(field.toString());
				field.setLength(0);
				pending = ch == ',';
				if (ch == '\n') {
					records.add(record);
					record = new ArrayList<>();
				}
			}
			else if (ch != '\r') {
				field.append(ch);
				pending = true;
			}
			c = next;
		}
		if ((pending || !field.isEmpty() || !record.isEmpty()) && records.size() < maxRecords) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

}
