package dev.kehu.crm.migration;

import java.util.List;

/** What an import did with each row, in the order of the input. */
public record ImportReport(List<RowOutcome> rows) {
    public ImportReport {
        rows = List.copyOf(rows);
    }

    /** The rows written. */
    public List<RowOutcome> created() {
        return with(RowOutcome.Status.CREATED);
    }

    /** The rows skipped because their customer number is taken. */
    public List<RowOutcome> duplicates() {
        return with(RowOutcome.Status.DUPLICATE);
    }

    /** The rows refused, with their violations. */
    public List<RowOutcome> rejected() {
        return with(RowOutcome.Status.REJECTED);
    }

    private List<RowOutcome> with(RowOutcome.Status status) {
        return rows.stream().filter(r -> r.status() == status).toList();
    }
}
