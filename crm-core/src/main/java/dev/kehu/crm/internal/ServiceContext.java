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
import dev.kehu.crm.notification.Notifications;
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
                             String phoneRegion, Notifications notifications) {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServiceContext.class);

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

    /**
     * Runs {@code work} in a transaction; a rule's refusal comes out with its message in the actor's language
     * (the domain refuses in a neutral one).
     */
    public <T> T inTransaction(Actor actor, Supplier<T> work) {
        try {
            return transactions.inTransaction(work);
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
        auditLog.append(new AuditEntry(nextId(), actor.tenant(), actor.user(), now(), recordType, recordId, action,
                FieldDiff.between(before, after)));
    }

    /** Refuses the input with one violation at {@code path}: an {@code InvalidInputException}. */
    public void rejectInput(java.util.Locale locale, String path, String messageKey, Object rejectedValue,
                            Object... arguments) {
        new InputValidator.Problems(locale).add(path, messageKey, rejectedValue, arguments).throwIfAny();
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

    /**
     * Runs {@code work} in a transaction and sends the notifications it returns once it has committed, so a
     * rolled-back change notifies nobody.
     */
    public <T> T inTransactionThenNotify(Actor actor, Supplier<Notified<T>> work) {
        Notified<T> done = inTransaction(actor, work);
        for (Notification notification : done.notifications()) {
            try {
                notifications.send(notification);
            } catch (RuntimeException e) {
                // The change has committed: failing the call now would invite a retry of what is done.
                LOG.warn("could not deliver {} to {} about {} {}", notification.topic(), notification.recipient(),
                        notification.recordType(), notification.recordId(), e);
            }
        }
        return done.result();
    }

    /** What a use case returns together with the notifications to send after it commits. */
    public record Notified<T>(T result, List<Notification> notifications) {
        public Notified {
            notifications = List.copyOf(notifications);
        }
    }
}
