package dev.kehu.crm.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an opportunity's stage history tells: where it stands now and how long it spent in each stage. */
public final class StageHistory {
    private StageHistory() {
    }

    /**
     * Replays the history from its first line: each line must start where the previous one ended and be
     * numbered one more. Returns the position it ends in.
     *
     * @throws IllegalStateException when the history has a gap, a duplicate or lines out of order
     */
    public static Position replay(List<StageChange> history) {
        Position current = null;
        int expected = 1;
        for (StageChange change : history) {
            if (change.sequence() != expected++) {
                throw new IllegalStateException("history line " + change.sequence() + " where " + (expected - 1)
                        + " was expected");
            }
            if (current != null && !current.equals(change.from())) {
                throw new IllegalStateException("history line " + change.sequence() + " starts at " + change.from()
                        + " but the previous line ended at " + current);
            }
            current = change.to();
        }
        if (current == null) throw new IllegalStateException("an opportunity's history has at least one line");
        return current;
    }

    /**
     * The time spent in each stage, in pipeline order of first entry; the current stage counts until
     * {@code now} while the opportunity is open. Time after closing counts nowhere.
     */
    public static Map<String, Duration> timeInStages(List<StageChange> history, Instant now) {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (int i = 0; i < history.size(); i++) {
            StageChange change = history.get(i);
            Position position = change.to();
            if (position.status().isClosed()) continue;
            Instant until = i + 1 < history.size() ? history.get(i + 1).at() : now;
            Duration spent = until.isAfter(change.at()) ? Duration.between(change.at(), until) : Duration.ZERO;
            times.merge(position.stage(), spent, Duration::plus);
        }
        return times;
    }
}
