package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.lead.Conversion;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadId;
import dev.kehu.crm.lead.LeadQuery;
import dev.kehu.crm.lead.Leads;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Leads in {@code kehu_lead}; the row's version guards against lost updates. */
public final class JdbcLeads implements Leads {
    private static final String COLUMNS = """
            l.tenant_id, l.id, l.source, l.company, l.person, l.phone, l.email, l.notes, l.owner, l.status,
            l.discard_reason, l.converted_customer_id, l.converted_contact_id, l.converted_opportunity_id,
            l.created_at, l.updated_at, l.version""";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_lead l
            WHERE l.tenant_id = :tenant_id AND l.id = :id""");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_lead (tenant_id, id, source, company, person, phone, email, notes, owner, status,
                discard_reason, converted_customer_id, converted_contact_id, converted_opportunity_id, created_at,
                updated_at, version)
            VALUES (:tenant_id, :id, :source, :company, :person, :phone, :email, :notes, :owner, :status,
                :discard_reason, :converted_customer_id, :converted_contact_id, :converted_opportunity_id, :created_at,
                :updated_at, :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_lead
            SET source = :source, company = :company, person = :person, phone = :phone, email = :email,
                notes = :notes, owner = :owner, status = :status, discard_reason = :discard_reason,
                converted_customer_id = :converted_customer_id, converted_contact_id = :converted_contact_id,
                converted_opportunity_id = :converted_opportunity_id, created_at = :created_at,
                updated_at = :updated_at, version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_lead", "id", INSERT, UPDATE);

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final LeadRowMapper mapper;

    public JdbcLeads(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.mapper = new LeadRowMapper(dialect);
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> FIND.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("id", id.value()), mapper).stream().findFirst());
    }

    @Override
    public Lead save(Lead lead) {
        requireNonNull(lead, "lead");
        return transactions.withConnection(connection -> {
            ROWS.write(connection, dialect, lead.tenant().value(), lead.id().value(), lead.version(),
                    s -> bindRow(s, lead),
                    () -> new StaleRecordException(Lead.RECORD_TYPE, lead.id().value(), lead.version()));
            return new Lead(lead.id(), lead.tenant(), lead.source(), lead.company(), lead.person(), lead.phone(),
                    lead.email(), lead.notes(), lead.owner(), lead.status(), lead.discardReason(), lead.conversion(),
                    lead.createdAt(), lead.updatedAt(), lead.version() + 1);
        });
    }

    @Override
    public List<Lead> matching(TenantId tenant, LeadQuery query) {
        requireNonNull(tenant, "tenant");
        requireNonNull(query, "query");
        // The SQL form of LeadQuery.matches.
        Where where = new Where().and("l.tenant_id = :tenant_id", "tenant_id", tenant.value());
        if (query.owner() != null) where.and("l.owner = :owner", "owner", query.owner().value());
        if (!query.statuses().isEmpty()) where.in("l.status", "status", query.statuses());
        NamedSql sql = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_lead l\nWHERE " + where.sql() + "\nORDER BY l.id");
        return transactions.withConnection(connection -> sql.list(connection, dialect, where::bind, mapper));
    }

    private static void bindRow(NamedSql.Bound statement, Lead l) throws SQLException {
        Conversion conversion = l.conversion();
        statement.string("tenant_id", l.tenant().value())
                .string("id", l.id().value())
                .string("source", l.source())
                .string("company", l.company())
                .string("person", l.person())
                .string("phone", text(l.phone()))
                .string("email", l.email())
                .string("notes", l.notes())
                .string("owner", text(l.owner()))
                .string("status", l.status().name())
                .string("discard_reason", l.discardReason())
                .string("converted_customer_id", conversion == null ? null : conversion.customer().value())
                .string("converted_contact_id", conversion == null ? null : text(conversion.contact()))
                .string("converted_opportunity_id", conversion == null ? null : conversion.opportunity().value())
                .instant("created_at", l.createdAt())
                .instant("updated_at", l.updatedAt());
    }
}
