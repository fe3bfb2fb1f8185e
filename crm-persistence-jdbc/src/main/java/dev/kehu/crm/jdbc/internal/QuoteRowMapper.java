package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;

/** A row of {@code kehu_quote}, as a builder still missing the lines of {@code kehu_quote_line}. */
final class QuoteRowMapper implements RowMapper<Quote.Builder> {
    private final Dialect dialect;

    QuoteRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Quote.Builder map(ResultSet row) throws SQLException {
        return Quote.builder()
                .id(new QuoteId(row.getString("id")))
                .tenant(new TenantId(row.getString("tenant_id")))
                .customer(new CustomerId(row.getString("customer_id")))
                .opportunity(read(row, "opportunity_id", OpportunityId::new))
                .date(row.getObject("quote_date", LocalDate.class))
                .currency(Currency.getInstance(row.getString("currency")))
                .notes(row.getString("notes"))
                .status(QuoteStatus.valueOf(row.getString("status")))
                .revision(row.getInt("revision"))
                .previous(read(row, "previous_id", QuoteId::new))
                .createdAt(dialect.getInstant(row, "created_at"))
                .updatedAt(dialect.getInstant(row, "updated_at"))
                .version(row.getLong("version"));
    }
}
