package dev.kehu.crm.quote;

import dev.kehu.crm.common.LabelledEnum;

/**
 * Where a quote stands (Q1). A draft is sent to the customer, who accepts or rejects it; a sent or rejected
 * quote can be revised, and the new revision supersedes it. Accepted and superseded quotes are final.
 */
public enum QuoteStatus implements LabelledEnum {
    DRAFT, SENT, ACCEPTED, REJECTED, SUPERSEDED;

    /** Whether a quote in this status may move to {@code target}; the one table of legal transitions. */
    boolean canBecome(QuoteStatus target) {
        return switch (target) {
            case DRAFT -> false;
            case SENT -> this == DRAFT;
            case ACCEPTED, REJECTED -> this == SENT;
            case SUPERSEDED -> this == SENT || this == REJECTED;
        };
    }
}
