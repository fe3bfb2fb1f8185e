package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.quote.Quotes;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Quotes in {@code kehu_quote}, their lines in {@code kehu_quote_line}. A save writes both in the caller's
 * transaction; the quote row's version guards against lost updates.
 */
public final class JdbcQuotes implements Quotes {
    /** A quote and its lines, one joined row per line, in the order of the lines. */
    private static final String SELECT = """
            SELECT q.tenant_id, q.id, q.customer_id, q.opportunity_id, q.quote_date, q.currency, q.notes, q.status,
                q.revision, q.previous_id, q.created_at, q.updated_at, q.version,
                l.line_index, l.product, l.quantity, l.unit_price, l.discount_percent
            FROM kehu_quote q
            LEFT JOIN kehu_quote_line l ON l.tenant_id = q.tenant_id AND l.quote_id = q.id
            """;

    private static final NamedSql FIND = NamedSql.of(SELECT + """
            WHERE q.tenant_id = :tenant_id AND q.id = :id
            ORDER BY l.line_index""");

    private static final NamedSql OF_OPPORTUNITY = NamedSql.of(SELECT + """
            WHERE q.tenant_id = :tenant_id AND q.opportunity_id = :opportunity_id
            ORDER BY q.quote_date, q.id, l.line_index""");

    /** Served by {@code kehu_quote_opportunity_ix (tenant_id, opportunity_id, quote_date, id)}. */
    private static final NamedSql ANY_SENT = NamedSql.of("""
            SELECT 1 AS found FROM kehu_quote
            WHERE tenant_id = :tenant_id AND opportunity_id = :opportunity_id AND status <> 'DRAFT'
            LIMIT 1""");

    private static final NamedSql OF_CUSTOMER = NamedSql.of(SELECT + """
            WHERE q.tenant_id = :tenant_id AND q.customer_id = :customer_id
            ORDER BY q.quote_date, q.id, l.line_index""");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_quote (tenant_id, id, customer_id, opportunity_id, quote_date, currency, notes, status,
                revision, previous_id, created_at, updated_at, version)
            VALUES (:tenant_id, :id, :customer_id, :opportunity_id, :quote_date, :currency, :notes, :status,
                :revision, :previous_id, :created_at, :updated_at, :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_quote
            SET customer_id = :customer_id, opportunity_id = :opportunity_id, quote_date = :quote_date,
                currency = :currency, notes = :notes, status = :status, revision = :revision,
                previous_id = :previous_id, created_at = :created_at, updated_at = :updated_at, version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_quote", "id", INSERT, UPDATE);

    private static final NamedSql DELETE_LINES = NamedSql.of("""
            DELETE FROM kehu_quote_line WHERE tenant_id = :tenant_id AND quote_id = :quote_id""");

    private static final NamedSql INSERT_LINE = NamedSql.of("""
            INSERT INTO kehu_quote_line (tenant_id, quote_id, line_index, product, quantity, unit_price,
                discount_percent)
            VALUES (:tenant_id, :quote_id, :line_index, :product, :quantity, :unit_price, :discount_percent)""");

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final ChildRows<Quote.Builder, QuoteLine, Quote> rows;

    public JdbcQuotes(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.rows = new ChildRows<>(new QuoteRowMapper(dialect), new QuoteLineRowMapper(), "line_index",
                (quote, lines) -> quote.lines(lines).build());
    }

    @Override
    public Optional<Quote> find(TenantId tenant, QuoteId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> rows.load(connection, dialect, FIND,
                s -> s.string("tenant_id", tenant.value()).string("id", id.value())).stream().findFirst());
    }

    @Override
    public Quote save(Quote quote) {
        requireNonNull(quote, "quote");
        // Checked before anything is written, so that a value the columns cannot keep leaves no trace.
        QuoteLineRowMapper.checkFits(quote.lines());
        return transactions.withConnection(connection -> {
            boolean inserted = ROWS.write(connection, dialect, quote.tenant().value(), quote.id().value(),
                    quote.version(), s -> bindRow(s, quote),
                    () -> new StaleRecordException(Quote.RECORD_TYPE, quote.id().value(), quote.version()));
            ChildRows.replace(connection, dialect, DELETE_LINES, INSERT_LINE, inserted,
                    s -> s.string("tenant_id", quote.tenant().value()).string("quote_id", quote.id().value()),
                    quote.lines(), QuoteLineRowMapper::bind);
            return quote.toBuilder().version(quote.version() + 1).build();
        });
    }

    @Override
    public List<Quote> ofOpportunity(TenantId tenant, OpportunityId opportunity) {
        requireNonNull(tenant, "tenant");
        requireNonNull(opportunity, "opportunity");
        return transactions.withConnection(connection -> rows.load(connection, dialect, OF_OPPORTUNITY,
                s -> s.string("tenant_id", tenant.value()).string("opportunity_id", opportunity.value())));
    }

    @Override
    public boolean anySentFor(TenantId tenant, OpportunityId opportunity) {
        requireNonNull(tenant, "tenant");
        requireNonNull(opportunity, "opportunity");
        return transactions.withConnection(connection -> !ANY_SENT.list(connection, dialect,
                s -> s.string("tenant_id", tenant.value()).string("opportunity_id", opportunity.value()),
                row -> Boolean.TRUE).isEmpty());
    }

    @Override
    public List<Quote> ofCustomer(TenantId tenant, CustomerId customer) {
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        return transactions.withConnection(connection -> rows.load(connection, dialect, OF_CUSTOMER,
                s -> s.string("tenant_id", tenant.value()).string("customer_id", customer.value())));
    }

    private static void bindRow(NamedSql.Bound statement, Quote q) throws SQLException {
        statement.string("tenant_id", q.tenant().value())
                .string("id", q.id().value())
                .string("customer_id", q.customer().value())
                .string("opportunity_id", text(q.opportunity()))
                .date("quote_date", q.date())
                .string("currency", q.currency().getCurrencyCode())
                .string("notes", q.notes())
                .string("status", q.status().name())
                .integer("revision", q.revision())
                .string("previous_id", text(q.previous()))
                .instant("created_at", q.createdAt())
                .instant("updated_at", q.updatedAt());
    }
}
