package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.care.Reminder;
import dev.kehu.crm.care.Reminders;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.store.internal.Tables.Key;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reminders kept per tenant and key; a taken key is an answer, not a failure. */
public final class MemoryReminders implements Reminders {
    /** A recipient's reminders: by due date, then key in code point order. */
    private static final Comparator<Reminder> BY_DUE = Comparator.comparing(Reminder::due)
            .thenComparing(Reminder::key, Ordering.TEXT);

    private final MemoryTransactions transactions;

    public MemoryReminders(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean add(Reminder reminder) {
        requireNonNull(reminder, "reminder");
        Key key = new Key(reminder.tenant(), reminder.key());
        return transactions.write(tables -> tables.reminders.putIfAbsent(key, reminder) == null);
    }

    @Override
    public Optional<Reminder> find(TenantId tenant, String key) {
        requireNonNull(key, "key");
        return transactions.read(tables -> Optional.ofNullable(tables.reminders.get(new Key(tenant, key))));
    }

    @Override
    public List<Reminder> ofRecipient(TenantId tenant, UserId recipient, Reminder after, int limit) {
        requireNonNull(recipient, "recipient");
        VersionedTable.checkLimit(limit);
        return transactions.read(tables -> Tables.ofTenant(tables.reminders, tenant)
                .filter(r -> r.recipient().equals(recipient))
                .filter(r -> after == null || BY_DUE.compare(r, after) > 0)
                .sorted(BY_DUE)
                .limit(limit)
                .toList());
    }
}
