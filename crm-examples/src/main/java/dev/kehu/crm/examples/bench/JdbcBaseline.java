package dev.kehu.crm.examples.bench;

import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The limit each workload is measured against: hand-written JDBC that writes the same rows into Kehu's tables
 * (the record, its history line, an audit entry with its changed fields, an outbox event) with prepared
 * statements and batches, one transaction per chunk or operation, and nothing else: no validation framework,
 * no mapping layer, no delivery after commit.
 */
final class JdbcBaseline extends HandWrittenJdbc {
    private static final String INSERT_CUSTOMER = """
            INSERT INTO kehu_customer (tenant_id, id, type, name, name_lc, mnemonic, number, number_lc, value_rating,
                credit_rating, category, relationship, lifecycle_stage, city, phone, email, email_lc, owner, status,
                created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'MEDIUM', 'MEDIUM', 'POTENTIAL', 'FAIR', 'PRE_SALES', ?, ?, ?, ?, ?, 'ACTIVE',
                ?, ?, 0)""";
    private static final String INSERT_CONTACT = """
            INSERT INTO kehu_contact (tenant_id, id, customer_id, name, name_lc, mnemonic, category, is_primary,
                position_name, mobile, email, email_lc, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, 'ORDINARY', ?, ?, ?, ?, ?, ?, ?, 0)""";
    private static final String INSERT_AUDIT_ENTRY = """
            INSERT INTO kehu_audit_entry (tenant_id, id, actor, recorded_at, record_type, record_id, action)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_AUDIT_CHANGE = """
            INSERT INTO kehu_audit_change (tenant_id, entry_id, list_index, field, from_value, to_value)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_OUTBOX = """
            INSERT INTO kehu_outbox_message (tenant_id, id, kind, idempotency_key, topic, record_type, record_id,
                actor, created_at, data, status, attempts, next_attempt_at, version)
            VALUES (?, ?, 'EVENT', ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, 0)""";
    private static final String SELECT_OPPORTUNITY = """
            SELECT stage, probability, status, stage_entered_at, history_length, updated_at, version
            FROM kehu_opportunity WHERE tenant_id = ? AND id = ?""";
    private static final String UPDATE_OPPORTUNITY = """
            UPDATE kehu_opportunity SET stage = ?, probability = ?, stage_note = ?, stage_entered_at = ?,
                history_length = ?, updated_at = ?, version = version + 1
            WHERE tenant_id = ? AND id = ? AND version = ?""";
    private static final String INSERT_STAGE_CHANGE = """
            INSERT INTO kehu_opportunity_stage_change (tenant_id, opportunity_id, sequence_no, changed_at, actor, kind,
                from_stage, from_probability, from_status, to_stage, to_probability, to_status, note)
            VALUES (?, ?, ?, ?, ?, 'MOVED', ?, ?, ?, ?, ?, ?, ?)""";

    JdbcBaseline(DataSource dataSource, Clock clock, IdGenerator ids, TenantId tenant, UserId actor) {
        super(dataSource, clock, ids, tenant, actor);
    }

