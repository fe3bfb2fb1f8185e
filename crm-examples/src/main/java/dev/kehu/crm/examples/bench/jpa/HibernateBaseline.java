package dev.kehu.crm.examples.bench.jpa;

import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.examples.bench.AuditFields;
import dev.kehu.crm.examples.bench.CleanRow;
import dev.kehu.crm.examples.bench.ImportRows;
import dev.kehu.crm.examples.bench.Json;
import dev.kehu.crm.examples.bench.StageMoves;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The peer: the same operations with Hibernate ORM over JPA entities that map Kehu's tables, set up as one would
 * for throughput: assigned ids (no identity column in the way of batching), JDBC batches of 50 with inserts and
 * updates ordered, versioned updates batched, no second-level cache, the schema left alone, a session per chunk
 * or operation, and only the changed columns updated.
 */
public final class HibernateBaseline implements AutoCloseable {
    private final SessionFactory sessions;
    private final Clock clock;
    private final IdGenerator ids;
    private final String tenant;
    private final String actor;

    public HibernateBaseline(DataSource dataSource, Clock clock, IdGenerator ids, String tenant, String actor) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(CustomerEntity.class).addAnnotatedClass(ContactEntity.class)
                .addAnnotatedClass(OpportunityEntity.class).addAnnotatedClass(StageChangeEntity.class)
                .addAnnotatedClass(AuditEntryEntity.class).addAnnotatedClass(OutboxMessageEntity.class);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
        configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        configuration.setProperty(AvailableSettings.ORDER_UPDATES, "true");
        configuration.setProperty(AvailableSettings.BATCH_VERSIONED_DATA, "true");
        configuration.setProperty(AvailableSettings.USE_SECOND_LEVEL_CACHE, "false");
        configuration.setProperty(AvailableSettings.XML_MAPPING_ENABLED, "false");
        configuration.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
        this.sessions = configuration.buildSessionFactory();
        this.clock = clock;
        this.ids = ids;
        this.tenant = tenant;
        this.actor = actor;
    }

    /**
     * Imports the rows in one transaction: one query for the numbers already taken, then the entities persisted and
     * flushed in batches.
     *
     * @return how many customers were written
     */
    public int importChunk(List<ImportRows.Row> rows) {
        return sessions.fromTransaction(session -> {
            List<CleanRow> clean = new ArrayList<>();
            for (ImportRows.Row row : rows) {
                CleanRow c = CleanRow.of(row);
                if (c != null) clean.add(c);
            }
            Set<String> taken = new HashSet<>(session.createSelectionQuery(
                            "select c.number from CustomerEntity c where c.tenantId = :tenant and c.number in :numbers",
                            String.class)
                    .setParameter("tenant", tenant)
                    .setParameterList("numbers", clean.stream().map(CleanRow::number).toList())
                    .getResultList());
            Instant now = now();
            int imported = 0;
            for (CleanRow row : clean) {
                if (!taken.add(row.number())) continue;
                CustomerEntity customer = new CustomerEntity(tenant, ids.next());
                customer.type = row.individual() ? "INDIVIDUAL" : "COMPANY";
                customer.name = row.name();
                customer.nameLc = row.name().toLowerCase(Locale.ROOT);
                customer.mnemonic = row.mnemonic();
                customer.number = row.number();
                customer.numberLc = row.number().toLowerCase(Locale.ROOT);
                customer.city = row.city();
                customer.phone = row.phone();
                customer.email = row.email();
                customer.emailLc = row.email();
                customer.owner = actor;
                customer.createdAt = now;
                customer.updatedAt = now;
                session.persist(customer);
                audit(session, "customer", customer.id, "customer.create", now, AuditFields.customer(row, actor));
                for (CleanRow.CleanContact c : row.contacts()) {
                    ContactEntity contact = new ContactEntity(tenant, ids.next());
                    contact.customerId = customer.id;
                    contact.name = c.name();
                    contact.nameLc = c.name().toLowerCase(Locale.ROOT);
                    contact.mnemonic = c.mnemonic();
                    contact.primary = c.primary();
                    contact.position = c.position();
                    contact.mobile = c.mobile();
                    contact.email = c.email();
                    contact.emailLc = c.email();
                    contact.createdAt = now;
                    contact.updatedAt = now;
                    session.persist(contact);
                    audit(session, "contact", contact.id, "contact.create", now, AuditFields.contact(customer.id, c));
                }
                imported++;
            }
            return imported;
        });
    }

    /** Makes the workload's next move of the opportunity ({@link StageMoves}) in one transaction. */
    public boolean moveStage(String opportunityId) {
        return sessions.fromTransaction(session -> {
            OpportunityEntity o = session.find(OpportunityEntity.class, new TenantKey(tenant, opportunityId));
            if (o == null || !"OPEN".equals(o.status)) return false;
            int from = StageMoves.STAGES.indexOf(o.stage);
            int to = StageMoves.target(from, StageMoves.STAGES.size());
            if (to < 0) return false;
            Instant now = now();
            StageChangeEntity line = new StageChangeEntity(tenant, opportunityId, o.historyLength + 1);
            line.changedAt = now;
            line.actor = actor;
            line.fromStage = o.stage;
            line.fromProbability = o.probability;
            line.fromStatus = o.status;
            o.stage = StageMoves.STAGES.get(to);
            o.probability = StageMoves.defaultProbability(o.stage);
            o.stageNote = StageMoves.note(from, to);
            o.stageEnteredAt = now;
            o.historyLength++;
            o.updatedAt = now;
            line.toStage = o.stage;
            line.toProbability = o.probability;
            line.toStatus = o.status;
            line.note = o.stageNote;
            session.persist(line);
            audit(session, "opportunity", opportunityId, "opportunity.move", now,
                    AuditFields.move(o.stage, o.probability, now, o.historyLength));
            return true;
        });
    }

    private void audit(Session session, String recordType, String recordId, String action, Instant now,
                       Map<String, String> fields) {
        AuditEntryEntity entry = new AuditEntryEntity(tenant, ids.next());
        entry.actor = actor;
        entry.recordedAt = now;
        entry.recordType = recordType;
        entry.recordId = recordId;
        entry.action = action;
        fields.forEach((field, value) -> entry.changes.add(new AuditEntryEntity.Change(field, value)));
        session.persist(entry);
        OutboxMessageEntity event = new OutboxMessageEntity(tenant, ids.next());
        event.idempotencyKey = "event:" + entry.id;
        event.topic = action;
        event.recordType = recordType;
        event.recordId = recordId;
        event.actor = actor;
        event.createdAt = now;
        event.data = Json.object(fields);
        event.nextAttemptAt = now;
        session.persist(event);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }


    @Override
    public void close() {
        sessions.close();
    }
}
