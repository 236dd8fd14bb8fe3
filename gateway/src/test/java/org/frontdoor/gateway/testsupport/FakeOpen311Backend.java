package org.frontdoor.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small but real, stateful GeoReport v2 server on loopback for outbox and poller tests:
 * it creates service requests on {@code POST requests.json} and counts them, so tests can
 * prove "zero lost, zero duplicates", and injects faults on demand (503, 401, 400, create
 * the request but answer too late, be down). It does not deduplicate on
 * {@code external_id}, so only FrontDoor's reconciliation prevents duplicates.
 * <p>
 * Services: {@code pothole} (realtime, defines {@code external_id}), {@code graffiti}
 * (batch: answers with a token that resolves after two lookups).
 */
public final class FakeOpen311Backend {

	/** A fault for the next POST. */
	public enum Fault {

		/** Answer 503 without creating anything. */
		UNAVAILABLE,

		/** Create the request, then answer only after the client gave up. */
		CREATE_THEN_HANG,

		/** Answer 401 (bad key). */
		UNAUTHORIZED,

		/** Answer 400 with a field error. */
		BAD_REQUEST

	}

	/** A fault for the next {@code GET requests}. */
	public enum GetFault {

		/** Answer 200 with an HTML page (a proxy's error page). */
		HTML_PAGE,

		/** Answer 500 with a JSON error list. */
		SERVER_ERROR,

		/** Answer 200 with a truncated JSON body. */
		GARBAGE

	}

	/** One created request. */
	public record Created(String id, String serviceCode, String description, String lat, String lon, String externalId,
			Instant requestedAt, String token) {

	}

	private final List<Created> created = new CopyOnWriteArrayList<>();

	private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();

	private final Deque<GetFault> getFaults = new ConcurrentLinkedDeque<>();

	private final List<Map<String, String>> requestQueries = new CopyOnWriteArrayList<>();

	private volatile boolean honorUpdatedAfter = true;

	private volatile boolean dedupeExternalId;

	private volatile int feedPage = Integer.MAX_VALUE;

	private volatile java.util.concurrent.CyclicBarrier getBarrier;

	private final Map<String, String> statuses = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, String> notes = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, Instant> updated = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> tokenLookups = new java.util.concurrent.ConcurrentHashMap<>();

	private final AtomicInteger posts = new AtomicInteger();

	private final AtomicInteger counter = new AtomicInteger(1000);

	private volatile long hangMillis = 2500;

	private volatile HttpServer server;

	private int port;

