package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxStatus;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_outbox_message}. */
final class OutboxMessageRowMapper implements RowMapper<OutboxMessage> {
    private final Dialect dialect;

    OutboxMessageRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public OutboxMessage map(ResultSet row) throws SQLException {
        return new OutboxMessage(row.getString("id"), new TenantId(row.getString("tenant_id")),
                OutboxKind.valueOf(row.getString("kind")), row.getString("idempotency_key"), row.getString("topic"),
                row.getString("record_type"), row.getString("record_id"), read(row, "recipient", UserId::new),
                new UserId(row.getString("actor")), dialect.getInstant(row, "created_at"),
                OutboxData.read(row.getString("data")), OutboxStatus.valueOf(row.getString("status")),
                row.getInt("attempts"), dialect.getInstant(row, "next_attempt_at"), row.getString("last_error"),
                dialect.getInstant(row, "delivered_at"), row.getLong("version"));
    }
}
