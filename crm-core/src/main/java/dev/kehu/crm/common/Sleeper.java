package dev.kehu.crm.common;

import java.time.Duration;

/**
 * Port: waits between the attempts of a {@link Retry}. {@code Kehu.retryOnConflict} puts the calling thread to
 * sleep; tests give one that records the waits and returns at once.
 */
@FunctionalInterface
public interface Sleeper {
    /** Returns after {@code duration}, or throws when the thread is interrupted meanwhile. */
    void sleep(Duration duration) throws InterruptedException;
}
