package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.read;

import dev.kehu.crm.common.Address;
import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerCategory;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerStatus;
import dev.kehu.crm.customer.CustomerType;
import dev.kehu.crm.customer.LifecycleStage;
import dev.kehu.crm.customer.Rating;
import dev.kehu.crm.customer.RelationshipLevel;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of {@code kehu_customer}, as a builder still missing the tags and organisation units of its child tables. */
final class CustomerRowMapper implements RowMapper<Customer.Builder> {
    private final Dialect dialect;

    CustomerRowMapper(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Customer.Builder map(ResultSet row) throws SQLException {
        return Customer.builder()
                .id(new CustomerId(row.getString("id")))
                .tenant(new TenantId(row.getString("tenant_id")))
                .type(CustomerType.valueOf(row.getString("type")))
                .name(row.getString("name"))
                .mnemonic(row.getString("mnemonic"))
                .number(row.getString("number"))
                .gender(read(row, "gender", Gender::valueOf))
                .valueRating(Rating.valueOf(row.getString("value_rating")))
                .creditRating(Rating.valueOf(row.getString("credit_rating")))
                .category(CustomerCategory.valueOf(row.getString("category")))
                .industry(row.getString("industry"))
                .relationship(RelationshipLevel.valueOf(row.getString("relationship")))
                .staffSize(Columns.readInteger(row, "staff_size"))
                .source(row.getString("source"))
                .lifecycleStage(LifecycleStage.valueOf(row.getString("lifecycle_stage")))
                .parent(read(row, "parent_id", CustomerId::new))
                .address(new Address(row.getString("country_or_region"), row.getString("province"),
                        row.getString("city"), row.getString("postcode"), row.getString("street")))
                .phone(read(row, "phone", PhoneNumber::new))
                .fax(read(row, "fax", PhoneNumber::new))
                .email(row.getString("email"))
                .website(row.getString("website"))
                .notes(row.getString("notes"))
                .owner(read(row, "owner", UserId::new))
                .status(CustomerStatus.valueOf(row.getString("status")))
                .mergedInto(read(row, "merged_into", CustomerId::new))
                .createdAt(dialect.getInstant(row, "created_at"))
                .updatedAt(dialect.getInstant(row, "updated_at"))
                .version(row.getLong("version"));
    }
}
