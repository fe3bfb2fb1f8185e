package dev.kehu.crm.internal;

import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.outbox.Outbox;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxRelay;
import dev.kehu.crm.outbox.OutboxStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes notifications and events to the outbox inside the use case's transaction, and hands what a use case
 * wrote to the relay once its outermost transaction has committed. A message nobody consumes is written already
 * delivered ({@link OutboxRelay#asWritten}), so a use case of a host without an event consumer runs one transaction
 * and no delivery; one to deliver after the commit is written already claimed by the relay, so that its delivery
 * costs one transaction, the mark. When the host runs the use case inside a transaction of its own, nothing is
 * delivered at once (the commit is the host's): the messages are written due, and the scheduled {@code deliverDue}
 * run takes them.
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
        OutboxMessage appended = relay.asWritten(message, deliversAfterCommit());
        if (outbox.append(appended)) toDeliver(List.of(appended));
    }

    /**
     * Appends new messages with fresh keys (the events of new audit entries) in the current transaction, in
     * batches; a taken key is refused, as {@link Outbox#appendAll} says.
     */
    public void writeAll(List<OutboxMessage> messages) {
        boolean deliversAfterCommit = deliversAfterCommit();
        List<OutboxMessage> appended = messages.stream().map(m -> relay.asWritten(m, deliversAfterCommit)).toList();
        outbox.appendAll(appended);
        toDeliver(appended);
    }

    /** Whether this thread runs a use case as the outermost transaction, whose messages go out after its commit. */
    private boolean deliversAfterCommit() {
        return written.get() != null;
    }

    private void toDeliver(List<OutboxMessage> appended) {
        List<OutboxMessage> pending = written.get();
        if (pending == null) return;
        appended.stream().filter(m -> m.status() == OutboxStatus.PENDING).forEach(pending::add);
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
        try {
            relay.deliver(messages);
        } catch (RuntimeException e) {
            // The change has committed and its messages are in the outbox: a deliverDue run takes them once the
            // lease of their claim has ended.
            LOG.warn("could not deliver right after commit; left for the next delivery run", e);
        }
    }
}
