package dev.kehu.crm.store.tck;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/** What the kits share: comparing stored records, and running work on several threads at once. */
final class KitSupport {
    /** The longest any kit waits for another thread. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private KitSupport() {
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

    static <T> T onAnotherThread(Callable<T> task) throws InterruptedException {
        Object outcome = race(List.of(task)).get(0);
        if (outcome instanceof Throwable failure) throw new AssertionError("failed on another thread", failure);
        @SuppressWarnings("unchecked")
        T result = (T) outcome;
        return result;
    }
}
