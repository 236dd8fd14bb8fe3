package org.frontdoor.gateway.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A load command for a running sandbox backend (not a test): measures throughput and
 * latency of its main calls over real HTTP, JDK only, so it runs with the JDK's
 * single-file launcher:
 *
 * <pre>
 * java gateway/src/test/java/org/frontdoor/gateway/sandbox/SandboxLoad.java http://localhost:8080 4000 16 \
 *     $(pgrep -f frontdoor.jar) $(pgrep -f 'bin/postgres -D')
 * </pre>
 *
 * Arguments: the gateway's root URL, requests per scenario (default 4000), concurrent
 * clients (default 16), then optionally process ids (Linux): the CPU time those processes
 * and their children (PostgreSQL backends) spend per request is printed too, which stays
 * meaningful on a machine shared with other work. Scenarios: {@code POST requests.json}
 * with a new {@code external_id} each (one durable insert), the same with an
 * {@code external_id} already stored (the idempotent path), {@code GET
 * requests/{id}.json}, and the poller's change feed
 * {@code GET requests.json?updated_after=…} (up to 1000 requests per answer, so a tenth
 * of the calls). Non-2xx answers are counted as errors.
 */
public final class SandboxLoad {

	private static final String KEY = "frontdoor-sandbox-key";

	/** Linux clock ticks (USER_HZ). */
	private static final double TICKS_PER_SECOND = 100;

	private SandboxLoad() {
	}

	public static void main(String[] args) throws Exception {
		String root = (args.length > 0) ? args[0] : "http://localhost:8080";
		int count = (args.length > 1) ? Integer.parseInt(args[1]) : 4000;
		int clients = (args.length > 2) ? Integer.parseInt(args[2]) : 16;
		String api = root + "/sandbox/open311/v2";
		long[] pids = Arrays.stream(args).skip(3).mapToLong(Long::parseLong).toArray();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		// checkstyle: allow stdout
		PrintStream out = System.out;
		out.printf("sandbox load: %s, %d requests per scenario, %d clients, %d cores%n", root, count, clients,
				Runtime.getRuntime().availableProcessors());
		String duplicate = "load-duplicate-" + UUID.randomUUID();
		send(http, post(api, duplicate));
		String firstId = body(http, post(api, "load-" + UUID.randomUUID()))
			.replaceAll("(?s).*\"service_request_id\"\\s*:\\s*\"(\\d+)\".*", "$1");
		Load load = new Load(http, out, clients, pids);
		load.run("warm-up POST requests.json", Math.min(count, 1000),
				(i) -> post(api, "load-warm-" + UUID.randomUUID()));
		load.run("POST requests.json (new)", count, (i) -> post(api, "load-" + UUID.randomUUID()));
		load.run("POST requests.json (duplicate external_id)", count, (i) -> post(api, duplicate));
		load.run("GET requests/{id}.json", count,
				(i) -> HttpRequest.newBuilder(URI.create(api + "/requests/" + firstId + ".json")).GET().build());
		load.run("GET requests.json?updated_after (1000 per page)", Math.max(1, count / 10),
				(i) -> HttpRequest.newBuilder(URI.create(api + "/requests.json?updated_after=2000-01-01T00:00:00Z"))
					.GET()
					.build());
	}

	private static HttpRequest post(String api, String externalId) {
		String form = "api_key=" + KEY + "&service_code=pothole&lat=42.3736&long=-71.1097"
				+ "&description=Load+test+pothole&attribute%5Bsize%5D=large&attribute%5Bexternal_id%5D=" + externalId;
		return HttpRequest.newBuilder(URI.create(api + "/requests.json"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	/** Runs scenarios with a fixed number of concurrent clients. */
	private record Load(HttpClient http, PrintStream out, int clients, long[] pids) {

		void run(String name, int count, IntFunction<HttpRequest> request) throws Exception {
			AtomicInteger next = new AtomicInteger();
			AtomicInteger errors = new AtomicInteger();
			long[] latencies = new long[count];
			long cpuBefore = cpuTicks(this.pids);
			long start = System.nanoTime();
			try (ExecutorService pool = Executors.newFixedThreadPool(this.clients)) {
				List<Future<?>> workers = new ArrayList<>();
				for (int c = 0; c < this.clients; c++) {
					workers.add(pool.submit(() -> {
						for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
							long t0 = System.nanoTime();
							if (send(this.http, request.apply(i)) / 100 != 2) {
								errors.incrementAndGet();
							}
							latencies[i] = System.nanoTime() - t0;
						}
						return null;
					}));
				}
				for (Future<?> worker : workers) {
					worker.get();
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long cpuTicks = cpuTicks(this.pids) - cpuBefore;
			Arrays.sort(latencies);
			String cpu = (this.pids.length > 0)
					? String.format("  server CPU %6.0f µs/req", cpuTicks * (1e6 / TICKS_PER_SECOND) / count) : "";
			this.out.printf("%-50s %7.0f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%s%n", name, count / seconds,
					latencies[count / 2] / 1e6, latencies[Math.min(count - 1, (int) (count * 0.99))] / 1e6,
					errors.get(), cpu);
		}

	}

	/**
	 * CPU time (user + system, own and reaped children) of the given processes and their
	 * live children, from {@code /proc}.
	 */
	private static long cpuTicks(long[] pids) throws IOException {
		if (pids.length == 0) {
			return 0;
		}
		long total = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
			for (Path process : processes) {
				String[] stat = stat(process);
				if (stat == null) {
					continue;
				}
				long pid = Long.parseLong(process.getFileName().toString());
				long ppid = Long.parseLong(stat[1]);
				for (long root : pids) {
					if (pid == root || ppid == root) {
						total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
								+ Long.parseLong(stat[14]);
					}
				}
			}
		}
		return total;
	}

	/** The fields of /proc/{pid}/stat after the command name (field 3 is index 0). */
	private static String[] stat(Path process) {
		try {
			String line = Files.readString(process.resolve("stat"));
			return line.substring(line.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static int send(HttpClient http, HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String body(HttpClient http, HttpRequest request) throws Exception {
		return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
