package dev.kehu.crm.outbox;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the transactional outbox. Messages are appended in the transaction of the change that caused them, so
 * they exist exactly when the change committed; the relay delivers them afterwards. Every method takes part in
 * the calling thread's transaction of the same store.
 */
public interface Outbox {
    /**
     * Writes a new message of version 0, unless the tenant already has one with the same key. (An id already
     * taken by a message with another key is a {@code DuplicateRecordException}: ids come from the generator.)
     *
     * @return {@code true} when written, {@code false} when the key was taken (nothing is written, and the
     *         transaction can go on: a store must not fail it)
     */
    boolean append(OutboxMessage message);

    /**
     * Writes new messages of version 0 whose keys are fresh (those of new audit entries), as that many appends
     * would, for a use case that writes many at once (an import); a store writes them in batches. Unlike
     * {@link #append}, a key already taken (by a stored message or another of the list) is a refusal, like a taken id.
     *
     * @throws dev.kehu.crm.common.DuplicateRecordException when a key or an id is taken; some of the messages may
     *         have been written, so the exception must end the transaction (it is rolled back, as after any refusal)
     */
    default void appendAll(List<OutboxMessage> messages) {
        for (OutboxMessage message : messages) {
            if (!append(message)) {
                throw new DuplicateRecordException(OutboxMessage.RECORD_TYPE,
                        "the idempotency key " + message.key() + " is taken");
            }
        }
    }

    Optional<OutboxMessage> find(TenantId tenant, String id);

    /**
     * Updates a message whose stored version equals {@code message.version()}.
     *
     * @return the message as stored, with its new version
     * @throws dev.kehu.crm.common.StaleRecordException when the stored version differs (another relay claimed
     *         it); nothing is written
     */
    OutboxMessage save(OutboxMessage message);

    /**
     * Updates many messages in the caller's transaction as that many {@link #save}s would, all or none, for a relay
     * recording the outcomes of what it sent; a store writes them in one batch. The default saves them one by one.
     *
     * @return the messages as stored, with their new versions, in the order given
     * @throws dev.kehu.crm.common.StaleRecordException naming a message whose stored version differs from its
     *         {@code version()} (or that was never appended); others may have been written, so the exception must end
     *         the transaction, which then rolls back them all (as after any refusal)
     */
    default List<OutboxMessage> saveAll(List<OutboxMessage> messages) {
        return messages.stream().map(this::save).toList();
    }

    /**
     * Pending messages of every tenant whose next attempt is due at {@code now}, oldest first (by next attempt,
     * then creation time, then id), at most {@code limit} (≥ 1).
     */
    List<OutboxMessage> due(Instant now, int limit);

    /** A tenant's messages matching {@code query}, oldest first (by creation time, then id). */
    List<OutboxMessage> list(TenantId tenant, OutboxQuery query);

    /**
     * Removes delivered messages of every tenant whose delivery time is before {@code deliveredBefore}, the
     * earliest delivered first, at most {@code limit} (≥ 1). Pending and dead messages stay, whatever their age.
     * A purged message's key is free again: idempotency keys guard against repeats only while their message is
     * kept.
     *
     * @return how many messages were removed
     */
    int purgeDelivered(Instant deliveredBefore, int limit);
}