    /**
     * Imports the rows in one transaction: skips numbers already taken, then writes everything in batches.
     *
     * @return how many customers were written
     */
    int importChunk(List<ImportRows.Row> rows) {
        return inTransaction(connection -> {
            List<CleanRow> clean = new ArrayList<>();
            for (ImportRows.Row row : rows) {
                CleanRow c = CleanRow.of(row);
                if (c != null) clean.add(c);
            }
            Set<String> taken = takenNumbers(connection, clean);
            Instant now = now();
            int imported = 0;
            try (PreparedStatement customers = connection.prepareStatement(INSERT_CUSTOMER);
                 PreparedStatement contacts = connection.prepareStatement(INSERT_CONTACT);
                 Audit audit = new Audit(connection)) {
                for (CleanRow row : clean) {
                    if (!taken.add(row.number())) continue;
                    String id = ids.next();
                    int i = 1;
                    customers.setString(i++, tenant.value());
                    customers.setString(i++, id);
                    customers.setString(i++, row.individual() ? "INDIVIDUAL" : "COMPANY");
                    customers.setString(i++, row.name());
                    customers.setString(i++, row.name().toLowerCase(Locale.ROOT));
                    customers.setString(i++, row.mnemonic());
                    customers.setString(i++, row.number());
                    customers.setString(i++, row.number().toLowerCase(Locale.ROOT));
                    customers.setString(i++, row.city());
                    customers.setString(i++, row.phone());
                    customers.setString(i++, row.email());
                    customers.setString(i++, row.email());
                    customers.setString(i++, actor.value());
                    customers.setObject(i++, utc(now));
                    customers.setObject(i, utc(now));
                    customers.addBatch();
                    audit.add("customer", id, "customer.create", now, AuditFields.customer(row, actor.value()));
                    for (CleanRow.CleanContact contact : row.contacts()) {
                        String contactId = ids.next();
                        i = 1;
                        contacts.setString(i++, tenant.value());
                        contacts.setString(i++, contactId);
                        contacts.setString(i++, id);
                        contacts.setString(i++, contact.name());
                        contacts.setString(i++, contact.name().toLowerCase(Locale.ROOT));
                        contacts.setString(i++, contact.mnemonic());
                        contacts.setBoolean(i++, contact.primary());
                        contacts.setString(i++, contact.position());
                        contacts.setString(i++, contact.mobile());
                        contacts.setString(i++, contact.email());
                        contacts.setString(i++, contact.email());
                        contacts.setObject(i++, utc(now));
                        contacts.setObject(i, utc(now));
                        contacts.addBatch();
                        audit.add("contact", contactId, "contact.create", now, AuditFields.contact(id, contact));
                    }
                    imported++;
                }
                customers.executeBatch();
                contacts.executeBatch();
                audit.execute();
            }
            return imported;
        });
    }

