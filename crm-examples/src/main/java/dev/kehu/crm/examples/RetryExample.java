package dev.kehu.crm.examples;

import dev.kehu.crm.Kehu;
import dev.kehu.crm.common.Backoff;
import dev.kehu.crm.common.Retry;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.security.Actor;
import java.time.Duration;
import java.util.List;

/**
 * The retry example of the README, verbatim between the tags: a deal that colleagues work at the same moment is
 * moved on, reading it again on each attempt. The soak test runs it; a test compares it with the README.
 */
public final class RetryExample {
    /** The stages the example walks round: the first five of the standard pipeline, then back to the first. */
    private static final List<String> ROUND = List.of("INITIAL_CONTACT", "EVALUATION", "NEEDS_ANALYSIS", "SOLUTION",
            "TENDER");

    private RetryExample() {
    }

    /** Moves the opportunity to its next stage, as it stands when the move is made; the note goes with the move. */
    public static Opportunity moveOn(Kehu kehu, Actor actor, OpportunityId id, String note) {
        // tag::retry[]
        Retry retry = kehu.retryOnConflict(10, Backoff.exponential(Duration.ofMillis(10), Duration.ofSeconds(1)));
        Opportunity moved = retry.call(() -> {
            Opportunity current = kehu.opportunities().get(actor, id);  // read again on every attempt
            return kehu.opportunities().moveTo(actor, id, current.version(), nextStage(current), null, note);
        });
        // end::retry[]
        return moved;
    }

    /** The stage after the current one in the round; a move back to the first needs the note it is given. */
    static String nextStage(Opportunity current) {
        return ROUND.get((ROUND.indexOf(current.stage()) + 1) % ROUND.size());
    }
}
