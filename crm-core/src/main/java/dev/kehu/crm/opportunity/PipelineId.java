package dev.kehu.crm.opportunity;

import dev.kehu.crm.common.Identifiers;

/** A sales pipeline; a company may run several, e.g. one per product line. */
public record PipelineId(String value) {
    public PipelineId {
        Identifiers.check(value, "pipeline id");
    }

    @Override
    public String toString() { return value; }
}
