package dev.kehu.crm.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryTest {
    private static final Backoff BACKOFF = Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(100));

    private final FakeTransactions transactions = new FakeTransactions();
    private final List<Duration> slept = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private Retry retry(int attempts) {
        return Retry.onConflict(attempts, BACKOFF, transactions, slept::add, new SplittableRandom(3));
    }

    /** Work that meets a conflict on its first {@code conflicts} calls and then returns the number of its call. */
    private Supplier<Integer> conflicting(int conflicts) {
        return () -> {
            int call = calls.incrementAndGet();
            if (call <= conflicts) throw new StaleRecordException("opportunity", "o-1", call - 1);
            return call;
        };
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    @DisplayName("work that succeeds at once runs once and nobody waits")
    void successRunsOnce() {
        assertThat(retry(5).call(conflicting(0))).isEqualTo(1);
        assertThat(slept).isEmpty();
    }

    @Test
    @DisplayName("a conflict is retried after a back-off wait until the work succeeds")
    void conflictsAreRetried() {
        assertThat(retry(5).call(conflicting(3))).isEqualTo(4);
        assertThat(slept).hasSize(3);
        assertThat(slept.get(0)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
        assertThat(slept.get(1)).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(slept.get(2)).isBetween(Duration.ofMillis(20), Duration.ofMillis(40));
    }

    @Test
    @DisplayName("after the last attempt the last conflict is thrown, carrying the earlier ones")
    void attemptsAreBounded() {
        Throwable thrown = catchThrowable(() -> retry(3).call(conflicting(10)));
        assertThat(thrown).isInstanceOf(StaleRecordException.class);
        assertThat(((StaleRecordException) thrown).expectedVersion()).isEqualTo(2);
        assertThat(thrown.getSuppressed()).extracting(e -> ((StaleRecordException) e).expectedVersion())
                .containsExactly(0L, 1L);
        assertThat(calls).hasValue(3);
        assertThat(slept).hasSize(2);
    }

    @Test
    @DisplayName("one attempt means no retry")
    void oneAttemptIsNoRetry() {
        assertThat(catchThrowable(() -> retry(1).call(conflicting(1)))).isInstanceOf(StaleRecordException.class);
        assertThat(calls).hasValue(1);
        assertThat(slept).isEmpty();
    }

    @Test
    @DisplayName("anything but a conflict ends the retrying at once")
    void otherExceptionsAreNotRetried() {
        BusinessRuleException refused = new BusinessRuleException("opportunity.closed", "closed");
        Throwable thrown = catchThrowable(() -> retry(5).run(() -> {
            calls.incrementAndGet();
            throw refused;
        }));
        assertThat(thrown).isSameAs(refused);
        IllegalStateException broken = new IllegalStateException("database down");
        assertThat(catchThrowable(() -> retry(5).run(() -> {
            calls.incrementAndGet();
            throw broken;
        }))).isSameAs(broken);
        assertThat(calls).hasValue(2);
        assertThat(slept).isEmpty();
    }

    @Test
    @DisplayName("inside the caller's transaction the work runs once and its conflict is not retried")
    void noRetryInsideATransaction() {
        Throwable thrown = catchThrowable(() -> transactions.inTransaction(() -> retry(5).call(conflicting(1))));
        assertThat(thrown).isInstanceOf(StaleRecordException.class);
        assertThat(calls).hasValue(1);
        assertThat(slept).isEmpty();
        assertThat(transactions.inTransaction(() -> retry(5).call(conflicting(0)))).as("success inside").isEqualTo(2);
    }

    @Test
    @DisplayName("an interrupt while waiting ends the retrying with the conflict, and the thread stays interrupted")
    void interruptStopsRetrying() {
        InterruptedException interrupt = new InterruptedException("shutting down");
        Retry retry = Retry.onConflict(5, BACKOFF, transactions, wait -> {
            throw interrupt;
        }, new SplittableRandom(3));
        Throwable thrown = catchThrowable(() -> retry.call(conflicting(3)));
        assertThat(thrown).isInstanceOf(StaleRecordException.class);
        assertThat(thrown.getSuppressed()).containsExactly(interrupt);
        assertThat(calls).hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    @DisplayName("no attempt at all, and missing parts, are refused")
    void badArgumentsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> retry(0)).withMessageContaining("at least one attempt");
        assertThat(catchThrowable(() -> Retry.onConflict(3, null, transactions, slept::add, new SplittableRandom(1))))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("backoff");
        assertThat(catchThrowable(() -> Retry.onConflict(3, BACKOFF, null, slept::add, new SplittableRandom(1))))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("transactions");
        assertThat(catchThrowable(() -> retry(3).call(null))).isInstanceOf(NullPointerException.class);
    }

    /** Transactions that do nothing but say whether the thread is inside one. */
    private static final class FakeTransactions implements Transactions {
        private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            boolean outer = active.get();
            active.set(true);
            try {
                return work.get();
            } finally {
                active.set(outer);
            }
        }

        @Override
        public boolean isActive() {
            return active.get();
        }
    }
}
