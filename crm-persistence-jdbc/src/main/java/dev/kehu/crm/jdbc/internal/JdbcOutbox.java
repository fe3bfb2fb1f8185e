package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.outbox.Outbox;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.outbox.OutboxStatus;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The outbox in {@code kehu_outbox_message}, one row per message, its data one JSON text (see {@link OutboxData}).
 *
 * <p>The tenant and the idempotency key are the primary key, so an append whose key is taken is refused by the key
 * itself, also between concurrent transactions, and must leave the transaction usable. PostgreSQL aborts a
 * transaction on any failed statement, so there the insert is told to do nothing on that conflict; H2, MariaDB and
 * MySQL roll back only the failed statement, so there a plain insert's duplicate-key error is the answer. Those
 * check the primary key before any other unique index, so a message whose key and id are both taken (the same
 * message twice) counts as a taken key everywhere. An id taken by a message with another key is refused with
 * {@link DuplicateRecordException}, as the in-memory store does: dropping the message silently would lose it.
 *
 * <p>A message is stored at version 0; a save is version-checked like every other record's, but only updates.
 */
public final class JdbcOutbox implements Outbox {
    /** The record type a refused save names. */
    static final String RECORD_TYPE = OutboxMessage.RECORD_TYPE;
    /** The length of {@code last_error}: what the relay keeps of a failure. */
    static final int MAX_ERROR_LENGTH = 1000;
    private static final String ID_INDEX = "kehu_outbox_message_id_uk";

