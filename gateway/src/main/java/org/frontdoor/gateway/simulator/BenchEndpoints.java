package org.frontdoor.gateway.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.servlet.http.HttpServletRequest;
import org.frontdoor.gateway.config.PublicEndpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark-only endpoints ({@code frontdoor.bench.enabled=true}): {@code POST
 * /bench/insert} stores the form body as one row and answers like the Twilio webhook (the
 * same servlet, pool and durable commit, without signature, normalization or
 * deduplication: the reference ceiling), {@code GET /bench/counts} counts what the
 * gateway stored and did since a time, and {@code POST /bench/missing} says which
 * acknowledged webhooks are not stored (there must be none).
 */
@RestController
@ConditionalOnBooleanProperty(BenchProperties.ENABLED)
public class BenchEndpoints {

	private static final Logger log = LoggerFactory.getLogger(BenchEndpoints.class);

	private final JdbcClient jdbc;

	public BenchEndpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@PostConstruct
	void table() {
		this.jdbc.sql("""
				create table if not exists bench_row (
					id bigint generated always as identity primary key,
					body text not null,
					created_at timestamptz not null default now())
				""").update();
		log.warn("Benchmark endpoints ON (/bench/insert, /bench/counts): for load tests only");
	}

	@PostMapping(path = "/bench/insert", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> insert(HttpServletRequest request) throws java.io.IOException {
		String body = new String(request.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		this.jdbc.sql("insert into bench_row (body) values (:body)").param("body", body).update();
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_XML)
			.body("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
	}

	/**
	 * How many of the given provider message ids (one per line) are not stored as inbound
	 * messages: the load generator sends the ids its webhooks were acknowledged for, so
	 * the answer must be 0.
	 * @param body the ids, one per line
	 * @return the ids checked and the ids missing
	 */
	@PostMapping(path = "/bench/missing", consumes = MediaType.TEXT_PLAIN_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> missing(@org.springframework.web.bind.annotation.RequestBody(required = false) String body) {
		String[] ids = ((body != null) ? body : "").lines()
			.map(String::strip)
			.filter((id) -> !id.isEmpty())
			.toArray(String[]::new);
		long missing = this.jdbc.sql("""
				select count(*) from unnest(string_to_array(:ids, ' ')) as acknowledged(id)
				where not exists (select 1 from inbound_message m where m.provider_message_id = acknowledged.id)
				""").param("ids", String.join(" ", ids)).query(Long.class).single();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("checked", ids.length);
		answer.put("missing", missing);
		return answer;
	}

	@GetMapping(path = "/bench/counts", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> counts(@RequestParam String since) {
		OffsetDateTime from = Instant.parse(since).atOffset(ZoneOffset.UTC);
		Map<String, Object> counts = new LinkedHashMap<>();
		for (Map.Entry<String, String> query : QUERIES.entrySet()) {
			counts.put(query.getKey(), this.jdbc.sql(query.getValue()).param("since", from).query(Long.class).single());
		}
		counts.put("inboundStates", this.jdbc
			.sql("select state || '=' || count(*) from inbound_message where created_at >= :since group by state")
			.param("since", from)
			.query(String.class)
			.list());
		return counts;
	}

	private static final Map<String, String> QUERIES = new LinkedHashMap<>();

	static {
		QUERIES.put("benchRows", "select count(*) from bench_row where created_at >= :since");
		QUERIES.put("inbound", "select count(*) from inbound_message where created_at >= :since");
		QUERIES.put("inboundDone",
				"select count(*) from inbound_message where created_at >= :since and state = 'DONE'");
		QUERIES.put("submissions", "select count(*) from submission where created_at >= :since");
		QUERIES.put("serviceRequests", "select count(*) from sandbox_request where published_at >= :since");
		QUERIES.put("confirmationsQueued",
				"select count(*) from outbound_message where created_at >= :since and dedupe_key like 'submitted:%'");
		QUERIES.put("repliesQueued", "select count(*) from outbound_message where created_at >= :since");
		QUERIES.put("deadLetters", "select count(*) from dead_letter where created_at >= :since");
		QUERIES.put("lastConfirmationMillis",
				"select coalesce(cast(extract(epoch from max(created_at)) * 1000 as bigint), 0)"
						+ " from outbound_message where created_at >= :since and dedupe_key like 'submitted:%'");
	}

	/** Opens the benchmark endpoints. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(BenchProperties.ENABLED)
	static class BenchAccess {

		@Bean
		PublicEndpoints benchPublicEndpoints() {
			return () -> List.of("/bench/**");
		}

	}

}
