package dev.kehu.crm.common;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long {@link Retry} waits before each new attempt. The ceiling starts at {@code first} and doubles after each
 * conflict, up to {@code max}; the wait is drawn between half the ceiling and the ceiling. The fixed half makes the
 * waits grow while conflicts repeat; the random half spreads apart callers who met on one record, so that they do
 * not meet again at the same moment.
 *
 * @param first the ceiling before the first retry (zero: retry at once, every time)
 * @param max   the highest ceiling, at most an hour
 */
public record Backoff(Duration first, Duration max) {
    private static final Duration LONGEST = Duration.ofHours(1);

    public Backoff {
        requireNonNull(first, "first");
        requireNonNull(max, "max");
        if (first.isNegative() || max.compareTo(first) < 0 || max.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a back-off needs 0 ≤ first ≤ max ≤ 1 h, got first " + first
                    + " and max " + max);
        }
    }

    /** Waits from about {@code first} doubling to about {@code max}, each drawn at random in its upper half. */
    public static Backoff exponential(Duration first, Duration max) {
        return new Backoff(first, max);
    }

    /** No wait: every attempt follows the last at once. */
    public static Backoff none() {
        return new Backoff(Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait before retry number {@code retry} (1 before the second attempt), drawn with {@code random}: at least
     * half the ceiling of that retry and at most the ceiling.
     */
    public Duration before(int retry, RandomGenerator random) {
        if (retry < 1) throw new IllegalArgumentException("retries are numbered from 1, got " + retry);
        requireNonNull(random, "random");
        long ceiling = ceilingNanos(retry);
        long half = ceiling / 2;
        return Duration.ofNanos(ceiling - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    private long ceilingNanos(int retry) {
        long firstNanos = first.toNanos();
        long maxNanos = max.toNanos();
        int doublings = retry - 1;
        // first × 2^doublings, without overflowing, whenever it stays within max
        if (doublings >= Long.SIZE - 1 || firstNanos > maxNanos >> doublings) return maxNanos;
        return firstNanos << doublings;
    }
}
