package io.rapport.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The JMH benchmark's decisions counted against the CPU time of the deciding thread rather than
 * wall time: on a machine shared with other work, a thread that waits for a core still shows its
 * cost per decision. Runs each kind of decision for a number of 2-second rounds of CPU time and
 * prints every round; the first rounds include compilation.
 * Usage: GateCpuTime [rounds]
 */
public final class GateCpuTime {

    private static final long ROUND_NANOS = 2_000_000_000L;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        GateBenchmark benchmark = new GateBenchmark();
        benchmark.facts();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Object last = null;
        for (String kind : new String[] {"decide", "decideForUnseenNumbers"}) {
            for (int round = 0; round < rounds; round++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                long decisions = 0;
                while (threads.getCurrentThreadCpuTime() - cpuStart < ROUND_NANOS) {
                    for (int i = 0; i < 100; i++) {
                        last = kind.equals("decide") ? benchmark.decide() : benchmark.decideForUnseenNumbers();
                    }
                    decisions += 100;
                }
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                double wall = (System.nanoTime() - wallStart) / 1e9;
                System.out.printf("   %-22s round %d: %,9.0f decisions per CPU-second (%,9.0f per wall second)%n",
                        kind, round + 1, decisions / cpu, decisions / wall);
            }
        }
        if (last == null) {
            throw new IllegalStateException("no decision was made");
        }
    }
}
