package dev.kehu.crm.internal;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.audit.FieldDiff;
import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.security.AccessDeniedException;
import dev.kehu.crm.security.AccessPolicy;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.common.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/** What every use case needs besides its repositories; one per {@code Kehu} instance. */
public record ServiceContext(Transactions transactions, AuditLog auditLog, Clock clock, IdGenerator ids,
                             AccessPolicy accessPolicy, InputValidator validator, ReferenceData referenceData,
                             String phoneRegion) {

    /** Now, to the microsecond: what every store keeps, so a record reads back equal to what was saved. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public String nextId() {
        return ids.next();
    }

    public <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }

    public void useTransaction(Runnable work) {
        transactions.useTransaction(work);
    }

    /** Throws {@link AccessDeniedException} unless the access policy permits the action. */
    public void authorize(Actor actor, String action, String recordType, UserId owner) {
        if (!accessPolicy.permits(actor, action, recordType, owner)) {
            throw new AccessDeniedException(action, Messages.get(actor.locale(), "access.denied", action));
        }
    }

    /** Writes an audit entry of the fields that differ between {@code before} (null when new) and {@code after}. */
    public void audit(Actor actor, String recordType, String recordId, String action, Auditable before,
                      Auditable after) {
        auditLog.append(new AuditEntry(nextId(), actor.tenant(), actor.user(), now(), recordType, recordId, action,
                FieldDiff.between(before, after)));
    }

    /** Parses a phone field; an unreadable number is added to {@code problems}. {@code null} for blank text. */
    public PhoneNumber phone(InputValidator.Problems problems, String path, String text) {
        if (Text.blankToNull(text) == null) return null;
        Optional<PhoneNumber> phone = phone(text);
        if (phone.isEmpty()) problems.add(path, "phone.invalid", text);
        return phone.orElse(null);
    }

    /** Parses a phone number in the configured default region; empty for blank or unreadable text. */
    public Optional<PhoneNumber> phone(String text) {
        return PhoneNumber.parse(text, phoneRegion);
    }
}
