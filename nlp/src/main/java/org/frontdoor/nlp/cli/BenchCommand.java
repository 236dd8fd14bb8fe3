package org.frontdoor.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.frontdoor.nlp.AnalysisRequest;
import org.frontdoor.nlp.Analyzer;

/**
 * {@code bench --services <file> --in <messages.jsonl> [--rounds 20]}: a load command
 * that prints what the NLP part costs — time to load the analyzer, heap retained by it
 * after a full GC, and per-message latency of {@code analyze} (no geocoding) single-
 * threaded after warm-up, as wall-clock and as thread CPU time. CPU time is immune to
 * other processes competing for the cores; wall-clock is what a caller sees.
 */
final class BenchCommand implements Command {

	@Override
	public String name() {
		return "bench";
	}

	@Override
	public String usage() {
		return "bench --services <services.json|xml> --in <messages.jsonl> [--rounds 20]   (latency, load time, heap)";
	}

	@Override
	public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
		CliArgs args = new CliArgs(argv, Set.of("--services", "--in", "--rounds"), Set.of());
		int rounds = Integer.parseInt((args.get("--rounds") != null) ? args.get("--rounds") : "20");
		List<AnalysisRequest> messages = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(Path.of(args.require("--in")), StandardCharsets.UTF_8)) {
				InputLine il = InputLine.parse(line);
				if (il.request() != null) {
					messages.add(il.request());
				}
			}
		}
		catch (IOException ex) {
			err.println("bench: " + ex.getMessage());
			return 1;
		}
		if (messages.isEmpty()) {
			err.println("bench: no messages in " + args.get("--in"));
			return 1;
		}
		double heapBefore = usedAfterGc();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu0 = threads.getCurrentThreadCpuTime();
		long t0 = System.nanoTime();
		Analyzer analyzer = AnalyzeCommand.build(args, err);
		if (analyzer == null) {
			return 1;
		}
		analyzer.analyze(messages.get(0));
		double loadMs = (System.nanoTime() - t0) / 1e6;
		double loadCpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
		double heapMb = usedAfterGc() - heapBefore;
		for (int r = 0; r < Math.max(1, rounds / 2); r++) {
			for (AnalysisRequest m : messages) {
				analyzer.analyze(m);
			}
		}
		int n = messages.size() * rounds;
		long[] wall = new long[n];
		long[] cpu = new long[n];
		int k = 0;
		for (int r = 0; r < rounds; r++) {
			for (AnalysisRequest m : messages) {
				long c = threads.getCurrentThreadCpuTime();
				long w = System.nanoTime();
				analyzer.analyze(m);
				wall[k] = System.nanoTime() - w;
				cpu[k] = threads.getCurrentThreadCpuTime() - c;
				k++;
			}
		}
		Arrays.sort(wall);
		Arrays.sort(cpu);
		out.printf(Locale.ROOT, "catalog: %d services; %d messages x %d rounds%n", analyzer.catalog().services().size(),
				messages.size(), rounds);
		out.printf(Locale.ROOT, "load (first analyzer, incl. built-in knowledge): %.0f ms wall, %.0f ms cpu%n", loadMs,
				loadCpuMs);
		out.printf(Locale.ROOT, "heap retained by the analyzer after GC: %.1f MB%n", heapMb);
		out.printf(Locale.ROOT, "analyze wall  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%n", pct(wall, 0.5),
				pct(wall, 0.9), pct(wall, 0.99), wall[n - 1] / 1e6);
		out.printf(Locale.ROOT, "analyze cpu   p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%n", pct(cpu, 0.5),
				pct(cpu, 0.9), pct(cpu, 0.99), cpu[n - 1] / 1e6);
		return 0;
	}

	private static double pct(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
	}

	private static double usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
	}

}
