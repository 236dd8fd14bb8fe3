package org.frontdoor.gateway.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs {@code src/test/browser/chat-widget.mjs} with Node.js against a running gateway,
 * in Debian's chromium through playwright-core, and serves the hooks the script calls to
 * make the server side act. A missing prerequisite (chromium, node, the npm dependencies)
 * fails the test with how to install it: the browser test never skips.
 */
final class ChatBrowser {

	/**
	 * Where the browser lives (Debian package {@code chromium}); override with
	 * FRONTDOOR_CHROMIUM.
	 */
	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FRONTDOOR_CHROMIUM", "/usr/bin/chromium"));

	/** The npm project of the browser tests, relative to the gateway module. */
	static final Path PROJECT = Path.of("src/test/browser");

	/** Screenshots and logs, kept as build artifacts. */
	static final Path ARTIFACTS = Path.of("target/browser");

	private static final Logger log = LoggerFactory.getLogger(ChatBrowser.class);

	private ChatBrowser() {
	}

	/** Fail with instructions unless chromium, node and playwright-core are installed. */
	static void requirePrerequisites() {
		if (!Files.isExecutable(CHROMIUM)) {
			fail("The chat browser test needs Debian's chromium at " + CHROMIUM
					+ " and it is missing: run 'apt-get install -y chromium' (.ci/run does) or set FRONTDOOR_CHROMIUM");
		}
		String node = nodeVersion();
		if (node == null) {
			fail("The chat browser test needs Node.js 20+ ('node' on the PATH) and it is missing: "
					+ "install it (Debian: apt-get install -y nodejs npm)");
		}
		if (!node.matches("v(2\\d|[3-9]\\d)\\..*")) {
			fail("The chat browser test needs Node.js 20 or newer (playwright-core requires it); found " + node);
		}
		if (!Files.isDirectory(PROJECT.resolve("node_modules/playwright-core"))) {
			fail("The chat browser test needs playwright-core: run 'npm ci' in gateway/src/test/browser "
					+ "(.ci/run does; it downloads no browser)");
		}
	}

	private static String nodeVersion() {
		try {
			Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) ? out : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * A loopback HTTP server whose {@code POST /<name>?…} runs the handler with the query
	 * parameters and answers its result (200) or the exception message (500).
	 * @param handlers the hooks by path
	 * @return the started server
	 */
	static HttpServer hooks(Map<String, Function<Map<String, String>, String>> handlers) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			handlers.forEach((path, handler) -> server.createContext(path, (exchange) -> {
				int status = 200;
				String answer;
				try {
					answer = handler.apply(query(exchange.getRequestURI().getRawQuery()));
				}
				catch (RuntimeException | AssertionError ex) {
					status = 500;
					answer = String.valueOf(ex.getMessage());
				}
				byte[] body = answer.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			}));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
						(kv.length > 1) ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
			}
		}
		return parameters;
	}

	/**
	 * Run one scenario of the script with a hook server for it.
	 * @param scenario {@code widget} or {@code end-to-end}
	 * @param port the gateway's port on 127.0.0.1
	 * @param hooks the hooks by path (see {@link #hooks})
	 * @param photo a JPEG to upload, or {@code null}
	 * @param timeoutSeconds the longest the script may run
	 * @return its outcome
	 */
	static Outcome run(String scenario, int port, Map<String, Function<Map<String, String>, String>> hooks, Path photo,
			int timeoutSeconds) {
		HttpServer server = hooks(hooks);
		try {
			return run(scenario, "http://127.0.0.1:" + port, "http://127.0.0.1:" + server.getAddress().getPort(), photo,
					timeoutSeconds);
		}
		finally {
			server.stop(0);
		}
	}

	/**
	 * Run one scenario of the script.
	 * @param scenario {@code widget} or {@code end-to-end}
	 * @param baseUrl the gateway
	 * @param hookUrl the hook server
	 * @param photo a JPEG to upload, or {@code null}
	 * @param timeoutSeconds the longest the script may run
	 * @return its outcome
	 */
	static Outcome run(String scenario, String baseUrl, String hookUrl, Path photo, int timeoutSeconds) {
		try {
			Files.createDirectories(ARTIFACTS);
			ProcessBuilder builder = new ProcessBuilder("node", "chat-widget.mjs").directory(PROJECT.toFile())
				.redirectErrorStream(true);
			Map<String, String> env = builder.environment();
			env.put("BASE_URL", baseUrl);
			env.put("HOOK_URL", hookUrl);
			env.put("CHROMIUM", CHROMIUM.toString());
			env.put("ARTIFACTS", ARTIFACTS.toAbsolutePath().toString());
			env.put("SCENARIO", scenario);
			if (photo != null) {
				env.put("PHOTO", photo.toAbsolutePath().toString());
			}
			Process process = builder.start();
			List<String> lines = new ArrayList<>();
			Thread reader = Thread.ofVirtual().start(() -> {
				try (BufferedReader out = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = out.readLine()) != null) {
						log.info("[browser] {}", line);
						synchronized (lines) {
							lines.add(line);
						}
					}
				}
				catch (IOException ex) {
					// process ended
				}
			});
			boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
			if (!finished) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			}
			reader.join(5000);
			List<String> output;
			synchronized (lines) {
				output = List.copyOf(lines);
			}
			Files.write(ARTIFACTS.resolve("chat-" + scenario + ".log"), output);
			return new Outcome(finished ? process.exitValue() : -1, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What the script did.
	 *
	 * @param exitCode 0 when every step passed, -1 on timeout
	 * @param output its output lines ({@code PASS:}, {@code FAIL:}, {@code DONE:})
	 */
	record Outcome(int exitCode, List<String> output) {

		String failure() {
			return this.output.stream()
				.filter((line) -> line.startsWith("FAIL:"))
				.findFirst()
				.orElse((this.exitCode == -1) ? "timed out" : "exit code " + this.exitCode);
		}

		List<String> passed() {
			return this.output.stream().filter((line) -> line.startsWith("PASS: ")).map((l) -> l.substring(6)).toList();
		}

	}

}
