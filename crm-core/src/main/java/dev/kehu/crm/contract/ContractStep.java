package dev.kehu.crm.contract;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line of a contract's approval and execution history (Q2): who moved it, when, from which status to
 * which, and why. The history is append-only and numbered from 1 without gaps; its first line creates the
 * contract as a draft.
 *
 * @param from the status before; {@code null} exactly for the first line
 * @param note why (the rejection or termination reason, an approval remark), or {@code null}
 */
public record ContractStep(ContractId contract, int sequence, Instant at, UserId actor, ContractStatus from,
                           ContractStatus to, String note) {
    public ContractStep {
        requireNonNull(contract, "contract");
        if (sequence < 1) throw new IllegalArgumentException("history lines are numbered from 1");
        at = requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        requireNonNull(actor, "actor");
        requireNonNull(to, "to");
        if ((sequence == 1) != (from == null)) {
            throw new IllegalArgumentException("only the first line of a history has no previous status");
        }
        if (from == null && to != ContractStatus.DRAFT) {
            throw new IllegalArgumentException("a contract starts as a draft");
        }
        if (from != null && !from.canBecome(to)) {
            throw new IllegalArgumentException("a contract does not move from " + from + " to " + to);
        }
    }
}
