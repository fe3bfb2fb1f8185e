package dev.kehu.crm.examples.bench;

/**
 * Workload 5 for one workload: whether Kehu's side of it ran in a JVM limited to {@code maxHeapMb}, and the
 * peak heap in use there while it ran (sampled every millisecond).
 *
 * @param peakMb {@code null} when the child did not finish
 */
public record HeapCheck(String workload, int maxHeapMb, boolean passed, Double peakMb, String message) {
    public static final int MAX_HEAP_MB = 64;
    /** The line a child prints for its parent. */
    static final String PEAK_LINE = "kehu-bench-peak-heap-bytes=";
}
