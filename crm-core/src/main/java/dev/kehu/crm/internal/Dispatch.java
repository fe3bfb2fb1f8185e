package dev.kehu.crm.internal;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.outbox.Outbox;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxRelay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes notifications and events to the outbox inside the use case's transaction, and hands what a use case
 * wrote to the relay once its outermost transaction has committed. When the host runs the use case inside a
 * transaction of its own, nothing is delivered at once (the commit is the host's): the scheduled
 * {@code deliverDue} run takes them.
 */
public final class Dispatch {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Dispatch.class);

    private final Transactions transactions;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final ThreadLocal<List<OutboxMessage>> written = new ThreadLocal<>();

    public Dispatch(Transactions transactions, Outbox outbox, OutboxRelay relay) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.relay = relay;
    }

    /** Appends {@code message} in the current transaction; a message whose key is taken is not written again. */
    public void write(OutboxMessage message) {
        if (outbox.append(message) && written.get() != null) written.get().add(message);
    }

    /** Runs {@code work} in a transaction; when it was the outermost and committed, delivers what it wrote. */
    public <T> T inTransaction(Supplier<T> work) {
        if (transactions.isActive()) return transactions.inTransaction(work);
        written.set(new ArrayList<>());
        try {
            T result = transactions.inTransaction(work);
            deliver(written.get());
            return result;
        } finally {
            written.remove();
        }
    }

    private void deliver(List<OutboxMessage> messages) {
        if (messages.isEmpty()) return;
        Map<TenantId, List<String>> byTenant = new LinkedHashMap<>();
        messages.forEach(m -> byTenant.computeIfAbsent(m.tenant(), t -> new ArrayList<>()).add(m.id()));
        try {
            byTenant.forEach(relay::deliver);
        } catch (RuntimeException e) {
            // The change has committed and its messages are in the outbox: the next deliverDue run takes them.
            LOG.warn("could not deliver right after commit; left for the next delivery run", e);
        }
    }
}
