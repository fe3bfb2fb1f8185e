package dev.kehu.crm.store.internal;

import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.store.internal.Tables.Key;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/** One table of versioned records, kept per tenant and id: the optimistic locking every repository shares. */
final class VersionedTable<T> {
    private final MemoryTransactions transactions;
    private final String recordType;
    private final Function<Tables, Map<Key, T>> table;
    private final ToLongFunction<T> version;

    VersionedTable(MemoryTransactions transactions, String recordType, Function<Tables, Map<Key, T>> table,
                   ToLongFunction<T> version) {
        this.transactions = transactions;
        this.recordType = recordType;
        this.table = table;
        this.version = version;
    }

    Optional<T> find(TenantId tenant, String id) {
        Key key = new Key(tenant, id);
        return transactions.read(tables -> Optional.ofNullable(table.apply(tables).get(key)));
    }

    /**
     * Stores {@code withVersion.apply(given + 1)} if {@code given} is the stored version (0 when nothing is
     * stored), and returns it.
     */
    T save(TenantId tenant, String id, long given, LongFunction<T> withVersion) {
        return save(tenant, id, given, withVersion, tables -> { });
    }

    /** As {@link #save(TenantId, String, long, LongFunction)}; {@code check} runs after the version check. */
    T save(TenantId tenant, String id, long given, LongFunction<T> withVersion, Consumer<Tables> check) {
        Key key = new Key(tenant, id);
        return transactions.write(tables -> {
            Map<Key, T> records = table.apply(tables);
            T stored = records.get(key);
            Tables.checkVersion(recordType, key, stored == null ? 0 : version.applyAsLong(stored), given);
            check.accept(tables); // checks throw before anything is written
            T saved = withVersion.apply(given + 1);
            records.put(key, saved);
            return saved;
        });
    }

    /**
     * Stores new records, each of version 0, as {@code asStored} makes them (version 1), in one go: every id must be
     * free, in the table and in the list, and {@code check} must pass, before any of them is written.
     */
    List<T> insertAll(List<T> records, Function<T, Key> keyOf, UnaryOperator<T> asStored, Consumer<Tables> check) {
        return transactions.write(tables -> {
            Map<Key, T> stored = table.apply(tables);
            Set<Key> keys = new HashSet<>();
            for (T record : records) {
                Key key = keyOf.apply(record);
                if (stored.containsKey(key) || !keys.add(key)) throw new StaleRecordException(recordType, key.id(), 0);
            }
            check.accept(tables); // checks throw before anything is written
            List<T> saved = records.stream().map(asStored).toList();
            saved.forEach(record -> stored.put(keyOf.apply(record), record));
            return saved;
        });
    }

    /**
     * As {@link #save(TenantId, String, long, LongFunction)}, but only over a stored record: with nothing stored,
     * version 0 is stale too.
     */
    T update(TenantId tenant, String id, long given, LongFunction<T> withVersion) {
        return save(tenant, id, given, withVersion, tables -> {
            if (!table.apply(tables).containsKey(new Key(tenant, id))) {
                throw new StaleRecordException(recordType, id, given);
            }
        });
    }

    /**
     * The tenant's records that meet {@code condition}, by id (code point order), after the id {@code after}
     * ({@code null}: from the first), at most {@code limit} (1–1000): the keyset paging of the care queries.
     */
    List<T> pageById(TenantId tenant, Predicate<? super T> condition, String after, int limit) {
        checkLimit(limit);
        return transactions.read(tables -> table.apply(tables).entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .filter(e -> after == null || Ordering.TEXT.compare(e.getKey().id(), after) > 0)
                .filter(e -> condition.test(e.getValue()))
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Key::id, Ordering.TEXT)))
                .limit(limit)
                .map(Map.Entry::getValue)
                .toList());
    }

    /**
     * The tenant's records that meet {@code condition}, in {@code order} (which must end with the id, so that it is
     * total), after the record {@code after} ({@code null}: from the first), at most {@code limit} (1–1000): the
     * keyset paging of the care queries that read in an index's order.
     */
    List<T> page(TenantId tenant, Predicate<? super T> condition, Comparator<? super T> order, T after, int limit) {
        checkLimit(limit);
        return transactions.read(tables -> table.apply(tables).entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .filter(condition)
                .filter(r -> after == null || order.compare(r, after) > 0)
                .sorted(order)
                .limit(limit)
                .toList());
    }

    /** Refuses a page size outside 1–1000, as every paged query of the ports does. */
    static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1 to 1000, got " + limit);
    }

    /** The tenant's records that meet {@code condition}, in {@code order}. */
    List<T> list(TenantId tenant, Predicate<? super T> condition, Comparator<? super T> order) {
        return transactions.read(tables ->
                Tables.ofTenant(table.apply(tables), tenant).filter(condition).sorted(order).toList());
    }
}
