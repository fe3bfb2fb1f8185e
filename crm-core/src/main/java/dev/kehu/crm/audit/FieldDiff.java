package dev.kehu.crm.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Compares two versions of a record field by field. */
public final class FieldDiff {
    private FieldDiff() {
    }

    /** Every field whose value differs; {@code before} may be {@code null} for a new record. */
    public static List<FieldChange> between(Auditable before, Auditable after) {
        Map<String, String> old = before == null ? Map.of() : before.auditFields();
        Map<String, String> now = after.auditFields();
        Set<String> fields = new LinkedHashSet<>(now.keySet());
        fields.addAll(old.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String from = old.get(field);
            String to = now.get(field);
            if (!Objects.equals(from, to)) {
                changes.add(new FieldChange(field, from, to));
            }
        }
        return changes;
    }
}
