package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contract.ContractId;
import dev.kehu.crm.contract.ContractStatus;
import dev.kehu.crm.contract.ContractStep;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_contract_step}. */
final class ContractStepRowMapper implements RowMapper<ContractStep> {
    private final Dialect dialect;

    ContractStepRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public ContractStep map(ResultSet row) throws SQLException {
        return new ContractStep(new ContractId(row.getString("contract_id")), row.getInt("sequence_no"),
                dialect.getInstant(row, "changed_at"), new UserId(row.getString("actor")),
                read(row, "from_status", ContractStatus::valueOf), ContractStatus.valueOf(row.getString("to_status")),
                row.getString("note"));
    }
}
