package org.frontdoor.gateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Small JDBC conversions shared by the repositories (PostgreSQL {@code timestamptz} ↔
 * {@link Instant}).
 */
public final class Sql {

	private Sql() {
	}

	/**
	 * An instant as a JDBC parameter for a {@code timestamptz} column.
	 * @param instant the instant, or {@code null}
	 * @return the parameter value
	 */
	public static OffsetDateTime ts(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	/**
	 * Read a {@code timestamptz} column.
	 * @param rs the result set
	 * @param column the column
	 * @return the instant, or {@code null}
	 * @throws SQLException on a JDBC error
	 */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * Truncate free text for an error column, so a huge response body never bloats a row.
	 * @param text the text, or {@code null}
	 * @param max the maximum length
	 * @return the text, cut to {@code max} characters
	 */
	public static String cut(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - 1) + "…";
	}

}
