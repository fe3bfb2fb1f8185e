package dev.kehu.crm.outbox;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the relay retries a failing channel: after the n-th failed attempt it waits {@code firstDelay × 2^(n−1)},
 * at most {@code maxDelay}, and after {@code maxAttempts} attempts the message is dead-lettered. An attempt
 * holds its message for {@code lease}: a relay that dies mid-attempt leaves it to be tried again after that.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration lease) {
    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt, got " + maxAttempts);
        requireNonNull(firstDelay, "firstDelay");
        requireNonNull(maxDelay, "maxDelay");
        requireNonNull(lease, "lease");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("delays must be ≥ 0 with firstDelay ≤ maxDelay, and the lease positive");
        }
    }

    /** Ten attempts over about four hours: 30 s, 1 min, 2 min … at most 1 h apart; attempts hold for 5 min. */
    public static RetryPolicy standard() {
        return new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5));
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    public Duration delayAfter(int attempts) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) delay = delay.multipliedBy(2);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
