package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.outbox.Outbox;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.outbox.OutboxStatus;
import dev.kehu.crm.store.internal.Tables.Key;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

public final class MemoryOutbox implements Outbox {
    private final MemoryTransactions transactions;
    private final VersionedTable<OutboxMessage> messages;

    public MemoryOutbox(MemoryTransactions transactions) {
        this.transactions = transactions;
        messages = new VersionedTable<>(transactions, OutboxMessage.RECORD_TYPE, tables -> tables.outbox,
                OutboxMessage::version);
    }

    @Override
    public boolean append(OutboxMessage message) {
        requireNonNull(message, "message");
        Key id = new Key(message.tenant(), message.id());
        return transactions.write(tables -> {
            if (Tables.ofTenant(tables.outbox, message.tenant()).anyMatch(m -> m.key().equals(message.key()))) {
                return false; // an answer, not a failure: the caller's transaction goes on
            }
            if (tables.outbox.containsKey(id)) {
                // Not a repeat (its key is free) but a clash of ids: dropping it silently would lose a message.
                throw new DuplicateRecordException(OutboxMessage.RECORD_TYPE,
                        "The outbox message id " + id.id() + " is taken");
            }
            tables.outbox.put(id, message.withVersion(0));
            return true;
        });
    }

    @Override
    public void appendAll(List<OutboxMessage> list) {
        list.forEach(message -> requireNonNull(message, "message"));
        transactions.write(tables -> {
            Set<List<Object>> keys = new HashSet<>();
            tables.outbox.values().forEach(m -> keys.add(List.of(m.tenant(), m.key())));
            Set<Key> ids = new HashSet<>(tables.outbox.keySet());
            for (OutboxMessage message : list) {
                if (!keys.add(List.of(message.tenant(), message.key()))
                        || !ids.add(new Key(message.tenant(), message.id()))) {
                    throw new DuplicateRecordException(OutboxMessage.RECORD_TYPE, "The idempotency key "
                            + message.key() + " or the id " + message.id() + " is taken");
                }
            }
            list.forEach(message -> tables.outbox.put(new Key(message.tenant(), message.id()), message.withVersion(0)));
            return null;
        });
    }

    @Override
    public Optional<OutboxMessage> find(TenantId tenant, String id) {
        return messages.find(tenant, id);
    }

    @Override
    public OutboxMessage save(OutboxMessage message) {
        requireNonNull(message, "message");
        return messages.update(message.tenant(), message.id(), message.version(), message::withVersion);
    }

    /** Every version is checked, against the stored ones and those saved before it in the list, before any write. */
    @Override
    public List<OutboxMessage> saveAll(List<OutboxMessage> list) {
        list.forEach(message -> requireNonNull(message, "message"));
        return transactions.write(tables -> {
            Map<Key, OutboxMessage> saved = new LinkedHashMap<>();
            for (OutboxMessage message : list) {
                Key id = new Key(message.tenant(), message.id());
                OutboxMessage stored = saved.containsKey(id) ? saved.get(id) : tables.outbox.get(id);
                if (stored == null || stored.version() != message.version()) {
                    throw new StaleRecordException(OutboxMessage.RECORD_TYPE, message.id(), message.version());
                }
                saved.put(id, message.withVersion(message.version() + 1));
            }
            tables.outbox.putAll(saved);
            return list.stream().map(m -> m.withVersion(m.version() + 1)).toList();
        });
    }

    @Override
    public List<OutboxMessage> due(Instant now, int limit) {
        requireNonNull(now, "now");
        return transactions.read(tables -> tables.outbox.values().stream()
                .filter(m -> m.status() == OutboxStatus.PENDING && !m.nextAttemptAt().isAfter(now))
                .sorted(Ordering.OUTBOX_DUE)
                .limit(limit)
                .toList());
    }

    @Override
    public List<OutboxMessage> list(TenantId tenant, OutboxQuery query) {
        requireNonNull(query, "query");
        return transactions.read(tables -> {
            Stream<OutboxMessage> candidates = Tables.ofTenant(tables.outbox, tenant);
            if (query.after() != null) {
                OutboxMessage last = tables.outbox.get(new Key(tenant, query.after()));
                // Reading on counts from where that message stands, whether or not it still matches the query;
                // an id the tenant never had gives no place to go on from.
                if (last == null) return List.of();
                candidates = candidates.filter(m -> Ordering.OUTBOX.compare(m, last) > 0);
            }
            return candidates.filter(query::matches).sorted(Ordering.OUTBOX).limit(query.limit()).toList();
        });
    }

    @Override
    public int purgeDelivered(Instant deliveredBefore, int limit) {
        requireNonNull(deliveredBefore, "deliveredBefore");
        if (limit < 1) throw new IllegalArgumentException("limit must be ≥ 1, got " + limit);
        return transactions.write(tables -> {
            List<Key> purged = tables.outbox.entrySet().stream()
                    .filter(e -> e.getValue().status() == OutboxStatus.DELIVERED
                            && e.getValue().deliveredAt().isBefore(deliveredBefore))
                    .sorted(Map.Entry.comparingByValue(Ordering.OUTBOX_DELIVERED))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
            purged.forEach(tables.outbox::remove);
            return purged.size();
        });
    }
}
