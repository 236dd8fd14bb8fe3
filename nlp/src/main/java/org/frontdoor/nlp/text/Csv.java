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
		boolean any = false;
		int c;
		while ((c = reader.read()) != -1) {
			char ch = (char) c;
			if (quoted) {
				if (ch == '"') {
					int next = reader.read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						if (next == -1) {
							break;
						}
						ch = (char) next;
						// fall through to handle the character after the closing quote
						if (ch == ',') {
							record.add(field.toString());
							field.setLength(0);
						}
						else if (ch == '\n') {
							record.add(field.toString());
							field.setLength(0);
							records.add(record);
							record = new ArrayList<>();
							any = false;
							if (records.size() >= maxRecords) {
								return records;
							}
						}
						else if (ch != '\r') {
							field.append(ch);
						}
					}
				}
				else {
					field.append(ch);
				}
				continue;
			}
			if (ch == '"' && field.isEmpty()) {
				quoted = true;
				any = true;
			}
			else if (ch == ',') {
				record.add(field.toString());
				field.setLength(0);
				any = true;
			}
			else if (ch == '\n') {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				any = false;
				if (records.size() >= maxRecords) {
					return records;
				}
			}
			else if (ch != '\r') {
				field.append(ch);
				any = true;
			}
		}
		if (any || !field.isEmpty() || !record.isEmpty()) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

}
