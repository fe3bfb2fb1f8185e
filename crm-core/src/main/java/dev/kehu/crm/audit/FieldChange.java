package dev.kehu.crm.audit;

import static java.util.Objects.requireNonNull;

/** One field's change: its name and the values before and after, as text ({@code null} for none). */
public record FieldChange(String field, String from, String to) {
    public FieldChange {
        requireNonNull(field, "field");
    }
}
