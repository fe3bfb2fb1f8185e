package dev.kehu.crm.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.Messages;
import dev.kehu.crm.common.RecordNotFoundException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.security.Actor;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * The steps every use case on one kind of record repeats: find it in the actor's tenant, ask the access policy
 * with its owner, refuse a stale version, and change, save and audit it in one transaction.
 *
 * @param <I> the record's id type
 * @param <T> the record
 */
public final class RecordKeeper<I, T extends Auditable> {
    private final ServiceContext context;
    private final String recordType;
    private final BiFunction<TenantId, I, Optional<T>> find;
    private final UnaryOperator<T> save;
    private final Function<T, UserId> owner;
    private final ToLongFunction<T> version;

    /**
     * @param recordType also the prefix of its actions ({@code <type>.read}) and of its not-found message
     *                   ({@code <type>.not-found})
     * @param owner      the record's owner for the access policy; {@code null} for records without one
     */
    public RecordKeeper(ServiceContext context, String recordType, BiFunction<TenantId, I, Optional<T>> find,
                        UnaryOperator<T> save, Function<T, UserId> owner, ToLongFunction<T> version) {
        this.context = context;
        this.recordType = recordType;
        this.find = find;
        this.save = save;
        this.owner = owner;
        this.version = version;
    }

    /** The record; the access policy is asked with its owner, so a refused read is an exception, not empty. */
    public Optional<T> find(Actor actor, I id) {
        requireNonNull(id, "id");
        Optional<T> found = find.apply(actor.tenant(), id);
        context.authorize(actor, recordType + ".read", recordType, found.map(owner).orElse(null));
        return found;
    }

    /** The record, or {@link RecordNotFoundException}. */
    public T get(Actor actor, I id) {
        return find(actor, id).orElseThrow(() -> notFound(actor, id));
    }

    /** The record at {@code expectedVersion}, once the actor may do {@code action} to it. */
    public T load(Actor actor, I id, long expectedVersion, String action) {
        T current = load(actor, id, action);
        if (version.applyAsLong(current) != expectedVersion) {
            throw new StaleRecordException(recordType, id.toString(), expectedVersion);
        }
        return current;
    }

    /** The record, once the actor may do {@code action} to it. */
    public T load(Actor actor, I id, String action) {
        requireNonNull(id, "id");
        T current = find.apply(actor.tenant(), id).orElseThrow(() -> notFound(actor, id));
        context.authorize(actor, action, recordType, owner.apply(current));
        return current;
    }

    /** Loads the record at {@code expectedVersion}, changes, saves and audits it in one transaction. */
    public T change(Actor actor, I id, long expectedVersion, String action, UnaryOperator<T> change) {
        return context.inTransaction(actor, () -> saveChange(actor, id, action, load(actor, id, expectedVersion, action),
                change));
    }

    /** Like {@link #change(Actor, Object, long, String, UnaryOperator)}, whatever the version. */
    public T change(Actor actor, I id, String action, UnaryOperator<T> change) {
        return context.inTransaction(actor, () -> saveChange(actor, id, action, load(actor, id, action), change));
    }

    /** Saves a new record and audits its creation. */
    public T create(Actor actor, I id, String action, T record) {
        T saved = save.apply(record);
        context.audit(actor, recordType, id.toString(), action, null, saved);
        return saved;
    }

    private T saveChange(Actor actor, I id, String action, T current, UnaryOperator<T> change) {
        T saved = save.apply(change.apply(current));
        context.audit(actor, recordType, id.toString(), action, current, saved);
        return saved;
    }

    public RecordNotFoundException notFound(Actor actor, I id) {
        return new RecordNotFoundException(recordType, id.toString(),
                Messages.get(actor.locale(), recordType + ".not-found", id.toString()));
    }
}