	/** Start on a free loopback port. */
	public synchronized void start() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.port = this.server.getAddress().getPort();
		this.server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/v2/", this::handle);
		this.server.start();
	}

	/** Stop (the backend is down); {@link #start()} brings it back on the same port. */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	/**
	 * The base URL.
	 * @return e.g. {@code http://127.0.0.1:1234/v2}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.port + "/v2";
	}

	/**
	 * Queue faults for the next POSTs, in order.
	 * @param next the faults
	 */
	public void failNextPosts(Fault... next) {
		this.faults.addAll(List.of(next));
	}

	/**
	 * How long a {@link Fault#CREATE_THEN_HANG} answer waits.
	 * @param millis the delay
	 */
	public void hangMillis(long millis) {
		this.hangMillis = millis;
	}

	/**
	 * Requests created so far.
	 * @return the requests
	 */
	public List<Created> created() {
		return List.copyOf(this.created);
	}

	/**
	 * POSTs received so far.
	 * @return the count
	 */
	public int posts() {
		return this.posts.get();
	}

	/**
	 * Change a request's status like city staff would.
	 * @param id the id
	 * @param status the status
	 * @param statusNotes the notes
	 */
	public void setStatus(String id, String status, String statusNotes) {
		this.statuses.put(id, status);
		if (statusNotes != null) {
			this.notes.put(id, statusNotes);
		}
		else {
			this.notes.remove(id);
		}
		this.updated.put(id, now());
	}

	private static Instant now() {
		// GeoReport backends write whole seconds or milliseconds, never nanoseconds
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

	/**
	 * Queue faults for the next {@code GET requests} calls, in order.
	 * @param next the faults
	 */
	public void failNextGets(GetFault... next) {
		this.getFaults.addAll(List.of(next));
	}

	/**
	 * Whether {@code GET requests} honours {@code updated_after} (many backends ignore it
	 * and answer their default list).
	 * @param honor {@code true} to filter by it
	 */
	public void honorUpdatedAfter(boolean honor) {
		this.honorUpdatedAfter = honor;
	}

	/**
	 * Answer a change-feed query ({@code updated_after}) with at most this many requests,
	 * newest first, as backends with a page size do.
	 * @param size the page size
	 */
	public void feedPage(int size) {
		this.feedPage = size;
	}

	/**
	 * Whether a POST repeating an {@code attribute[external_id]} answers the request
	 * created first instead of creating another (the sandbox does).
	 * @param dedupe {@code true} to deduplicate
	 */
	public void dedupeExternalId(boolean dedupe) {
		this.dedupeExternalId = dedupe;
	}

	/**
	 * Hold each {@code GET requests} answer until this many calls are waiting, then
	 * answer them all at once (makes two concurrent pollers see the same answer).
	 * @param parties how many calls to gather
	 */
	public void gatherGets(int parties) {
		this.getBarrier = new java.util.concurrent.CyclicBarrier(parties);
	}

	/**
	 * The query parameters of every {@code GET requests} call so far.
	 * @return the queries, in order
	 */
	public List<Map<String, String>> requestQueries() {
		return List.copyOf(this.requestQueries);
	}

	/**
	 * Create a request directly, as if another client (or an earlier FrontDoor) filed it.
	 * @param serviceCode the service
	 * @param description the description
	 * @param requestedAt when it was filed
	 * @return its id
	 */
	public String create(String serviceCode, String description, Instant requestedAt) {
		String id = "SR-" + this.counter.incrementAndGet();
		this.created.add(new Created(id, serviceCode, description, "42.37", "-71.11", null, requestedAt, null));
		this.statuses.put(id, "open");
		this.updated.put(id, requestedAt);
		return id;
	}

	/**
	 * Set a request's {@code updated_datetime} without changing anything else.
	 * @param id the id
	 * @param at the time
	 */
	public void setUpdated(String id, Instant at) {
		this.updated.put(id, at);
	}

	/** Forget everything (between tests). */
	public void reset() {
		this.created.clear();
		this.faults.clear();
		this.getFaults.clear();
		this.requestQueries.clear();
		this.statuses.clear();
		this.notes.clear();
		this.updated.clear();
		this.tokenLookups.clear();
		this.honorUpdatedAfter = true;
		this.dedupeExternalId = false;
		this.feedPage = Integer.MAX_VALUE;
		this.getBarrier = null;
		this.hangMillis = 2500;
		this.posts.set(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath().substring("/v2/".length());
			Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
			if ("POST".equals(exchange.getRequestMethod()) && path.equals("requests.json")) {
				post(exchange, parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			}
			else if (path.equals("services.json")) {
				send(exchange, 200,
						"[{\"service_code\":\"pothole\",\"service_name\":\"Pothole\",\"metadata\":true,"
								+ "\"type\":\"realtime\"},{\"service_code\":\"graffiti\",\"service_name\":\"Graffiti\","
								+ "\"metadata\":false,\"type\":\"batch\"}]");
			}
			else if (path.equals("services/pothole.json")) {
				send(exchange, 200, "{\"service_code\":\"pothole\",\"attributes\":[{\"variable\":false,"
						+ "\"code\":\"external_id\",\"datatype\":\"string\",\"required\":false,\"order\":1}]}");
			}
			else if (path.startsWith("tokens/")) {
				String token = path.substring("tokens/".length(), path.length() - ".json".length());
				Created request = this.created.stream().filter((c) -> token.equals(c.token())).findFirst().orElse(null);
				if (request == null) {
					send(exchange, 404, "[{\"code\":404,\"description\":\"unknown token\"}]");
				}
				else if (this.tokenLookups.computeIfAbsent(token, (t) -> new AtomicInteger()).incrementAndGet() < 2) {
					send(exchange, 200, "[{\"token\":\"" + token + "\"}]");
				}
				else {
					send(exchange, 200,
							"[{\"token\":\"" + token + "\",\"service_request_id\":\"" + request.id() + "\"}]");
				}
			}
			else if (path.equals("requests.json")) {
				this.requestQueries.add(query);
				gather();
				GetFault fault = this.getFaults.poll();
				if (fault == GetFault.HTML_PAGE) {
					send(exchange, 200, "<html><body><h1>Maintenance</h1>We'll be back soon.</body></html>");
				}
				else if (fault == GetFault.SERVER_ERROR) {
					send(exchange, 500, "[{\"code\":500,\"description\":\"database unavailable\"}]");
				}
				else if (fault == GetFault.GARBAGE) {
					send(exchange, 200, "[{\"service_request_id\":\"SR-1\",\"status\":");
				}
				else {
					send(exchange, 200, requests(query));
				}
			}
			else {
				send(exchange, 404, "[{\"code\":404,\"description\":\"not found\"}]");
			}
		}
	}

	private void gather() {
		java.util.concurrent.CyclicBarrier barrier = this.getBarrier;
		if (barrier != null) {
			try {
				barrier.await(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// a round that came alone is answered anyway
			}
		}
	}

	private void post(HttpExchange exchange, Map<String, String> form) throws IOException {
		this.posts.incrementAndGet();
		Fault fault = this.faults.poll();
		if (fault == Fault.UNAVAILABLE) {
			send(exchange, 503, "<html><body>Service Unavailable</body></html>");
			return;
		}
		if (fault == Fault.UNAUTHORIZED) {
			send(exchange, 401, "[{\"code\":401,\"description\":\"invalid api_key\"}]");
			return;
		}
		if (fault == Fault.BAD_REQUEST) {
			send(exchange, 400, "[{\"code\":\"attribute[size]\",\"description\":\"size is required\"}]");
			return;
		}
		String code = form.get("service_code");
		String externalId = form.get("attribute[external_id]");
		if (this.dedupeExternalId && externalId != null) {
			Created first = this.created.stream()
				.filter((c) -> externalId.equals(c.externalId()))
				.findFirst()
				.orElse(null);
			if (first != null) {
				send(exchange, 201, "[{\"service_request_id\":\"" + first.id() + "\"}]");
				return;
			}
		}
		String id = "SR-" + this.counter.incrementAndGet();
		String token = "graffiti".equals(code) ? "T-" + id : null;
		Instant now = now();
		this.created.add(new Created(id, code, form.get("description"), form.get("lat"), form.get("long"), externalId,
				now, token));
		this.statuses.put(id, "open");
		this.updated.put(id, now);
		if (fault == Fault.CREATE_THEN_HANG) {
			try {
				Thread.sleep(this.hangMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		send(exchange, 201, (token != null) ? "[{\"token\":\"" + token + "\"}]"
				: "[{\"service_request_id\":\"" + id + "\",\"service_notice\":\"\"}]");
	}

	private String requests(Map<String, String> query) {
		List<String> ids = query.containsKey("service_request_id") ? List.of(query.get("service_request_id").split(","))
				: null;
		Instant start = query.containsKey("start_date") ? OffsetDateTime.parse(query.get("start_date")).toInstant()
				: null;
		Instant end = query.containsKey("end_date") ? OffsetDateTime.parse(query.get("end_date")).toInstant() : null;
		Instant after = (this.honorUpdatedAfter && query.containsKey("updated_after"))
				? OffsetDateTime.parse(query.get("updated_after")).toInstant() : null;
		List<Created> matching = new ArrayList<>(this.created);
		if (after != null) {
			matching.sort(java.util.Comparator.comparing((Created c) -> this.updated.get(c.id())).reversed());
		}
		List<String> rows = new ArrayList<>();
		for (Created c : matching) {
			if (after != null && rows.size() >= this.feedPage) {
				break;
			}
			if (ids != null && !ids.contains(c.id())) {
				continue;
			}
			if (query.containsKey("service_code") && !query.get("service_code").equals(c.serviceCode())) {
				continue;
			}
			if ((start != null && c.requestedAt().isBefore(start)) || (end != null && c.requestedAt().isAfter(end))) {
				continue;
			}
			if (after != null && !this.updated.get(c.id()).isAfter(after)) {
				continue;
			}
			if (c.token() != null && this.tokenLookups.getOrDefault(c.token(), new AtomicInteger()).get() < 2
					&& ids == null) {
				continue;
			}
			rows.add("{\"service_request_id\":\"" + c.id() + "\",\"service_code\":\"" + c.serviceCode()
					+ "\",\"status\":\"" + this.statuses.get(c.id()) + "\",\"status_notes\":"
					+ quote(this.notes.get(c.id())) + ",\"description\":" + quote(c.description()) + ",\"lat\":"
					+ quote(c.lat()) + ",\"long\":" + quote(c.lon()) + ",\"requested_datetime\":\"" + c.requestedAt()
					+ "\",\"updated_datetime\":\"" + this.updated.get(c.id()) + "\"}");
		}
		return "[" + String.join(",", rows) + "]";
	}

	private static String quote(String value) {
		return (value == null) ? "null"
				: "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.add("Content-Type", body.startsWith("<") ? "text/html" : "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static Map<String, String> parse(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			values.merge(key, value, (a, b) -> a + "," + b);
		}
		return values;
	}

	/**
	 * Ids created per external id, to spot duplicates.
	 * @return external id → number of requests
	 */
	public Map<String, Long> createdPerDescription() {
		return this.created.stream().collect(Collectors.groupingBy(Created::description, Collectors.counting()));
	}

}