    private static final String COLUMNS = """
            m.tenant_id, m.id, m.kind, m.idempotency_key, m.topic, m.record_type, m.record_id, m.recipient, m.actor,
            m.created_at, m.data, m.status, m.attempts, m.next_attempt_at, m.last_error, m.delivered_at, m.version""";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_outbox_message m
            WHERE m.tenant_id = :tenant_id AND m.id = :id""");

    private static final String INSERT = """
            INSERT INTO kehu_outbox_message (tenant_id, id, kind, idempotency_key, topic, record_type, record_id,
                recipient, actor, created_at, data, status, attempts, next_attempt_at, last_error, delivered_at, version)
            VALUES (:tenant_id, :id, :kind, :idempotency_key, :topic, :record_type, :record_id, :recipient, :actor,
                :created_at, :data, :status, :attempts, :next_attempt_at, :last_error, :delivered_at, :version)""";

    private static final NamedSql PLAIN_INSERT = NamedSql.of(INSERT);

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_outbox_message
            SET kind = :kind, idempotency_key = :idempotency_key, topic = :topic, record_type = :record_type,
                record_id = :record_id, recipient = :recipient, actor = :actor, created_at = :created_at, data = :data,
                status = :status, attempts = :attempts, next_attempt_at = :next_attempt_at, last_error = :last_error,
                delivered_at = :delivered_at, version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = VersionedRows.updateOnly("kehu_outbox_message", "id", UPDATE);

    /** What a delivery changes of a message, and no other column: the statement of {@link #saveAll}'s batch. */
    private static final NamedSql UPDATE_DELIVERY = NamedSql.of("""
            UPDATE kehu_outbox_message
            SET status = :status, attempts = :attempts, next_attempt_at = :next_attempt_at, last_error = :last_error,
                delivered_at = :delivered_at, version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    /** Every tenant's due messages, served by {@code kehu_outbox_message_due_ix}; the tenant orders equal ids. */
    private static final NamedSql DUE = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_outbox_message m
            WHERE m.status = :pending AND m.next_attempt_at <= :now
            ORDER BY m.next_attempt_at, m.created_at, m.id, m.tenant_id
            LIMIT :limit""");

    /** Every tenant's delivered messages, earliest delivery first, served by {@code kehu_outbox_message_delivered_ix}. */
    private static final NamedSql DELIVERED_BEFORE = NamedSql.of("""
            SELECT tenant_id, idempotency_key FROM kehu_outbox_message
            WHERE status = :delivered AND delivered_at < :before
            ORDER BY delivered_at, tenant_id, idempotency_key
            LIMIT :limit""");

    /** Deletes by primary key; the status check leaves alone a row that changed since it was read. */
    private static final NamedSql DELETE_DELIVERED = NamedSql.of("""
            DELETE FROM kehu_outbox_message
            WHERE tenant_id = :tenant_id AND idempotency_key = :idempotency_key AND status = :delivered""");

    private static final NamedSql CREATED_AT = NamedSql.of("""
            SELECT created_at FROM kehu_outbox_message WHERE tenant_id = :tenant_id AND id = :id""");

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final NamedSql insert;
    private final OutboxMessageRowMapper mapper;

    public JdbcOutbox(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.insert = NamedSql.of(dialect == Dialect.POSTGRESQL
                ? INSERT + "\nON CONFLICT (tenant_id, idempotency_key) DO NOTHING" : INSERT);
        this.mapper = new OutboxMessageRowMapper(dialect);
    }

    @Override
    public boolean append(OutboxMessage message) {
        requireNonNull(message, "message");
        String data = checked(message);
        return transactions.withConnection(connection -> {
            try (NamedSql.Bound statement = insert.prepare(connection, dialect)) {
                bindRow(statement, message, data);
                return statement.bigint("version", 0).update() == 1;
            } catch (SQLException e) {
                if (!SqlErrors.isUniqueViolation(e)) throw e;
                if (SqlErrors.names(e, ID_INDEX)) {
                    throw new DuplicateRecordException(RECORD_TYPE, "the outbox message id " + message.id() + " is taken");
                }
                return false; // the primary key: the tenant has a message with this key
            }
        });
    }

    /**
     * Every message in one batch of plain inserts: keys are fresh, so a taken one (or a taken id) is refused by the
     * table's keys, which fails the batch (and on PostgreSQL the transaction, which the refusal ends anyway).
     */
    @Override
    public void appendAll(List<OutboxMessage> messages) {
        List<String> data = messages.stream().map(JdbcOutbox::checked).toList();
        transactions.withConnection(connection -> {
            try {
                List<Integer> indexes = IntStream.range(0, messages.size()).boxed().toList();
                PLAIN_INSERT.batch(connection, dialect, indexes, (s, i) -> {
                    bindRow(s, messages.get(i), data.get(i));
                    s.bigint("version", 0);
                });
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new DuplicateRecordException(RECORD_TYPE, "a key or an id of the batch is taken");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<OutboxMessage> find(TenantId tenant, String id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> FIND.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("id", id), mapper).stream().findFirst());
    }

    @Override
    public OutboxMessage save(OutboxMessage message) {
        requireNonNull(message, "message");
        String data = checked(message);
        return transactions.withConnection(connection -> {
            ROWS.update(connection, dialect, message.tenant().value(), message.id(), message.version(),
                    s -> bindRow(s, message, data),
                    () -> new StaleRecordException(RECORD_TYPE, message.id(), message.version()));
            return message.withVersion(message.version() + 1);
        });
    }

    /**
     * One JDBC batch of updates of the delivery columns alone, each version-checked; its update counts tell which
     * were written. A driver may answer {@link Statement#SUCCESS_NO_INFO} for entries (MariaDB's bulk protocol
     * does): those messages are read back, with one query per tenant, and count as written only when they stand as
     * this batch would have left them. A row the batch updated is this transaction's until it ends, so it reads back
     * so; a row it did not update reads back otherwise, unless another transaction had saved the very same delivery
     * at the very same version.
     */
    @Override
    public List<OutboxMessage> saveAll(List<OutboxMessage> messages) {
        requireNonNull(messages, "messages");
        messages.forEach(JdbcOutbox::checkError);
        if (messages.isEmpty()) return List.of();
        List<OutboxMessage> saved = messages.stream().map(m -> m.withVersion(m.version() + 1)).toList();
        return transactions.withConnection(connection -> {
            int[] counts;
            try (NamedSql.Bound statement = UPDATE_DELIVERY.prepare(connection, dialect)) {
                for (OutboxMessage m : messages) {
                    bindDelivery(statement, m).bigint("version", m.version()).bigint("new_version", m.version() + 1)
                            .addBatch();
                }
                counts = statement.executeBatch();
            } catch (BatchUpdateException e) {
                // Only a concurrent transaction gets here (a lock it held too long): its row is not this one's to save.
                if (!SqlErrors.isConcurrencyConflict(e)) throw e;
                throw stale(messages.get(firstUnwritten(e.getUpdateCounts(), messages.size())));
            }
            List<Integer> unknown = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                if (counts[i] == Statement.SUCCESS_NO_INFO) unknown.add(i);
                else if (counts[i] != 1) throw stale(messages.get(i));
            }
            Set<List<Object>> stored = deliveries(connection, unknown.stream().map(messages::get).toList());
            for (int i : unknown) {
                if (!stored.contains(delivery(saved.get(i)))) throw stale(messages.get(i));
            }
            return saved;
        });
    }

    /** The index of the first entry of a failed batch that did not update its row, by the counts the driver gave. */
    private static int firstUnwritten(int[] counts, int size) {
        int i = 0;
        while (counts != null && i < counts.length && i < size - 1
                && (counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO)) {
            i++;
        }
        return i;
    }

    /** The stored deliveries ({@link #delivery}) of these messages' rows, read with one query per tenant and chunk. */
    private Set<List<Object>> deliveries(Connection connection, List<OutboxMessage> messages) throws SQLException {
        Map<TenantId, Set<String>> ids = new LinkedHashMap<>();
        messages.forEach(m -> ids.computeIfAbsent(m.tenant(), t -> new LinkedHashSet<>()).add(m.id()));
        Set<List<Object>> stored = new HashSet<>();
        for (Map.Entry<TenantId, Set<String>> tenant : ids.entrySet()) {
            for (List<String> chunk : InList.chunks(tenant.getValue())) {
                NamedSql sql = NamedSql.of("""
                        SELECT tenant_id, id, status, attempts, next_attempt_at, last_error, delivered_at, version
                        FROM kehu_outbox_message
                        WHERE tenant_id = :tenant_id AND id IN (""" + InList.names("id", chunk.size()) + ")");
                stored.addAll(sql.list(connection, dialect, s -> {
                    s.string("tenant_id", tenant.getKey().value());
                    InList.bind(s, "id", chunk);
                }, row -> Arrays.asList(row.getString("tenant_id"), row.getString("id"), row.getString("status"),
                        row.getInt("attempts"), dialect.getInstant(row, "next_attempt_at"), row.getString("last_error"),
                        dialect.getInstant(row, "delivered_at"), row.getLong("version"))));
            }
        }
        return stored;
    }

    /** A message's key, the columns a delivery changes and its version, as {@link #deliveries} reads them. */
    private static List<Object> delivery(OutboxMessage m) {
        return Arrays.asList(m.tenant().value(), m.id(), m.status().name(), m.attempts(), m.nextAttemptAt(),
                m.lastError(), m.deliveredAt(), m.version());
    }

    private static StaleRecordException stale(OutboxMessage message) {
        return new StaleRecordException(RECORD_TYPE, message.id(), message.version());
    }

    @Override
    public List<OutboxMessage> due(Instant now, int limit) {
        requireNonNull(now, "now");
        if (limit < 0) throw new IllegalArgumentException("limit must be ≥ 0, got " + limit);
        return transactions.withConnection(connection -> DUE.list(connection, dialect,
                s -> s.string("pending", OutboxStatus.PENDING.name()).instant("now", now).bigint("limit", limit),
                mapper));
    }

    @Override
    public List<OutboxMessage> list(TenantId tenant, OutboxQuery query) {
        requireNonNull(tenant, "tenant");
        requireNonNull(query, "query");
        return transactions.withConnection(connection -> {
            // The SQL form of OutboxQuery.matches, read on after the message named by after (keyset paging).
            Where where = new Where().and("m.tenant_id = :tenant_id", "tenant_id", tenant.value());
            if (query.kind() != null) where.and("m.kind = :kind", "kind", query.kind().name());
            if (query.status() != null) where.and("m.status = :status", "status", query.status().name());
            if (query.after() != null) {
                Optional<Instant> afterCreated = CREATED_AT.list(connection, dialect,
                        s -> s.string("tenant_id", tenant.value()).string("id", query.after()),
                        row -> dialect.getInstant(row, "created_at")).stream().findFirst();
                // Reading on counts from where that message stands, matching or not; an id the tenant does not
                // have gives no place to go on from.
                if (afterCreated.isEmpty()) return List.of();
                where.and("(m.created_at > :after_at OR (m.created_at = :after_at AND m.id > :after_id))",
                        s -> s.instant("after_at", afterCreated.get()).string("after_id", query.after()));
            }
            NamedSql sql = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_outbox_message m\nWHERE " + where.sql()
                    + "\nORDER BY m.created_at, m.id\nLIMIT :limit");
            return sql.list(connection, dialect, s -> {
                where.bind(s);
                s.bigint("limit", query.limit());
            }, mapper);
        });
    }

    @Override
    public int purgeDelivered(Instant deliveredBefore, int limit) {
        requireNonNull(deliveredBefore, "deliveredBefore");
        if (limit < 1) throw new IllegalArgumentException("limit must be ≥ 1, got " + limit);
        String delivered = OutboxStatus.DELIVERED.name();
        return transactions.withConnection(connection -> {
            List<String[]> keys = DELIVERED_BEFORE.list(connection, dialect,
                    s -> s.string("delivered", delivered).instant("before", deliveredBefore).bigint("limit", limit),
                    row -> new String[] {row.getString("tenant_id"), row.getString("idempotency_key")});
            int purged = 0;
            try (NamedSql.Bound statement = DELETE_DELIVERED.prepare(connection, dialect)) {
                for (String[] key : keys) {
                    // One by one: a batch's counts are not reliable on every driver, and a purge running
                    // elsewhere at the same time may have taken the row already.
                    purged += statement.string("tenant_id", key[0]).string("idempotency_key", key[1])
                            .string("delivered", delivered).update();
                }
            }
            return purged;
        });
    }

    /**
     * The message's data as stored, after checking what its columns cannot keep, so that a refusal writes nothing.
     */
    private static String checked(OutboxMessage message) {
        checkError(message);
        return OutboxData.write(message.data());
    }

    private static void checkError(OutboxMessage message) {
        if (message.lastError() != null && message.lastError().length() > MAX_ERROR_LENGTH) {
            throw new IllegalArgumentException("an outbox message keeps at most " + MAX_ERROR_LENGTH
                    + " characters of its last error, got " + message.lastError().length());
        }
    }

    private static void bindRow(NamedSql.Bound statement, OutboxMessage m, String data) throws SQLException {
        bindDelivery(statement, m)
                .string("kind", m.kind().name())
                .string("idempotency_key", m.key())
                .string("topic", m.topic())
                .string("record_type", m.recordType())
                .string("record_id", m.recordId())
                .string("recipient", text(m.recipient()))
                .string("actor", m.actor().value())
                .instant("created_at", m.createdAt())
                .string("data", data);
    }

    /** The key and the columns a delivery changes. */
    private static NamedSql.Bound bindDelivery(NamedSql.Bound statement, OutboxMessage m) throws SQLException {
        return statement.string("tenant_id", m.tenant().value())
                .string("id", m.id())
                .string("status", m.status().name())
                .integer("attempts", m.attempts())
                .instant("next_attempt_at", m.nextAttemptAt())
                .string("last_error", m.lastError())
                .instant("delivered_at", m.deliveredAt());
    }
}
