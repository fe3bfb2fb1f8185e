package dev.kehu.crm.examples;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's clock: it stands still, so every run prints the same times, and moves only when the demo moves
 * it forward, from day to day, so that stage histories have durations to show. It never goes back.
 */
final class DemoClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private DemoClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = requireNonNull(zone, "zone");
    }

    /** A clock standing at {@code start}, local time in {@code zone}. */
    static DemoClock at(LocalDateTime start, ZoneId zone) {
        return new DemoClock(new AtomicReference<>(start.atZone(zone).toInstant()), zone);
    }

    /** Moves the clock to {@code time}, local time in its zone; a time before now is a mistake in the story. */
    void advanceTo(LocalDateTime time) {
        Instant next = time.atZone(zone).toInstant();
        Instant current = now.get();
        if (next.isBefore(current)) {
            throw new IllegalArgumentException("the clock cannot go back from " + current + " to " + next);
        }
        now.set(next);
    }

    LocalDate today() {
        return LocalDate.ofInstant(now.get(), zone);
    }

    LocalDateTime localNow() {
        return LocalDateTime.ofInstant(now.get(), zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen from another zone: it moves whenever this one does. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new DemoClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
