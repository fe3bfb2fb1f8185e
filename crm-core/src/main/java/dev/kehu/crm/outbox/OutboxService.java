package dev.kehu.crm.outbox;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.security.AccessPolicy;
import dev.kehu.crm.security.AccessDeniedException;
import dev.kehu.crm.security.Actor;
import java.util.List;

/**
 * The outbox as a host sees it: run delivery (schedule {@link #deliverDue} every minute or so; it also
 * recovers what a crash left undelivered), and read the domain events and the dead letters. Obtain it from
 * {@code Kehu.outbox()}.
 */
public final class OutboxService {
    private final Transactions transactions;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AccessPolicy accessPolicy;

    public OutboxService(Transactions transactions, Outbox outbox, OutboxRelay relay, AccessPolicy accessPolicy) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.relay = relay;
        this.accessPolicy = accessPolicy;
    }

    /**
     * Delivers every message that is due: new ones a crash left behind, and failed ones whose retry time has
     * come. Safe to run on several hosts at once: each message is claimed before it is sent.
     */
    public DeliveryReport deliverDue() {
        return relay.deliverDue();
    }

    /** The tenant's messages matching {@code query}, oldest first: e.g. the events after the last one relayed. */
    public List<OutboxMessage> list(Actor actor, OutboxQuery query) {
        requireNonNull(query, "query");
        if (!accessPolicy.permits(actor, "outbox.read", "outbox", null)) {
            throw new AccessDeniedException("outbox.read", "you may not read the outbox");
        }
        return transactions.inTransaction(() -> outbox.list(actor.tenant(), query));
    }
}
