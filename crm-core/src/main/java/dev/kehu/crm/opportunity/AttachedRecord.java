package dev.kehu.crm.opportunity;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.kehu.crm.common.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A record attached to an opportunity (O5): a customer requirement, a proposed solution, or a competitor
 * with its strengths and weaknesses. Immutable once written; a wrong one is removed and written anew.
 * (Schedules and tasks are {@code Activity} records linked to the opportunity, and its quote history is
 * the quotes naming it.)
 *
 * @param title      the requirement, the solution's name, or the competitor's name
 * @param details    free text, or {@code null}
 * @param strengths  a competitor's strengths, or {@code null}; only competitors have them
 * @param weaknesses a competitor's weaknesses, or {@code null}; only competitors have them
 */
public record AttachedRecord(AttachedRecordId id, TenantId tenant, OpportunityId opportunity, AttachedRecordKind kind,
                             String title, String details, String strengths, String weaknesses, UserId author,
                             Instant createdAt) implements Auditable {
    public static final String RECORD_TYPE = "opportunity-record";

    public AttachedRecord {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(opportunity, "opportunity");
        requireNonNull(kind, "kind");
        if (title == null || title.isBlank()) throw new IllegalArgumentException("an attached record needs a title");
        if (kind != AttachedRecordKind.COMPETITOR && (strengths != null || weaknesses != null)) {
            throw new IllegalArgumentException("only a competitor has strengths and weaknesses");
        }
        requireNonNull(author, "author");
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("opportunity", opportunity.value());
        fields.put("kind", kind.name());
        fields.put("title", title);
        fields.put("details", details);
        fields.put("strengths", strengths);
        fields.put("weaknesses", weaknesses);
        return fields;
    }
}
