package dev.kehu.crm.examples.bench;

/**
 * How much a run measures: the dataset's factor and each workload's operation count.
 *
 * @param importRows rows each implementation imports (a customer with three contacts each), in chunks
 * @param moves      stage moves each implementation makes, per thread count
 * @param reportRuns timed runs of the funnel and of the forecast, after two untimed ones
 * @param careRuns   timed care runs, after the untimed one that counts the reminders (at full size, 1.8 million)
 * @param lookups    timed phone look-ups
 * @param jmhForks   JMH forks (0 runs the rules in this JVM)
 */
public record Profile(String name, double factor, int importRows, int importChunk, int moves, int reportRuns,
                      int careRuns, int lookups, int jmhForks, int jmhWarmups, int jmhIterations, int jmhMillis) {

    /** The standard dataset, with enough operations to be stable. */
    public static final Profile FULL = new Profile("full", 1.0, 20_000, 100, 20_000, 30, 2, 10_000, 1, 3, 5, 2_000);
    /** The one CI runs to see that every workload still runs and yields figures: well under five minutes. */
    public static final Profile CI = new Profile("ci", 0.01, 600, 100, 600, 15, 3, 500, 1, 1, 3, 1_000);
    /** The smallest, for the harness's own test. */
    public static final Profile SMOKE = new Profile("smoke", 0.001, 60, 20, 60, 3, 1, 40, 0, 1, 1, 100);

    public static Profile of(String name) {
        return switch (name) {
            case "full" -> FULL;
            case "ci" -> CI;
            case "smoke" -> SMOKE;
            default -> throw new IllegalArgumentException("unknown profile " + name + ": full, ci or smoke");
        };
    }

    public DatasetSize dataset() {
        return DatasetSize.of(factor);
    }
}
