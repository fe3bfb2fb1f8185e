package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.contract.PaymentMilestone;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** A row of {@code kehu_contract_milestone}, read beside its contract's {@code currency}. */
final class PaymentMilestoneRowMapper implements RowMapper<PaymentMilestone> {
    @Override
    public PaymentMilestone map(ResultSet row) throws SQLException {
        return new PaymentMilestone(row.getObject("due_on", LocalDate.class),
                Columns.readMoney(row, "milestone_amount", "currency"), row.getString("description"),
                row.getObject("paid_on", LocalDate.class), Columns.readMoney(row, "paid_amount", "currency"));
    }
}
