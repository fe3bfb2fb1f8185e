package dev.kehu.crm.outbox;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Identifiers;
import dev.kehu.crm.common.Transactions;
import dev.kehu.crm.security.AccessPolicy;
import dev.kehu.crm.security.AccessDeniedException;
import dev.kehu.crm.security.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outbox as a host sees it: run delivery (schedule {@link #deliverDue} every minute or so; it also
 * recovers what a crash left undelivered), and read the domain events and the dead letters. Obtain it from
 * {@code Kehu.outbox()}.
 */
public final class OutboxService {
    static final int PURGE_BATCH = 500;

    private final Transactions transactions;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final AccessPolicy accessPolicy;
    private final Clock clock;

    public OutboxService(Transactions transactions, Outbox outbox, OutboxRelay relay, AccessPolicy accessPolicy,
                         Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.relay = relay;
        this.accessPolicy = accessPolicy;
        this.clock = clock;
    }

    /**
     * Delivers every message that is due: new ones a crash left behind, and failed ones whose retry time has
     * come. Safe to run on several hosts at once: each message is claimed before it is sent.
     */
    public DeliveryReport deliverDue() {
        return relay.deliverDue();
    }

    /**
     * Removes the messages of every tenant delivered more than {@code keep} ago, {@value #PURGE_BATCH} at a time,
     * each batch in a transaction of its own so that a large backlog never holds locks for long. Pending and dead
     * messages stay until delivered or dealt with. Schedule it daily, with {@code keep} longer than the host takes
     * to read the domain events it relays and than any receiver keeps idempotency keys: a purged message's key can
     * be used again.
     *
     * @return how many messages were removed
     * @throws IllegalArgumentException when {@code keep} is negative
     */
    public int purgeDelivered(Duration keep) {
        requireNonNull(keep, "keep");
        if (keep.isNegative()) throw new IllegalArgumentException("the time to keep must not be negative, got " + keep);
        Instant before = clock.instant().minus(keep);
        int total = 0;
        int purged;
        do {
            purged = transactions.inTransaction(() -> outbox.purgeDelivered(before, PURGE_BATCH));
            total += purged;
        } while (purged == PURGE_BATCH);
        return total;
    }

    /**
     * The tenant's messages matching {@code query}, oldest first: e.g. the events after the last one relayed. Like an
     * unknown id, an {@code after} that cannot be an id names no message: the answer is empty.
     */
    public List<OutboxMessage> list(Actor actor, OutboxQuery query) {
        requireNonNull(query, "query");
        if (!accessPolicy.permits(actor, "outbox.read", "outbox", null)) {
            throw new AccessDeniedException("outbox.read", "you may not read the outbox");
        }
        if (query.after() != null && !query.after().matches(Identifiers.PATTERN)) return List.of();
        return transactions.inTransaction(() -> outbox.list(actor.tenant(), query));
    }
}
