package dev.kehu.crm.examples.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workload's figures in one run: Kehu's, and each baseline's measured beside it on the same database.
 *
 * @param higherIsBetter a throughput ({@code true}) or a latency
 * @param baselines      by name: {@code jdbc} (hand-written JDBC, the limit), {@code hibernate} (the peer),
 *                       {@code sql} (hand-written SQL aggregation), {@code jvm} (rows loaded and aggregated in Java)
 * @param targets        the least speed ratio wanted against each named baseline
 * @param operations     how many operations the figure is made of
 */
public record Measurement(String workload, String unit, boolean higherIsBetter, Figure kehu,
                          Map<String, Figure> baselines, Map<String, Double> targets, long operations, String note) {
    public Measurement {
        baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
        targets = Map.copyOf(targets);
        for (String name : targets.keySet()) {
            if (!baselines.containsKey(name)) throw new IllegalArgumentException("a target for a missing baseline " + name);
        }
    }

    /** How many times faster Kehu is than the baseline (below 1: slower), whatever the unit. */
    public double speedRatio(String baseline) {
        Figure other = baselines.get(baseline);
        if (other == null) throw new IllegalArgumentException("no baseline " + baseline + " for " + workload);
        return higherIsBetter ? kehu.value() / other.value() : other.value() / kehu.value();
    }

    /** Whether the speed ratio against {@code baseline} meets its target; {@code null} when there is none. */
    public Boolean meetsTarget(String baseline) {
        Double target = targets.get(baseline);
        return target == null ? null : speedRatio(baseline) >= target;
    }
}
