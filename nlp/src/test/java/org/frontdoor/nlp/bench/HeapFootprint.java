package org.frontdoor.nlp.bench;

import java.lang.management.ManagementFactory;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The heap a cold-load benchmark retains, as a JMH counter: once the benchmark has loaded
 * what it measures and called {@link #loaded()}, the used heap after a full GC minus the
 * same before the iteration (the baseline: JMH and the JVM). JMH prints the counter
 * summed over the forks. The baseline is a plain field: JMH resets public counters when
 * the iteration starts, after the setup has run.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class HeapFootprint {

	/** Megabytes retained by what the benchmark loaded (used after GC minus baseline). */
	public double retainedHeapMb;

	private double baselineHeapMb;

	/** Measure the baseline before each iteration. */
	@Setup(Level.Iteration)
	public void baseline() {
		this.baselineHeapMb = usedAfterGc();
	}

	/** Record what is retained now that the benchmark has loaded (and still holds) it. */
	public void loaded() {
		this.retainedHeapMb = usedAfterGc() - this.baselineHeapMb;
	}

	private static double usedAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
	}

}
