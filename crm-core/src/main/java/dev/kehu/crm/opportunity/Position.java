package dev.kehu.crm.opportunity;

import static java.util.Objects.requireNonNull;

/** Where an opportunity stands: its stage, probability and status. */
public record Position(String stage, Probability probability, OpportunityStatus status) {
    public Position {
        requireNonNull(stage, "stage");
        requireNonNull(probability, "probability");
        requireNonNull(status, "status");
    }
}
