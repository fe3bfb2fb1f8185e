package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.lead.Conversion;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadId;
import dev.kehu.crm.lead.LeadStatus;
import dev.kehu.crm.opportunity.OpportunityId;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_lead}. */
final class LeadRowMapper implements RowMapper<Lead> {
    private final Dialect dialect;

    LeadRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Lead map(ResultSet row) throws SQLException {
        CustomerId convertedTo = read(row, "converted_customer_id", CustomerId::new);
        Conversion conversion = convertedTo == null ? null : new Conversion(convertedTo,
                read(row, "converted_contact_id", ContactId::new),
                read(row, "converted_opportunity_id", OpportunityId::new));
        return new Lead(new LeadId(row.getString("id")), new TenantId(row.getString("tenant_id")),
                row.getString("source"), row.getString("company"), row.getString("person"),
                read(row, "phone", PhoneNumber::new), row.getString("email"), row.getString("notes"),
                read(row, "owner", UserId::new), LeadStatus.valueOf(row.getString("status")),
                row.getString("discard_reason"), conversion, dialect.getInstant(row, "created_at"),
                dialect.getInstant(row, "updated_at"), row.getLong("version"));
    }
}
