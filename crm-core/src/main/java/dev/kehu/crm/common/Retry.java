package dev.kehu.crm.common;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs a use case again when it meets a concurrent change ({@link StaleRecordException}): at most {@code attempts}
 * times in all, waiting a {@link Backoff} between attempts. Obtain one from {@code Kehu.retryOnConflict(attempts,
 * backoff)}:
 *
 * <pre>{@code
 * Retry retry = kehu.retryOnConflict(5, Backoff.exponential(Duration.ofMillis(20), Duration.ofSeconds(1)));
 * Opportunity moved = retry.call(() -> {
 *     Opportunity current = kehu.opportunities().get(actor, id);            // read again on every attempt
 *     return kehu.opportunities().moveTo(actor, id, current.version(), "EVALUATION", null, "立项");
 * });
 * }</pre>
 *
 * <p>The work must read the record again and decide its change again on every attempt. A conflict means someone
 * else's change was saved since the record was read: sending the same version again is refused again, and a change
 * decided on the old state (a stage computed from it, a form's values) would overwrite what the other person did.
 * Only the caller knows whether its intent still holds on the new state; when it does not, the work should throw
 * its own exception, which ends the retrying.
 *
 * <p>Nothing but {@link StaleRecordException} is retried (refused input, a broken rule, a missing record fail at
 * once). The JDBC store also reports a deadlock or a lock timeout between transactions as one, so those are retried
 * too. Inside a transaction of the caller's ({@link Transactions#isActive()}) the work runs once and a conflict is
 * not retried: the use case joined that transaction, which is doomed once a statement of it failed (PostgreSQL
 * refuses to go on) and whose reads may not see the other change; retry the whole outer transaction instead. When
 * the attempts are used up, the last conflict is thrown with the earlier ones as suppressed exceptions; a thread
 * interrupted while waiting stops at once, its interrupt status kept.
 */
public final class Retry {
    private final int attempts;
    private final Backoff backoff;
    private final Transactions transactions;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    private Retry(int attempts, Backoff backoff, Transactions transactions, Sleeper sleeper, RandomGenerator random) {
        if (attempts < 1) throw new IllegalArgumentException("at least one attempt, got " + attempts);
        this.attempts = attempts;
        this.backoff = requireNonNull(backoff, "backoff");
        this.transactions = requireNonNull(transactions, "transactions");
        this.sleeper = requireNonNull(sleeper, "sleeper");
        this.random = requireNonNull(random, "random");
    }

    /**
     * A retry over the use cases of the store whose {@code transactions} are given, waiting with {@code sleeper} and
     * drawing the waits with {@code random} (which must be safe to share between threads if the retry is).
     * {@code Kehu.retryOnConflict} makes one with the thread's own sleep and random numbers.
     */
    public static Retry onConflict(int attempts, Backoff backoff, Transactions transactions, Sleeper sleeper,
                                   RandomGenerator random) {
        return new Retry(attempts, backoff, transactions, sleeper, random);
    }

    /** The most times the work is run. */
    public int attempts() {
        return attempts;
    }

    /**
     * Runs {@code work} until it returns, throws something other than a conflict, or has met a conflict on every
     * attempt.
     *
     * @return what the successful attempt returned
     * @throws StaleRecordException the last conflict, when every attempt met one (or the one attempt made inside the
     *                              caller's transaction did)
     */
    public <T> T call(Supplier<T> work) {
        requireNonNull(work, "work");
        if (transactions.isActive()) return work.get();
        List<StaleRecordException> conflicts = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (StaleRecordException conflict) {
                conflicts.add(conflict);
                if (attempt == attempts) throw lastOf(conflicts);
                try {
                    sleeper.sleep(backoff.before(attempt, random));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    StaleRecordException last = lastOf(conflicts);
                    last.addSuppressed(interrupted);
                    throw last;
                }
            }
        }
    }

    /** As {@link #call(Supplier)}, for work that returns nothing. */
    public void run(Runnable work) {
        requireNonNull(work, "work");
        call(() -> {
            work.run();
            return null;
        });
    }

    /** The last conflict, carrying the earlier ones. */
    private static StaleRecordException lastOf(List<StaleRecordException> conflicts) {
        StaleRecordException last = conflicts.get(conflicts.size() - 1);
        conflicts.subList(0, conflicts.size() - 1).forEach(last::addSuppressed);
        return last;
    }
}
