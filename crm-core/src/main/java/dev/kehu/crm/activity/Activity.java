package dev.kehu.crm.activity;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.internal.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.common.Decision;
import dev.kehu.crm.opportunity.OpportunityId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An activity (A1): a call, e-mail, meeting, visit or task about a customer, a contact and/or an
 * opportunity — at least one of them — due at a time, with an optional reminder no later than that time.
 * Immutable: each change returns a new activity, or is refused with a {@link
 * dev.kehu.crm.common.BusinessRuleException} whose code names the rule ({@code activity.done}, …).
 *
 * <p>An open activity is {@linkplain #complete completed} with its outcome or {@linkplain #cancel
 * cancelled}; after that it accepts no change.
 *
 * @param reminder    when to remind the owner, not after {@code due}, or {@code null}
 * @param notes       what is to be prepared or said (for a visit: its purpose), or {@code null}
 * @param outcome     what came of it, given when it was completed
 * @param completedAt when it was completed, only for a done activity
 * @param cancelledAt when it was cancelled, only for a cancelled activity
 */
public record Activity(ActivityId id, TenantId tenant, ActivityKind kind, String subject, CustomerId customer,
                       ContactId contact, OpportunityId opportunity, UserId owner, Instant due, Instant reminder,
                       String notes, ActivityStatus status, String outcome, Instant completedAt, Instant cancelledAt,
                       Instant createdAt, Instant updatedAt, long version) implements Auditable {

    public static final String RECORD_TYPE = "activity";

    public Activity {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(kind, "kind");
        if (Text.isBlank(subject)) throw new IllegalArgumentException("an activity needs a subject");
        if (customer == null && contact == null && opportunity == null) {
            throw new IllegalArgumentException("an activity is about a customer, a contact or an opportunity");
        }
        requireNonNull(owner, "owner");
        due = micros(requireNonNull(due, "due"));
        reminder = reminder == null ? null : micros(reminder);
        if (reminder != null && reminder.isAfter(due)) {
            throw new IllegalArgumentException("the reminder cannot come after the due time");
        }
        requireNonNull(status, "status");
        if ((status == ActivityStatus.DONE) != (completedAt != null)) {
            throw new IllegalArgumentException("a done activity, and only it, has a completion time");
        }
        if (status == ActivityStatus.DONE && Text.isBlank(outcome)) {
            throw new IllegalArgumentException("a done activity has an outcome");
        }
        if ((status == ActivityStatus.CANCELLED) != (cancelledAt != null)) {
            throw new IllegalArgumentException("a cancelled activity, and only it, has a cancellation time");
        }
        completedAt = completedAt == null ? null : micros(completedAt);
        cancelledAt = cancelledAt == null ? null : micros(cancelledAt);
        createdAt = micros(requireNonNull(createdAt, "createdAt"));
        updatedAt = micros(requireNonNull(updatedAt, "updatedAt"));
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A new open activity. Refused without a subject ({@code activity.subject.blank}), without any link
     * ({@code activity.link.none}), without a due time ({@code activity.due.missing}) or with a reminder
     * after the due time ({@code activity.reminder.after-due}).
     */
    public static Activity schedule(ActivityId id, TenantId tenant, ActivityKind kind, String subject,
                                    CustomerId customer, ContactId contact, OpportunityId opportunity, UserId owner,
                                    Instant due, Instant reminder, String notes, Instant at) {
        if (Text.isBlank(subject)) Decision.refuse("activity.subject.blank").orThrow(Locale.ROOT);
        if (customer == null && contact == null && opportunity == null) {
            Decision.refuse("activity.link.none").orThrow(Locale.ROOT);
        }
        checkTimes(due, reminder);
        return new Activity(id, tenant, kind, subject, customer, contact, opportunity, owner, due, reminder, notes,
                ActivityStatus.OPEN, null, null, null, at, at, 0);
    }

    private static void checkTimes(Instant due, Instant reminder) {
        if (due == null) Decision.refuse("activity.due.missing").orThrow(Locale.ROOT);
        if (reminder != null && reminder.isAfter(due)) {
            Decision.refuse("activity.reminder.after-due", reminder, due).orThrow(Locale.ROOT);
        }
    }

    public boolean isOpen() {
        return status == ActivityStatus.OPEN;
    }

    /** Done with {@code outcome} (what came of it) at {@code at}. */
    public Activity complete(String outcome, Instant at) {
        mustBeOpen();
        if (Text.isBlank(outcome)) Decision.refuse("activity.outcome.blank").orThrow(Locale.ROOT);
        return toBuilder().status(ActivityStatus.DONE).outcome(outcome).completedAt(at).updatedAt(at).build();
    }

    /** Cancelled at {@code at}: it will not take place. */
    public Activity cancel(Instant at) {
        mustBeOpen();
        return toBuilder().status(ActivityStatus.CANCELLED).cancelledAt(at).updatedAt(at).build();
    }

    /** Moved to {@code newDue}, with {@code newReminder} (or none) no later than it. */
    public Activity reschedule(Instant newDue, Instant newReminder, Instant at) {
        mustBeOpen();
        checkTimes(newDue, newReminder);
        return toBuilder().due(newDue).reminder(newReminder).updatedAt(at).build();
    }

    private void mustBeOpen() {
        if (status == ActivityStatus.DONE) Decision.refuse("activity.done", id.value()).orThrow(Locale.ROOT);
        if (status == ActivityStatus.CANCELLED) Decision.refuse("activity.cancelled", id.value()).orThrow(Locale.ROOT);
    }

    /** Still open and due before {@code now}. */
    public boolean isOverdue(Instant now) {
        return isOpen() && due.isBefore(now);
    }

    /** Whether it is due on {@code day} as a calendar day in {@code zone}, whatever its status. */
    public boolean isDueOn(LocalDate day, ZoneId zone) {
        return due.atZone(zone).toLocalDate().equals(day);
    }

    /** Still open and with a reminder on {@code day} in {@code zone}. */
    public boolean remindsOn(LocalDate day, ZoneId zone) {
        return isOpen() && reminder != null && reminder.atZone(zone).toLocalDate().equals(day);
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", kind.name());
        fields.put("subject", subject);
        fields.put("customer", Text.of(customer));
        fields.put("contact", Text.of(contact));
        fields.put("opportunity", Text.of(opportunity));
        fields.put("owner", owner.value());
        fields.put("due", due.toString());
        fields.put("reminder", Text.of(reminder));
        fields.put("notes", notes);
        fields.put("status", status.name());
        fields.put("outcome", outcome);
        return fields;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an activity; {@link #build()} checks every invariant. Stores use it to read activities back. */
    public static final class Builder {
        private ActivityId id;
        private TenantId tenant;
        private ActivityKind kind;
        private String subject;
        private CustomerId customer;
        private ContactId contact;
        private OpportunityId opportunity;
        private UserId owner;
        private Instant due;
        private Instant reminder;
        private String notes;
        private ActivityStatus status = ActivityStatus.OPEN;
        private String outcome;
        private Instant completedAt;
        private Instant cancelledAt;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(Activity a) {
            id = a.id; tenant = a.tenant; kind = a.kind; subject = a.subject; customer = a.customer;
            contact = a.contact; opportunity = a.opportunity; owner = a.owner; due = a.due; reminder = a.reminder;
            notes = a.notes; status = a.status; outcome = a.outcome; completedAt = a.completedAt;
            cancelledAt = a.cancelledAt; createdAt = a.createdAt; updatedAt = a.updatedAt; version = a.version;
        }

        public Builder id(ActivityId value) { id = value; return this; }
        public Builder tenant(TenantId value) { tenant = value; return this; }
        public Builder kind(ActivityKind value) { kind = value; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder customer(CustomerId value) { customer = value; return this; }
        public Builder contact(ContactId value) { contact = value; return this; }
        public Builder opportunity(OpportunityId value) { opportunity = value; return this; }
        public Builder owner(UserId value) { owner = value; return this; }
        public Builder due(Instant value) { due = value; return this; }
        public Builder reminder(Instant value) { reminder = value; return this; }
        public Builder notes(String value) { notes = value; return this; }
        public Builder status(ActivityStatus value) { status = value; return this; }
        public Builder outcome(String value) { outcome = value; return this; }
        public Builder completedAt(Instant value) { completedAt = value; return this; }
        public Builder cancelledAt(Instant value) { cancelledAt = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }

        public Activity build() {
            return new Activity(id, tenant, kind, subject, customer, contact, opportunity, owner, due, reminder,
                    notes, status, outcome, completedAt, cancelledAt, createdAt, updatedAt, version);
        }
    }
}
