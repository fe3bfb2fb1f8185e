package dev.kehu.crm.internal;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.audit.FieldDiff;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.common.CodeList;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;
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
                             String phoneRegion, Dispatch dispatch) {

    /** Now, to the microsecond: what every store keeps, so a record reads back equal to what was saved. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public String nextId() {
        return ids.next();
    }

    /** Runs {@code work} in a transaction; once the outermost one commits, what it wrote to the outbox goes out. */
    public <T> T inTransaction(Supplier<T> work) {
        return dispatch.inTransaction(work);
    }

    /**
     * Runs {@code work} in a transaction; a rule's refusal comes out with its message in the actor's language
     * (the domain refuses in a neutral one).
     */
    public <T> T inTransaction(Actor actor, Supplier<T> work) {
        try {
            return dispatch.inTransaction(work);
        } catch (BusinessRuleException refused) {
            throw refused.in(actor.locale());
        }
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
        AuditEntry entry = auditEntry(actor, recordType, recordId, action, before, after);
        auditLog.append(entry);
        dispatch.write(event(entry));
    }

    /**
     * The audit entry {@link #audit} writes, not yet written: for a use case that writes many at once
     * ({@link #auditAll}).
     */
    public AuditEntry auditEntry(Actor actor, String recordType, String recordId, String action, Auditable before,
                                 Auditable after) {
        return new AuditEntry(nextId(), actor.tenant(), actor.user(), now(), recordType, recordId, action,
                FieldDiff.between(before, after));
    }

    /** Writes audit entries and their domain events, as {@link #audit} does one by one, in batches. */
    public void auditAll(List<AuditEntry> entries) {
        auditLog.appendAll(entries);
        dispatch.writeAll(entries.stream().map(this::event).toList());
    }

    /** Every audited change is also a domain event for the host's systems, written in the same transaction. */
    private OutboxMessage event(AuditEntry entry) {
        Map<String, String> data = new LinkedHashMap<>();
        entry.changes().forEach(change -> data.put(change.field(), change.to()));
        return OutboxMessage.pending(nextId(), entry.tenant(), OutboxKind.EVENT, "event:" + entry.id(),
                entry.action(), entry.recordType(), entry.recordId(), null, entry.actor(), entry.at(), data);
    }

    /** Refuses the input with one violation at {@code path}: an {@code InvalidInputException}. */
    public void rejectInput(java.util.Locale locale, String path, String messageKey, Object rejectedValue,
                            Object... arguments) {
        new InputValidator.Problems(locale).add(path, messageKey, rejectedValue, arguments).throwIfAny();
    }

    /**
     * Refuses {@code value}, a parameter of a use case, with an {@code InvalidInputException} at {@code path} unless
     * it keeps the rules of {@code kind}.
     */
    public void checkInput(Actor actor, String path, Input kind, Object value) {
        validator.check(actor.locale(), path, kind, value).throwIfAny();
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

    /**
     * A code of the reference list {@code listName}, or {@code null} for blank text; a code not on the list is
     * added to {@code problems}.
     */
    public String referenceCode(InputValidator.Problems problems, String path, String code, String listName) {
        String value = Text.blankToNull(code);
        if (value == null || problems.has(path)) return null;
        CodeList list = referenceData.list(listName);
        if (!list.contains(value)) {
            problems.add(path, "code.unknown", value, value, listName,
                    list.entries().stream().map(c -> c.code()).collect(Collectors.joining(", ")));
        }
        return value;
    }

    /** Writes a notification to the outbox in the current transaction; it goes out once that has committed. */
    public void notify(Notification n) {
        String id = nextId();
        write(id, n, "notification:" + n.topic() + ":" + n.recordId() + ":" + nextId());
    }

    /** As {@link #notify(Notification)}, under an idempotency key of the caller's: a taken key writes nothing. */
    public void notify(Notification n, String idempotencyKey) {
        write(nextId(), n, idempotencyKey);
    }

    /**
     * Writes notifications, each under the caller's key, in batches in the current transaction. The keys must be
     * new (derived from keys the caller has just stored as unique): a taken one is refused as
     * {@link dev.kehu.crm.outbox.Outbox#appendAll} says, and the transaction must end.
     */
    public void notifyAll(java.util.Map<String, Notification> byKey) {
        dispatch.writeAll(byKey.entrySet().stream().map(e -> message(nextId(), e.getValue(), e.getKey())).toList());
    }

    private void write(String id, Notification n, String idempotencyKey) {
        dispatch.write(message(id, n, idempotencyKey));
    }

    private static OutboxMessage message(String id, Notification n, String idempotencyKey) {
        return OutboxMessage.pending(id, n.tenant(), OutboxKind.NOTIFICATION, idempotencyKey, n.topic(),
                n.recordType(), n.recordId(), n.recipient(), n.actor(), n.at(), n.details());
    }
}
