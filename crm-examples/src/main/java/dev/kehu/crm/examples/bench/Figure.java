package dev.kehu.crm.examples.bench;

import java.util.Arrays;

/**
 * One implementation's figure for a workload: a throughput, or a latency's median with its 99th percentile.
 *
 * @param p99 the 99th percentile of a latency, {@code null} for a throughput
 */
public record Figure(double value, Double p99) {
    public Figure {
        if (!Double.isFinite(value) || value < 0) throw new IllegalArgumentException("not a figure: " + value);
    }

    public static Figure throughput(long operations, long nanos) {
        return new Figure(operations / (nanos / 1e9), null);
    }

    /** The median and 99th percentile of latencies in nanoseconds, in milliseconds. */
    public static Figure latencyMillis(long[] nanos) {
        if (nanos.length == 0) throw new IllegalArgumentException("no latencies measured");
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Figure(percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
