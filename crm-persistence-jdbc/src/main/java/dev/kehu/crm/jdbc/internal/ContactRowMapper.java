package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactCategory;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.OrgUnitId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** A row of {@code kehu_contact}. */
final class ContactRowMapper implements RowMapper<Contact> {
    private final Dialect dialect;

    ContactRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Contact map(ResultSet row) throws SQLException {
        return Contact.builder()
                .id(new ContactId(row.getString("id")))
                .tenant(new TenantId(row.getString("tenant_id")))
                .customer(new CustomerId(row.getString("customer_id")))
                .name(row.getString("name"))
                .mnemonic(row.getString("mnemonic"))
                .gender(read(row, "gender", Gender::valueOf))
                .category(ContactCategory.valueOf(row.getString("category")))
                .responsibility(row.getString("responsibility"))
                .salutation(row.getString("salutation"))
                .primary(row.getBoolean("is_primary"))
                .department(row.getString("department"))
                .position(row.getString("position_name"))
                .orgUnit(read(row, "org_unit_id", OrgUnitId::new))
                .workPhone(read(row, "work_phone", PhoneNumber::new))
                .fax(read(row, "fax", PhoneNumber::new))
                .mobile(read(row, "mobile", PhoneNumber::new))
                .homePhone(read(row, "home_phone", PhoneNumber::new))
                .email(row.getString("email"))
                .messenger(row.getString("messenger"))
                .homeAddress(row.getString("home_address"))
                .birthday(row.getObject("birthday", LocalDate.class))
                .hobbies(row.getString("hobbies"))
                .notes(row.getString("notes"))
                .createdAt(dialect.getInstant(row, "created_at"))
                .updatedAt(dialect.getInstant(row, "updated_at"))
                .version(row.getLong("version"))
                .build();
    }
}
