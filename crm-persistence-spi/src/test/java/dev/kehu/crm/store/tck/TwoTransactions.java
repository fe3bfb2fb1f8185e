package dev.kehu.crm.store.tck;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.CrmStore;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * Two transactions meeting on one key: the first has written and not yet committed when the later one, on another
 * thread, starts and tries to write the same key. A store that checks a key only by looking it up first lets both
 * commit; a unique key (or a lock) makes the later wait for the first and then refuse.
 */
public final class TwoTransactions {
    private TwoTransactions() {
    }

    /**
     * Runs {@code first} in a transaction that stays open until {@code later}, started in a transaction of its own on
     * another thread once {@code first} has written, has been seen waiting for 500 ms: waiting on what the first
     * holds (a store that runs one transaction at a time keeps it out until then). Then lets the first commit.
     *
     * @return what {@code later} returned, or the exception it threw
     */
    public static Object laterWaitsForTheFirst(CrmStore store, Runnable first, Callable<?> later) throws Exception {
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch laterStarted = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> earlier = threads.submit(() -> store.transactions().useTransaction(() -> {
                first.run();
                firstWrote.countDown();
                await(firstMayCommit);
            }));
            Future<?> waiting = threads.submit(() -> {
                await(firstWrote);
                laterStarted.countDown();
                return store.transactions().inTransaction(() -> {
                    try {
                        return later.call();
                    } catch (Exception e) {
                        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    }
                });
            });
            await(laterStarted);

            assertThatThrownBy(() -> waiting.get(500, MILLISECONDS)).as("still waiting for the first")
                    .isInstanceOf(TimeoutException.class);
            firstMayCommit.countDown();
            earlier.get(10, SECONDS);
            try {
                return waiting.get(10, SECONDS);
            } catch (ExecutionException e) {
                return e.getCause();
            }
        } finally {
            firstMayCommit.countDown();
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, SECONDS)) throw new IllegalStateException("gave up waiting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
