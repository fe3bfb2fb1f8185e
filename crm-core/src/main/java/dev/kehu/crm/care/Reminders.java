package dev.kehu.crm.care;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Port: the care reminders that were made. Every method takes part in the calling thread's transaction of the
 * same store.
 */
public interface Reminders {
    /**
     * Stores a new reminder, unless its tenant already has one with the same key (compared exactly).
     *
     * @return {@code true} when stored; {@code false} when the key was taken: nothing is written and the
     *         transaction can go on and commit its other writes (a store must not fail it). Concurrent adds of one
     *         key: one {@code true}, the others {@code false}.
     */
    boolean add(Reminder reminder);

    /**
     * Stores each new reminder of the list, as {@link #add} does, in one go where the store can: a page of the care
     * run is written with it. A key taken in the store, or earlier in the list, is skipped.
     *
     * @return the reminders stored, in the list's order; concurrent adds of one key store it once, in one of them
     */
    default List<Reminder> addAll(List<Reminder> reminders) {
        return reminders.stream().filter(this::add).toList();
    }

    Optional<Reminder> find(TenantId tenant, String key);

    /**
     * The reminders of {@code recipient}, by due date then key, after the reminder {@code after} in that order
     * (none: from the first), at most {@code limit} (1–1000).
     */
    List<Reminder> ofRecipient(TenantId tenant, UserId recipient, Reminder after, int limit);
}
