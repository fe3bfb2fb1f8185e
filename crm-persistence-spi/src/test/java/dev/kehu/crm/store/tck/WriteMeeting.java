package dev.kehu.crm.store.tck;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes concurrent use cases meet where each has read what it needs but none has written yet: each one's
 * first save waits for the others, for at most two seconds, so a store that runs one transaction at a time
 * (and keeps the others out) goes on alone instead of deadlocking.
 */
final class WriteMeeting {
    private final ThreadLocal<CountDownLatch> held = new ThreadLocal<>();
    private volatile CyclicBarrier meeting;
    private volatile boolean lastMet;

    /** The next {@code parties} threads to save something meet before their first save. */
    void meetBeforeFirstWrite(int parties) {
        lastMet = false;
        meeting = new CyclicBarrier(parties);
    }

    /** Whether every party of the last meeting arrived in time: false where one went on alone. */
    boolean met() {
        return lastMet;
    }

    /** Once the calling thread has met the others, its first save also waits (at most ten seconds) for {@code done}. */
    void holdThisThreadAfterMeetingUntil(CountDownLatch done) {
        held.set(done);
    }

    void beforeWrite() {
        CyclicBarrier barrier = meeting;
        if (barrier == null) return;
        boolean met = false;
        try {
            barrier.await(2, TimeUnit.SECONDS);
            met = true;
            lastMet = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // A store that runs one transaction at a time keeps the other party out: go on alone.
        }
        meeting = null;
        CountDownLatch done = held.get();
        held.remove();
        if (met && done != null) {
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
