package org.frontdoor.gateway.conversation.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A load command for a running gateway (not a test): signed Twilio webhooks offered at
 * fixed rates (open loop: a request is due at its slot whether or not earlier ones were
 * answered, and its latency counts from that slot), JDK only, so it runs with the JDK's
 * single-file launcher:
 *
 * <pre>
 * # acceptance: webhooks and the bare reference endpoint, rate by rate
 * java gateway/src/test/java/org/frontdoor/gateway/conversation/bench/WebhookLoad.java accept \
 *     http://localhost:8080 250,500,1000,1500,2000 10 [pids…]
 * # complete intakes: WhatsApp reports with a pin, until every confirmation is queued
 * java gateway/src/test/java/org/frontdoor/gateway/conversation/bench/WebhookLoad.java intake \
 *     http://localhost:8080 3000 300 [pids…]
 * </pre>
 *
 * The gateway must run with {@code frontdoor.bench.enabled=true} ({@code /bench/insert},
 * {@code /bench/counts}); the Twilio account and token are read from
 * {@code FRONTDOOR_CHANNELS_SMS_TWILIO_ACCOUNT_SID} / {@code _AUTH_TOKEN}, defaulting to
 * the simulator-only values of the embedded run. With process ids (Linux: the gateway JVM
 * and the PostgreSQL postmaster) the CPU those processes and their children spend per
 * request is printed, which stays meaningful on a machine shared with other work. At the
 * end the gateway's own row counts are compared with what was sent: nothing may be lost.
 */
public final class WebhookLoad {

	private static final String SIMULATOR_ACCOUNT = "AC5100000000000000000000000000051a";

	private static final String SIMULATOR_TOKEN = "simulator-only-auth-token-not-a-twilio-secret";

	/**
	 * Points well inside Cambridge (squares, City Hall…): intake pins are jittered around
	 * them.
	 */
	private static final double[][] ANCHORS = { { 42.36550, -71.10400 }, { 42.37345, -71.11897 },
			{ 42.37377, -71.10110 }, { 42.36732, -71.10569 }, { 42.37338, -71.09814 }, { 42.37990, -71.11635 },
			{ 42.36397, -71.10812 }, { 42.36778, -71.09846 }, { 42.37410, -71.12081 }, { 42.36535, -71.09089 } };

	/** Linux clock ticks (USER_HZ). */
	private static final double TICKS_PER_SECOND = 100;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String root;

	private final String account;

	private final Mac mac;

	private final PrintStream out;

	private final long[] pids;

	private final Random random = new Random();