    /**
     * Makes the workload's next move of the opportunity ({@link StageMoves}) as a use case does: reads it, checks the move
     * against the version read, updates it, appends the history line, the audit entry and the outbox event.
     *
     * @return whether the move was made (false: refused, as Kehu would)
     */
    boolean moveStage(String opportunityId) {
        List<String> stages = StageMoves.STAGES;
        return inTransaction(connection -> {
            String stage;
            int probability;
            String status;
            int historyLength;
            long version;
            try (PreparedStatement select = connection.prepareStatement(SELECT_OPPORTUNITY)) {
                select.setString(1, tenant.value());
                select.setString(2, opportunityId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) return false;
                    stage = row.getString(1);
                    probability = row.getInt(2);
                    status = row.getString(3);
                    historyLength = row.getInt(5);
                    version = row.getLong(7);
                }
            }
            int from = stages.indexOf(stage);
            int to = StageMoves.target(from, stages.size());
            if (!"OPEN".equals(status) || to < 0) return false;
            String note = StageMoves.note(from, to);
            String target = stages.get(to);
            int targetProbability = StageMoves.defaultProbability(target);
            Instant now = now();
            try (PreparedStatement update = connection.prepareStatement(UPDATE_OPPORTUNITY)) {
                int i = 1;
                update.setString(i++, target);
                update.setInt(i++, targetProbability);
                update.setString(i++, note);
                update.setObject(i++, utc(now));
                update.setInt(i++, historyLength + 1);
                update.setObject(i++, utc(now));
                update.setString(i++, tenant.value());
                update.setString(i++, opportunityId);
                update.setLong(i, version);
                if (update.executeUpdate() != 1) throw new IllegalStateException("stale opportunity " + opportunityId);
            }
            try (PreparedStatement line = connection.prepareStatement(INSERT_STAGE_CHANGE)) {
                int i = 1;
                line.setString(i++, tenant.value());
                line.setString(i++, opportunityId);
                line.setInt(i++, historyLength + 1);
                line.setObject(i++, utc(now));
                line.setString(i++, actor.value());
                line.setString(i++, stage);
                line.setInt(i++, probability);
                line.setString(i++, status);
                line.setString(i++, target);
                line.setInt(i++, targetProbability);
                line.setString(i++, status);
                line.setString(i, note);
                line.executeUpdate();
            }
            try (Audit audit = new Audit(connection)) {
                audit.add("opportunity", opportunityId, "opportunity.move", now,
                        AuditFields.move(target, targetProbability, now, historyLength + 1));
                audit.execute();
            }
            return true;
        });
    }

    /** The funnel as one SQL aggregation: count and amount of open deals per stage, count and amount of closed ones. */
    Map<String, BigDecimal[]> funnelSql() {
        return inTransaction(connection -> {
            Map<String, BigDecimal[]> funnel = new LinkedHashMap<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT CASE WHEN status = 'OPEN' THEN stage ELSE status END AS bucket, COUNT(*),
                        SUM(expected_amount), SUM(expected_amount * probability / 100)
                    FROM kehu_opportunity
                    WHERE tenant_id = ? AND pipeline_id = ?
                    GROUP BY CASE WHEN status = 'OPEN' THEN stage ELSE status END""")) {
                s.setString(1, tenant.value());
                s.setString(2, "standard");
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        funnel.put(row.getString(1), new BigDecimal[] {BigDecimal.valueOf(row.getLong(2)),
                                row.getBigDecimal(3), row.getBigDecimal(4)});
                    }
                }
            }
            return funnel;
        });
    }

    /** The weighted forecast by month of expected signing as one SQL aggregation. */
    Map<String, BigDecimal[]> forecastSql(LocalDate from, LocalDate to) {
        return inTransaction(connection -> {
            Map<String, BigDecimal[]> months = new LinkedHashMap<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT EXTRACT(YEAR FROM expected_signing_date) * 100 + EXTRACT(MONTH FROM expected_signing_date) AS ym,
                        COUNT(*), SUM(expected_amount), SUM(expected_amount * probability / 100),
                        SUM(CASE WHEN status = 'WON' THEN expected_amount ELSE 0 END)
                    FROM kehu_opportunity
                    WHERE tenant_id = ? AND status IN ('OPEN', 'WON')
                      AND expected_signing_date >= ? AND expected_signing_date <= ?
                    GROUP BY EXTRACT(YEAR FROM expected_signing_date) * 100 + EXTRACT(MONTH FROM expected_signing_date)
                    ORDER BY ym""")) {
                s.setString(1, tenant.value());
                s.setObject(2, from);
                s.setObject(3, to);
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        months.put(row.getString(1), new BigDecimal[] {BigDecimal.valueOf(row.getLong(2)),
                                row.getBigDecimal(3), row.getBigDecimal(4), row.getBigDecimal(5)});
                    }
                }
            }
            return months;
        });
    }

    /**
     * The funnel computed in the JVM from every row read over JDBC (stage, status, probability, amount): what a
     * report does that does not push its aggregation down.
     */
    Map<String, BigDecimal[]> funnelInJvm() {
        return inTransaction(connection -> {
            Map<String, BigDecimal[]> funnel = new LinkedHashMap<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT stage, status, probability, expected_amount FROM kehu_opportunity
                    WHERE tenant_id = ? AND pipeline_id = ?""")) {
                s.setString(1, tenant.value());
                s.setString(2, "standard");
                s.setFetchSize(1000);
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        String bucket = "OPEN".equals(row.getString(2)) ? row.getString(1) : row.getString(2);
                        BigDecimal amount = row.getBigDecimal(4);
                        BigDecimal[] sums = funnel.computeIfAbsent(bucket,
                                b -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                        sums[0] = sums[0].add(BigDecimal.ONE);
                        if (amount != null) {
                            sums[1] = sums[1].add(amount);
                            sums[2] = sums[2].add(amount.multiply(BigDecimal.valueOf(row.getInt(3), 2)));
                        }
                    }
                }
            }
            return funnel;
        });
    }

    /** The forecast computed in the JVM from every row in the window read over JDBC. */
    Map<String, BigDecimal[]> forecastInJvm(LocalDate from, LocalDate to) {
        return inTransaction(connection -> {
            Map<String, BigDecimal[]> months = new LinkedHashMap<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT expected_signing_date, status, probability, expected_amount FROM kehu_opportunity
                    WHERE tenant_id = ? AND status IN ('OPEN', 'WON')
                      AND expected_signing_date >= ? AND expected_signing_date <= ?""")) {
                s.setString(1, tenant.value());
                s.setObject(2, from);
                s.setObject(3, to);
                s.setFetchSize(1000);
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) {
                        LocalDate date = row.getObject(1, LocalDate.class);
                        String month = String.valueOf(date.getYear() * 100 + date.getMonthValue());
                        BigDecimal amount = row.getBigDecimal(4);
                        BigDecimal[] sums = months.computeIfAbsent(month, m -> new BigDecimal[] {BigDecimal.ZERO,
                                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                        sums[0] = sums[0].add(BigDecimal.ONE);
                        if (amount != null) {
                            sums[1] = sums[1].add(amount);
                            sums[2] = sums[2].add(amount.multiply(BigDecimal.valueOf(row.getInt(3), 2)));
                            if ("WON".equals(row.getString(2))) sums[3] = sums[3].add(amount);
                        }
                    }
                }
            }
            return months;
        });
    }

    /** The ids of active customers and of contacts (of active customers) with this E.164 number. */
    List<String> lookUpPhone(String e164) {
        return inTransaction(connection -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT id FROM kehu_customer WHERE tenant_id = ? AND status = 'ACTIVE' AND (phone = ? OR fax = ?)""")) {
                s.setString(1, tenant.value());
                s.setString(2, e164);
                s.setString(3, e164);
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) found.add(row.getString(1));
                }
            }
            try (PreparedStatement s = connection.prepareStatement("""
                    SELECT k.id FROM kehu_contact k JOIN kehu_customer c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id
                    WHERE k.tenant_id = ? AND c.status = 'ACTIVE'
                      AND (k.work_phone = ? OR k.mobile = ? OR k.home_phone = ? OR k.fax = ?)""")) {
                s.setString(1, tenant.value());
                for (int i = 2; i <= 5; i++) s.setString(i, e164);
                try (ResultSet row = s.executeQuery()) {
                    while (row.next()) found.add(row.getString(1));
                }
            }
            return found;
        });
    }

    private Set<String> takenNumbers(Connection connection, List<CleanRow> rows) throws SQLException {
        Set<String> taken = new HashSet<>();
        if (rows.isEmpty()) return taken;
        String marks = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT number FROM kehu_customer WHERE tenant_id = ? AND number IN (" + marks + ")")) {
            s.setString(1, tenant.value());
            for (int i = 0; i < rows.size(); i++) s.setString(i + 2, rows.get(i).number());
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) taken.add(row.getString(1));
            }
        }
        return taken;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Object utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }


    /** Batches of audit entries, their changes and their outbox events. */
    private final class Audit implements AutoCloseable {
        private final PreparedStatement entries;
        private final PreparedStatement changes;
        private final PreparedStatement outbox;

        Audit(Connection connection) throws SQLException {
            entries = connection.prepareStatement(INSERT_AUDIT_ENTRY);
            changes = connection.prepareStatement(INSERT_AUDIT_CHANGE);
            outbox = connection.prepareStatement(INSERT_OUTBOX);
        }

        void add(String recordType, String recordId, String action, Instant now, Map<String, String> fields)
                throws SQLException {
            String entryId = ids.next();
            entries.setString(1, tenant.value());
            entries.setString(2, entryId);
            entries.setString(3, actor.value());
            entries.setObject(4, utc(now));
            entries.setString(5, recordType);
            entries.setString(6, recordId);
            entries.setString(7, action);
            entries.addBatch();
            int index = 0;
            for (Map.Entry<String, String> field : fields.entrySet()) {
                changes.setString(1, tenant.value());
                changes.setString(2, entryId);
                changes.setInt(3, index++);
                changes.setString(4, field.getKey());
                changes.setNull(5, Types.VARCHAR);
                changes.setString(6, field.getValue());
                changes.addBatch();
            }
            int i = 1;
            outbox.setString(i++, tenant.value());
            outbox.setString(i++, ids.next());
            outbox.setString(i++, "event:" + entryId);
            outbox.setString(i++, action);
            outbox.setString(i++, recordType);
            outbox.setString(i++, recordId);
            outbox.setString(i++, actor.value());
            outbox.setObject(i++, utc(now));
            outbox.setString(i++, Json.object(fields));
            outbox.setObject(i, utc(now));
            outbox.addBatch();
        }

        void execute() throws SQLException {
            entries.executeBatch();
            changes.executeBatch();
            outbox.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            entries.close();
            changes.close();
            outbox.close();
        }
    }

    private <T> T inTransaction(Jdbc.SqlWork<T> work) {
        return Jdbc.inTransaction(dataSource, work);
    }
}
