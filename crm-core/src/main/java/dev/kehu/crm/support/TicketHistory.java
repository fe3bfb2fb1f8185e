package dev.kehu.crm.support;

import java.util.List;

/** What a ticket's history tells. */
public final class TicketHistory {
    private TicketHistory() {
    }

    /**
     * Replays the history of one ticket from its first line: each line must be numbered one more than the one
     * before, start in the status the one before ended in, and not go back in time. Returns the status it ends in.
     *
     * @throws IllegalStateException when the history is empty, has a gap, or lines out of order
     */
    public static TicketStatus replay(List<TicketStep> history) {
        TicketStep previous = null;
        for (TicketStep step : history) {
            int expected = previous == null ? 1 : previous.sequence() + 1;
            if (step.sequence() != expected) {
                throw new IllegalStateException("history line " + step.sequence() + " where " + expected + " was expected");
            }
            if (previous != null && (!previous.to().equals(step.from()) || !previous.ticket().equals(step.ticket())
                    || step.at().isBefore(previous.at()))) {
                throw new IllegalStateException("history line " + step.sequence() + " does not follow line "
                        + previous.sequence());
            }
            previous = step;
        }
        if (previous == null) throw new IllegalStateException("a ticket's history has at least one line");
        return previous.to();
    }
}
