package dev.kehu.crm.contract;

import java.util.List;

/** What a contract's history tells: the status it ends in. */
public final class ContractHistory {
    private ContractHistory() {
    }

    /**
     * Replays the history from its first line: each line must belong to the same contract, start where the
     * previous one ended and be numbered one more. Returns the status it ends in.
     *
     * @throws IllegalStateException when the history is empty, has a gap, a duplicate or lines out of order
     */
    public static ContractStatus replay(List<ContractStep> history) {
        ContractStatus current = null;
        int expected = 1;
        for (ContractStep step : history) {
            if (step.sequence() != expected) {
                throw new IllegalStateException("history line " + step.sequence() + " where " + expected
                        + " was expected");
            }
            if (!step.contract().equals(history.get(0).contract())) {
                throw new IllegalStateException("history line " + step.sequence() + " is of contract " + step.contract());
            }
            if (current != step.from()) {
                throw new IllegalStateException("history line " + step.sequence() + " starts at " + step.from()
                        + " but the previous line ended at " + current);
            }
            current = step.to();
            expected++;
        }
        if (current == null) throw new IllegalStateException("a contract's history has at least one line");
        return current;
    }
}
