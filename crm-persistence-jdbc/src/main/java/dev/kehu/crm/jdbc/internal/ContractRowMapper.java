package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractId;
import dev.kehu.crm.contract.ContractStatus;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.quote.QuoteId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;

/** A row of {@code kehu_contract}, as a builder still missing the milestones of {@code kehu_contract_milestone}. */
final class ContractRowMapper implements RowMapper<Contract.Builder> {
    private final Dialect dialect;

    ContractRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Contract.Builder map(ResultSet row) throws SQLException {
        return Contract.builder()
                .id(new ContractId(row.getString("id")))
                .tenant(new TenantId(row.getString("tenant_id")))
                .number(row.getString("number"))
                .customer(new CustomerId(row.getString("customer_id")))
                .owner(new UserId(row.getString("owner")))
                .ourParty(row.getString("our_party"))
                .theirParty(row.getString("their_party"))
                .opportunity(read(row, "opportunity_id", OpportunityId::new))
                .quote(read(row, "quote_id", QuoteId::new))
                .signingDate(row.getObject("signing_date", LocalDate.class))
                .startDate(row.getObject("start_date", LocalDate.class))
                .endDate(row.getObject("end_date", LocalDate.class))
                .currency(Currency.getInstance(row.getString("currency")))
                .amount(Columns.readMoney(row, "amount", "currency"))
                .terms(row.getString("terms"))
                .status(ContractStatus.valueOf(row.getString("status")))
                .rejectionReason(row.getString("rejection_reason"))
                .terminationReason(row.getString("termination_reason"))
                .predecessor(read(row, "predecessor_id", ContractId::new))
                .historyLength(row.getInt("history_length"))
                .createdAt(dialect.getInstant(row, "created_at"))
                .updatedAt(dialect.getInstant(row, "updated_at"))
                .version(row.getLong("version"));
    }
}
