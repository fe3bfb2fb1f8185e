package dev.kehu.crm.examples.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The changed fields the baselines write into their audit entries and events, the same for both: the values a
 * record was created with, or those a stage move changed. Fields without a value are left out, as Kehu leaves
 * them out of an audit entry.
 */
public final class AuditFields {
    private AuditFields() {
    }

    public static Map<String, String> customer(CleanRow row, String owner) {
        return of("name", row.name(), "number", row.number(), "type", row.individual() ? "INDIVIDUAL" : "COMPANY",
                "phone", row.phone(), "email", row.email(), "city", row.city(), "owner", owner);
    }

    public static Map<String, String> contact(String customerId, CleanRow.CleanContact contact) {
        return of("customer", customerId, "name", contact.name(), "mobile", contact.mobile(), "email", contact.email(),
                "position", contact.position(), "primary", String.valueOf(contact.primary()));
    }

    public static Map<String, String> move(String stage, int probability, Instant at, int historyLength) {
        return of("stage", stage, "probability", String.valueOf(probability), "stageEnteredAt", at.toString(),
                "historyLength", String.valueOf(historyLength), "updatedAt", at.toString());
    }

    private static Map<String, String> of(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) if (pairs[i + 1] != null) fields.put(pairs[i], pairs[i + 1]);
        return fields;
    }
}
