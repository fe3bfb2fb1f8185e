package dev.kehu.crm.jdbc.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.AuditLog;
import dev.kehu.crm.audit.FieldChange;
import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Audit entries in {@code kehu_audit_entry}, their field changes in {@code kehu_audit_change}. The {@code seq}
 * column, filled by the database, keeps the order in which entries were appended.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final NamedSql INSERT_ENTRY = NamedSql.of("""
            INSERT INTO kehu_audit_entry (tenant_id, id, actor, recorded_at, record_type, record_id, action)
            VALUES (:tenant_id, :id, :actor, :recorded_at, :record_type, :record_id, :action)""");

    private static final NamedSql INSERT_CHANGE = NamedSql.of("""
            INSERT INTO kehu_audit_change (tenant_id, entry_id, list_index, field, from_value, to_value)
            VALUES (:tenant_id, :entry_id, :list_index, :field, :from_value, :to_value)""");

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final AuditEntryRowMapper entryMapper;
    private final FieldChangeRowMapper changeMapper = new FieldChangeRowMapper();

    public JdbcAuditLog(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.entryMapper = new AuditEntryRowMapper(dialect);
    }

    @Override
    public void append(AuditEntry entry) {
        requireNonNull(entry, "entry");
        appendAll(List.of(entry));
    }

    /** The entries in one batch, in their order (the database numbers them in that order), then their changes. */
    @Override
    public void appendAll(List<AuditEntry> entries) {
        entries.forEach(entry -> requireNonNull(entry, "entry"));
        List<Map.Entry<AuditEntry, Integer>> changes = new ArrayList<>();
        for (AuditEntry entry : entries) {
            for (int i = 0; i < entry.changes().size(); i++) changes.add(Map.entry(entry, i));
        }
        transactions.withConnection(connection -> {
            try {
                INSERT_ENTRY.batch(connection, dialect, entries, (statement, entry) -> statement
                        .string("tenant_id", entry.tenant().value())
                        .string("id", entry.id())
                        .string("actor", entry.actor().value())
                        .instant("recorded_at", entry.at())
                        .string("record_type", entry.recordType())
                        .string("record_id", entry.recordId())
                        .string("action", entry.action()));
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e)) {
                    throw new DuplicateRecordException("audit", "an audit entry of the batch is already in the log");
                }
                throw e;
            }
            INSERT_CHANGE.batch(connection, dialect, changes, (statement, change) -> {
                FieldChange field = change.getKey().changes().get(change.getValue());
                statement.string("tenant_id", change.getKey().tenant().value())
                        .string("entry_id", change.getKey().id())
                        .integer("list_index", change.getValue())
                        .string("field", field.field())
                        .string("from_value", field.from())
                        .string("to_value", field.to());
            });
            return null;
        });
    }

    @Override
    public List<AuditEntry> forRecords(TenantId tenant, String recordType, Collection<String> recordIds) {
        requireNonNull(tenant, "tenant");
        requireNonNull(recordType, "recordType");
        requireNonNull(recordIds, "recordIds");
        if (recordIds.isEmpty()) return List.of();
        return transactions.withConnection(connection -> {
            List<Sequenced> found = new ArrayList<>();
            for (List<String> ids : InList.chunks(new LinkedHashSet<>(recordIds))) {
                NamedSql sql = NamedSql.of("""
                        SELECT e.seq, e.tenant_id, e.id, e.actor, e.recorded_at, e.record_type, e.record_id, e.action,
                               ch.field, ch.from_value, ch.to_value
                        FROM kehu_audit_entry e
                        LEFT JOIN kehu_audit_change ch ON ch.tenant_id = e.tenant_id AND ch.entry_id = e.id
                        WHERE e.tenant_id = :tenant_id AND e.record_type = :record_type
                          AND e.record_id IN (""" + InList.names("id", ids.size()) + ")\n"
                        + "ORDER BY e.seq, ch.list_index");
                try (NamedSql.Bound statement = sql.prepare(connection, dialect)) {
                    statement.string("tenant_id", tenant.value()).string("record_type", recordType);
                    InList.bind(statement, "id", ids);
                    try (ResultSet rows = statement.query()) {
                        found.addAll(entries(rows));
                    }
                }
            }
            // Oldest first; entries of the same instant in the order they were appended.
            found.sort(Comparator.comparing((Sequenced s) -> s.entry().at()).thenComparingLong(Sequenced::seq));
            return found.stream().map(Sequenced::entry).toList();
        });
    }

    private record Sequenced(long seq, AuditEntry entry) {
    }

    /** Groups the joined rows (ordered by entry, then change) into entries. */
    private List<Sequenced> entries(ResultSet rows) throws SQLException {
        Map<Long, List<FieldChange>> changes = new LinkedHashMap<>();
        Map<Long, AuditEntry> headers = new LinkedHashMap<>();
        while (rows.next()) {
            long seq = rows.getLong("seq");
            List<FieldChange> ofEntry = changes.computeIfAbsent(seq, s -> new ArrayList<>());
            if (rows.getString("field") != null) ofEntry.add(changeMapper.map(rows));
            if (!headers.containsKey(seq)) headers.put(seq, entryMapper.map(rows, List.of()));
        }
        List<Sequenced> entries = new ArrayList<>(headers.size());
        headers.forEach((seq, header) -> entries.add(new Sequenced(seq, new AuditEntry(header.id(), header.tenant(),
                header.actor(), header.at(), header.recordType(), header.recordId(), header.action(),
                changes.get(seq)))));
        return entries;
    }
}