	private WebhookLoad(String root, long[] pids, PrintStream out) throws Exception {
		this.root = root;
		this.pids = pids;
		this.out = out;
		this.account = env("FRONTDOOR_CHANNELS_SMS_TWILIO_ACCOUNT_SID", SIMULATOR_ACCOUNT);
		this.mac = Mac.getInstance("HmacSHA1");
		this.mac.init(new SecretKeySpec(
				env("FRONTDOOR_CHANNELS_SMS_TWILIO_AUTH_TOKEN", SIMULATOR_TOKEN).getBytes(StandardCharsets.UTF_8),
				"HmacSHA1"));
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			throw new IllegalArgumentException(
					"usage: WebhookLoad accept <root> <rates> <seconds> [pids] | intake <root> <count> <rate> [pids]");
		}
		// checkstyle: allow stdout
		PrintStream out = System.out;
		long[] pids = Arrays.stream(args).skip(4).mapToLong(Long::parseLong).toArray();
		WebhookLoad load = new WebhookLoad(args[1], pids, out);
		out.printf("webhook load: %s on %s, %d cores, load average %s%n", args[0], args[1],
				Runtime.getRuntime().availableProcessors(), loadAverage());
		if ("accept".equals(args[0])) {
			int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 10;
			String rates = (args.length > 2) ? args[2] : "250,500,1000,1500,2000";
			load.accept(Arrays.stream(rates.split(",")).mapToInt(Integer::parseInt).toArray(), seconds);
		}
		else if ("intake".equals(args[0])) {
			int count = (args.length > 2) ? Integer.parseInt(args[2]) : 3000;
			int rate = (args.length > 3) ? Integer.parseInt(args[3]) : 300;
			load.intake(count, rate);
		}
		else {
			throw new IllegalArgumentException("unknown mode " + args[0]);
		}
		out.printf("load average after: %s%n", loadAverage());
	}

	/** Acceptance: the webhook and the bare insert at each rate; then zero lost. */
	private void accept(int[] rates, int seconds) throws Exception {
		Instant since = Instant.now();
		String webhook = this.root + "/channels/twilio/messages";
		String bare = this.root + "/bench/insert";
		run("warm-up webhook", 300, 3, (i) -> sms(webhook, i));
		run("warm-up /bench/insert", 300, 3, (i) -> plain(bare, i));
		Instant counted = Instant.now();
		List<String> acknowledged = new ArrayList<>();
		int inserts = 0;
		for (int rate : rates) {
			acknowledged.addAll(run(String.format("webhook      @ %5d/s", rate), rate, seconds, (i) -> sms(webhook, i))
				.acknowledged());
			inserts += run(String.format("/bench/insert @ %5d/s", rate), rate, seconds, (i) -> plain(bare, i)).ok();
		}
		Map<String, String> counts = counts(counted);
		this.out.printf(
				"stored since the measured steps began: inbound %s (acknowledged %d; requests the client gave "
						+ "up on may be stored too), bench rows %s (acknowledged %d)%n",
				counts.get("inbound"), acknowledged.size(), counts.get("benchRows"), inserts);
		String missing = missing(acknowledged);
		this.out.printf("acknowledged webhooks not stored: %s%n", missing);
		check(missing.contains("\"missing\":0"), "every acknowledged webhook is stored");
		check(Long.parseLong(counts.get("benchRows")) >= inserts, "every acknowledged insert is stored");
		this.out.printf("(run started %s)%n", since);
	}

	/**
	 * Complete intakes: reports with a pin, then wait until each has its confirmation
	 * queued.
	 */
	private void intake(int count, int rate) throws Exception {
		String webhook = this.root + "/channels/twilio/messages";
		Instant warm = Instant.now();
		Result warmUp = run("warm-up intakes", Math.min(rate, 50), 2, (i) -> pin(webhook));
		waitForQueues(warm, warmUp.ok(), Duration.ofMinutes(2));
		Instant since = Instant.now();
		long cpu0 = cpuTicks();
		long start = System.nanoTime();
		Result sent = run(String.format("intake       @ %5d/s", rate), rate, Math.max(1, count / rate),
				(i) -> pin(webhook));
		Map<String, String> counts = waitForQueues(since, sent.ok(), Duration.ofMinutes(20));
		long lastConfirmation = Long.parseLong(counts.get("lastConfirmationMillis"));
		double seconds = (lastConfirmation - since.toEpochMilli()) / 1000.0;
		double cpu = (cpuTicks() - cpu0) / TICKS_PER_SECOND;
		this.out.printf("intakes: %d sent OK, %s requests created, %s confirmations queued, %s dead letters%n",
				sent.ok(), counts.get("serviceRequests"), counts.get("confirmationsQueued"), counts.get("deadLetters"));
		this.out.printf("complete intakes: %.0f/s (first message to last confirmation queued: %.1f s)%s%n",
				sent.ok() / seconds, seconds,
				(this.pids.length > 0) ? String.format(", server CPU %.1f ms per intake", cpu * 1000 / sent.ok()) : "");
		this.out.printf("(wall time including the wait: %.1f s)%n", (System.nanoTime() - start) / 1e9);
		check(Long.parseLong(counts.get("confirmationsQueued")) >= sent.ok(), "every intake has its confirmation");
		check(Long.parseLong(counts.get("serviceRequests")) == Long.parseLong(counts.get("confirmationsQueued")),
				"one request per confirmed intake");
		check("0".equals(counts.get("deadLetters")), "no dead letters");
	}

	private Map<String, String> waitForQueues(Instant since, int expected, Duration max) throws Exception {
		long deadline = System.nanoTime() + max.toNanos();
		long started = System.nanoTime();
		long lastReport = started;
		Map<String, String> counts = counts(since);
		String previous = "";
		long stalledSince = System.nanoTime();
		while (System.nanoTime() < deadline) {
			counts = counts(since);
			String progress = counts.get("inboundDone") + "/" + counts.get("confirmationsQueued");
			if (!progress.equals(previous)) {
				previous = progress;
				stalledSince = System.nanoTime();
			}
			else if (System.nanoTime() - stalledSince > 15_000_000_000L) {
				this.out.printf("no progress for 15 s: %s%n", counts);
				return counts;
			}
			if (expected >= 0 && System.nanoTime() - lastReport > 5_000_000_000L) {
				lastReport = System.nanoTime();
				this.out.printf("  +%3.0f s: inbound done %s, submissions %s, requests %s, confirmations %s%n",
						(lastReport - started) / 1e9, counts.get("inboundDone"), counts.get("submissions"),
						counts.get("serviceRequests"), counts.get("confirmationsQueued"));
			}
			boolean done = (expected < 0) ? counts.get("inboundStates").matches("\\[(DONE=\\d+)?\\]")
					: Long.parseLong(counts.get("confirmationsQueued")) >= expected;
			if (done) {
				return counts;
			}
			Thread.sleep(500);
		}
		this.out.printf("gave up waiting: %s%n", counts);
		return counts;
	}

	private Result run(String name, int rate, int seconds, IntFunction<HttpRequest> request) throws Exception {
		int total = rate * seconds;
		String[] sids = new String[total];
		long[] latencies = new long[total];
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
		CountDownLatch done = new CountDownLatch(total);
		List<HttpRequest> prepared = new ArrayList<>(total);
		for (int i = 0; i < total; i++) {
			prepared.add(request.apply(i));
		}
		long cpu0 = cpuTicks();
		long start = System.nanoTime();
		long interval = 1_000_000_000L / rate;
		for (int i = 0; i < total; i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			int n = i;
			this.http.sendAsync(prepared.get(i), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, ex) -> {
					latencies[n] = System.nanoTime() - due;
					if (ex == null && response.statusCode() == 200) {
						ok.incrementAndGet();
						sids[n] = prepared.get(n).headers().firstValue("X-Bench-Sid").orElse(null);
					}
					else {
						errors.incrementAndGet();
						if (samples.size() < 3) {
							samples.add((ex != null) ? ex.toString() : "HTTP " + response.statusCode());
						}
					}
					done.countDown();
				});
		}
		double offeredSeconds = (System.nanoTime() - start) / 1e9;
		done.await(2, TimeUnit.MINUTES);
		double seconds2 = (System.nanoTime() - start) / 1e9;
		double cpu = (cpuTicks() - cpu0) / TICKS_PER_SECOND;
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		this.out.printf(
				"%-26s offered %6.0f/s  done %6.0f/s  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  errors %d%s%s%n", name,
				total / offeredSeconds, ok.get() / seconds2, sorted[total / 2] / 1e6,
				sorted[Math.min(total - 1, (int) (total * 0.99))] / 1e6, sorted[total - 1] / 1e6, errors.get(),
				(this.pids.length > 0) ? String.format("  server CPU %.2f ms/req", cpu * 1000 / total) : "",
				samples.isEmpty() ? "" : "  e.g. " + samples);
		List<String> acknowledged = new ArrayList<>();
		for (String sid : sids) {
			if (sid != null) {
				acknowledged.add(sid);
			}
		}
		return new Result(ok.get(), errors.get(), acknowledged);
	}

	private HttpRequest sms(String url, int i) {
		Map<String, String> form = base("", phone(), "huge pothole at mass ave and prospect st");
		return signed(url, form);
	}

	private HttpRequest pin(String url) {
		double[] anchor = ANCHORS[this.random.nextInt(ANCHORS.length)];
		double lat = anchor[0] + (this.random.nextDouble() - 0.5) * 0.0008;
		double lon = anchor[1] + (this.random.nextDouble() - 0.5) * 0.0008;
		Map<String, String> form = base("whatsapp:", phone(), "pothole");
		form.put("Latitude", String.format(java.util.Locale.ROOT, "%.7f", lat));
		form.put("Longitude", String.format(java.util.Locale.ROOT, "%.7f", lon));
		form.put("ProfileName", "Load");
		return signed(url, form);
	}

	private HttpRequest plain(String url, int i) {
		Map<String, String> form = base("", phone(), "huge pothole at mass ave and prospect st");
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
	}

	/**
	 * A body shaped like Twilio's (the captured SMS fixtures), with a fresh MessageSid.
	 */
	private Map<String, String> base(String prefix, String phone, String body) {
		String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("ToCountry", "US");
		form.put("SmsMessageSid", sid);
		form.put("NumMedia", "0");
		form.put("SmsSid", sid);
		form.put("SmsStatus", "received");
		form.put("Body", body);
		form.put("FromCountry", "US");
		form.put("To", prefix + "+16175550100");
		form.put("NumSegments", "1");
		form.put("MessageSid", sid);
		form.put("AccountSid", this.account);
		form.put("From", prefix + phone);
		form.put("ApiVersion", "2010-04-01");
		return form;
	}

	private String phone() {
		return "+1617" + (2 + this.random.nextInt(8)) + String.format("%06d", this.random.nextInt(1_000_000));
	}

	private HttpRequest signed(String url, Map<String, String> form) {
		StringBuilder signed = new StringBuilder(url);
		new TreeMap<>(form).forEach((k, v) -> signed.append(k).append(v));
		String signature;
		synchronized (this.mac) {
			signature = Base64.getEncoder()
				.encodeToString(this.mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
		}
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature)
			.header("X-Bench-Sid", form.get("MessageSid"))
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
	}

	private static String encode(Map<String, String> form) {
		StringJoiner body = new StringJoiner("&");
		form.forEach((k, v) -> body
			.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return body.toString();
	}

	private String missing(List<String> sids) throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(this.root + "/bench/missing"))
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString(String.join("\n", sids)))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private Map<String, String> counts(Instant since) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.root + "/bench/counts?since=" + since)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET /bench/counts answered " + response.statusCode()
					+ ": start the gateway with FRONTDOOR_BENCH_ENABLED=true");
		}
		Map<String, String> counts = new LinkedHashMap<>();
		String json = response.body();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\w+)\":(\\[[^\\]]*\\]|\\d+)").matcher(json);
		while (m.find()) {
			counts.put(m.group(1), m.group(2).replace("\"", ""));
		}
		return counts;
	}

	private void check(boolean ok, String what) {
		this.out.printf("%s %s%n", ok ? "OK  " : "FAIL", what);
	}

	/**
	 * CPU ticks of the given processes and their waited-for children
	 * (utime+stime+cutime+cstime).
	 */
	private long cpuTicks() {
		long total = 0;
		for (long pid : this.pids) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				for (int i = 11; i <= 14; i++) {
					total += Long.parseLong(fields[i]);
				}
				total += childrenTicks(pid);
			}
			catch (IOException | RuntimeException ex) {
				// the process ended: count nothing for it
			}
		}
		return total;
	}

	/**
	 * Live children (PostgreSQL backends) are not in cutime until they exit: add them.
	 */
	private static long childrenTicks(long pid) throws IOException {
		long total = 0;
		Path tasks = Path.of("/proc/" + pid + "/task");
		if (!Files.isDirectory(tasks)) {
			return 0;
		}
		try (var dirs = Files.list(tasks)) {
			for (Path task : (Iterable<Path>) dirs::iterator) {
				Path children = task.resolve("children");
				if (!Files.exists(children)) {
					continue;
				}
				for (String child : Files.readString(children).trim().split("\\s+")) {
					if (child.isBlank()) {
						continue;
					}
					try {
						String stat = Files.readString(Path.of("/proc/" + child + "/stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
					catch (IOException | RuntimeException ex) {
						// the child ended
					}
				}
			}
		}
		return total;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private record Result(int ok, int errors, List<String> acknowledged) {

	}

}
