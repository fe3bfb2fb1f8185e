package dev.kehu.crm.store.tck;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.CrmStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** What the kits share: comparing stored records, and running work on several threads at once. */
final class KitSupport {
    /** The longest any kit waits for another thread. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private KitSupport() {
    }

    /**
     * A clock in UTC that starts at {@code start} and moves a millisecond on with every reading, from any thread: records
     * get distinct times in the order they were made.
     */
    static Clock ticking(Instant start) {
        AtomicLong ticks = new AtomicLong();
        return new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return start.plusMillis(ticks.getAndIncrement()); }
        };
    }

    /** Field by field first, so that a failure names the field that differs. */
    static <T> void assertStored(Optional<T> found, T expected) {
        assertThat(found).as("stored record").isPresent();
        assertThat(found.get()).usingRecursiveComparison().isEqualTo(expected);
        assertThat(found.get()).isEqualTo(expected);
    }

    static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toMillis(), MILLISECONDS)) throw new IllegalStateException("gave up waiting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the tasks on threads of their own, released together: each one's result, or what it threw. */
    static List<Object> race(List<? extends Callable<?>> tasks) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<?> task : tasks) {
                futures.add(threads.submit(() -> {
                    awaitOrFail(start);
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    outcomes.add(future.get(WAIT.toMillis(), MILLISECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a thread did not finish within " + WAIT, e);
                }
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * {@code port} running {@code hook} before each call of its method {@code method}; every call goes on to
     * {@code port}. A proxy rather than a class, so that it forwards every method the port has or will have.
     */
    static <P> P beforeCalls(Class<P> type, P port, String method, Runnable hook) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals(method)) hook.run();
            try {
                return called.invoke(port, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    /**
     * Whether a second transaction of the store can start while a first is open, within half a second: false for a
     * store that runs one transaction at a time (the in-memory store).
     */
    static boolean transactionsOverlap(CrmStore store) throws InterruptedException {
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            threads.submit(() -> store.transactions().useTransaction(() -> {
                opened.countDown();
                awaitOrFail(done);
            }));
            awaitOrFail(opened);
            Future<Boolean> second = threads.submit(() -> store.transactions().inTransaction(() -> true));
            try {
                return second.get(500, MILLISECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                throw new AssertionError("a second transaction failed", e.getCause());
            }
        } finally {
            done.countDown();
            threads.shutdown();
            if (!threads.awaitTermination(WAIT.toMillis(), MILLISECONDS)) throw new AssertionError("transactions hang");
        }
    }

    static <T> T onAnotherThread(Callable<T> task) throws InterruptedException {
        Object outcome = race(List.of(task)).get(0);
        if (outcome instanceof Throwable failure) throw new AssertionError("failed on another thread", failure);
        @SuppressWarnings("unchecked")
        T result = (T) outcome;
        return result;
    }
}
