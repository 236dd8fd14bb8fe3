package org.frontdoor.gateway.persistence;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.frontdoor.channels.core.MediaStore;
import org.frontdoor.channels.core.RandomIds;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps residents' sanitized media in the {@code media} table (bytes in the database, so
 * every instance can serve them and backups include them). Ids are 256 random bits,
 * URL-safe Base64 (43 characters): unguessable, so {@code /media/{id}} can be handed to
 * an Open311 backend as {@code media_url}.
 */
@Repository
public class JdbcMediaStore implements MediaStore {

	/** What a media id looks like; anything else is unknown without a query. */
	static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final JdbcClient jdbc;

	public JdbcMediaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public StoredMedia save(byte[] bytes, String contentType, String filename) {
		Objects.requireNonNull(bytes, "bytes");
		Objects.requireNonNull(contentType, "contentType");
		String id = RandomIds.urlSafe(32);
		this.jdbc
			.sql("insert into media (id, content_type, size, filename, bytes) "
					+ "values (:id, :contentType, :size, :filename, :bytes)")
			.param("id", id)
			.param("contentType", contentType)
			.param("size", bytes.length)
			.param("filename", Sql.cut(filename, 500))
			.param("bytes", bytes)
			.update();
		return new StoredMedia(id, contentType, bytes.length, bytes);
	}

	@Override
	public Optional<StoredMedia> find(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id, content_type, size, bytes from media where id = :id")
			.param("id", id)
			.query((rs, row) -> new StoredMedia(rs.getString("id"), rs.getString("content_type"), rs.getLong("size"),
					rs.getBytes("bytes")))
			.optional();
	}

}
