package dev.kehu.crm.lead;

import dev.kehu.crm.internal.Text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.Decision;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A lead (线索, O1): someone who may become a customer, captured with its source, nurtured, then qualified
 * or discarded with a reason, and converted once into a customer, a contact and an opportunity. Immutable;
 * each change returns a new value or is refused with a {@code BusinessRuleException} naming the rule.
 *
 * @param source         a code of the configurable source list
 * @param discardReason  why it was discarded; only a discarded lead has one
 * @param conversion     what it became; only a converted lead has one
 */
public record Lead(LeadId id, TenantId tenant, String source, String company, String person, PhoneNumber phone,
                   String email, String notes, UserId owner, LeadStatus status, String discardReason,
                   Conversion conversion, Instant createdAt, Instant updatedAt, long version) implements Auditable {

    public static final String RECORD_TYPE = "lead";

    public Lead {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        if (Text.isBlank(company) && Text.isBlank(person)) {
            throw new IllegalArgumentException("a lead names a company or a person");
        }
        requireNonNull(status, "status");
        if ((status == LeadStatus.DISCARDED) != !Text.isBlank(discardReason)) {
            throw new IllegalArgumentException("a discarded lead, and only it, has a reason");
        }
        if ((status == LeadStatus.CONVERTED) != (conversion != null)) {
            throw new IllegalArgumentException("a converted lead, and only it, names what it became");
        }
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        updatedAt = requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    /** A lead as captured: new, owned by whoever took it until a supervisor assigns it. */
    public static Lead capture(LeadId id, TenantId tenant, String source, String company, String person,
                               PhoneNumber phone, String email, String notes, UserId capturedBy, Instant at) {
        return new Lead(id, tenant, source, company, person, phone, email, notes, capturedBy, LeadStatus.NEW, null,
                null, at, at, 0);
    }

    /** Being nurtured (培育): not ready to qualify yet, with a note of what was done. */
    public Lead nurture(String note, Instant at) {
        requireOpen("nurture");
        String combined = Text.isBlank(note) ? notes : notes == null ? note : notes + "\n" + note;
        return with(LeadStatus.NURTURING, combined, null, null, at);
    }

    public Lead qualify(Instant at) {
        requireOpen("qualify");
        return with(LeadStatus.QUALIFIED, notes, null, null, at);
    }

    public Lead discard(String reason, Instant at) {
        requireOpen("discard");
        if (Text.isBlank(reason)) refuse("lead.discard.reason");
        return with(LeadStatus.DISCARDED, notes, reason, null, at);
    }

    /** Hands the lead to another person; a lead that is converted or discarded is finished and stays as it is. */
    public Lead assign(UserId newOwner, Instant at) {
        requireNonNull(newOwner, "newOwner");
        if (status == LeadStatus.CONVERTED || status == LeadStatus.DISCARDED) refuse("lead.finished", id.value());
        return new Lead(id, tenant, source, company, person, phone, email, notes, newOwner, status, discardReason,
                conversion, createdAt, at, version);
    }

    /** Records what a qualified lead became; converting twice, or an unqualified lead, is refused. */
    public Lead convert(Conversion into, Instant at) {
        requireNonNull(into, "into");
        convertible().orThrow(Locale.ROOT);
        return with(LeadStatus.CONVERTED, notes, null, into, at);
    }

    /** Whether it may be converted now: refused when converted already or not qualified. */
    public Decision convertible() {
        if (status == LeadStatus.CONVERTED) return Decision.refuse("lead.converted", id.value());
        if (status != LeadStatus.QUALIFIED) return Decision.refuse("lead.not-qualified", id.value());
        return Decision.allow();
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("source", source);
        fields.put("company", company);
        fields.put("person", person);
        fields.put("phone", phone == null ? null : phone.e164());
        fields.put("email", email);
        fields.put("notes", notes);
        fields.put("owner", owner == null ? null : owner.value());
        fields.put("status", status.name());
        fields.put("discardReason", discardReason);
        fields.put("customer", conversion == null ? null : conversion.customer().value());
        fields.put("contact", conversion == null || conversion.contact() == null ? null : conversion.contact().value());
        fields.put("opportunity", conversion == null ? null : conversion.opportunity().value());
        return fields;
    }

    private void requireOpen(String action) {
        if (status == LeadStatus.CONVERTED) refuse("lead.converted", id.value());
        if (status == LeadStatus.DISCARDED) refuse("lead.finished", id.value());
        if (status == LeadStatus.QUALIFIED && !action.equals("discard")) refuse("lead.qualified", id.value());
    }

    private Lead with(LeadStatus newStatus, String newNotes, String reason, Conversion into, Instant at) {
        return new Lead(id, tenant, source, company, person, phone, email, newNotes, owner, newStatus, reason, into,
                createdAt, at, version);
    }

    private static void refuse(String code, Object... arguments) {
        Decision.refuse(code, arguments).orThrow(Locale.ROOT);
    }

}
