package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.customer.Customers;
import dev.kehu.crm.customer.OrgUnit;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Customers in {@code kehu_customer}, their tags in {@code kehu_customer_tag} and their organisation units in
 * {@code kehu_customer_org_unit}. A save writes the three in the caller's transaction; the row's version
 * guards against lost updates.
 */
public final class JdbcCustomers implements Customers {
    private static final String COLUMNS = """
            c.tenant_id, c.id, c.type, c.name, c.mnemonic, c.number, c.gender, c.value_rating, c.credit_rating,
            c.category, c.industry, c.relationship, c.staff_size, c.source, c.lifecycle_stage, c.parent_id,
            c.country_or_region, c.province, c.city, c.postcode, c.street, c.phone, c.fax, c.email, c.website,
            c.notes, c.owner, c.status, c.merged_into, c.created_at, c.updated_at, c.version""";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_customer c
            WHERE c.tenant_id = :tenant_id AND c.id = :id""");

    private static final NamedSql FIND_BY_NUMBER = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_customer c
            WHERE c.tenant_id = :tenant_id AND c.number = :number""");

    private static final List<String> PHONE_COLUMNS = List.of("phone", "fax");

    private static final NamedSql CHILDREN_OF = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_customer c
            WHERE c.tenant_id = :tenant_id AND c.parent_id = :parent_id
            ORDER BY c.id""");

    private static final NamedSql MERGED_INTO = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_customer c
            WHERE c.tenant_id = :tenant_id AND c.merged_into = :survivor
            ORDER BY c.id""");

    /** The stored row of the same id (with its version) and any other row holding the same number. */
    /**
     * The stored row of the id and the row holding the number: two index look-ups. Written as one condition with
     * {@code OR}, H2 answers it by reading every customer of the tenant, which made each save cost as much as the
     * tenant has customers.
     */
    private static final NamedSql CONFLICTS = NamedSql.of("""
            SELECT id, version FROM kehu_customer WHERE tenant_id = :tenant_id AND id = :id
            UNION ALL
            SELECT id, version FROM kehu_customer WHERE tenant_id = :tenant_id AND number = :number""");

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_customer (tenant_id, id, type, name, name_lc, mnemonic, number, number_lc, gender,
                value_rating, credit_rating, category, industry, relationship, staff_size, source, lifecycle_stage,
                parent_id, country_or_region, province, city, postcode, street, phone, fax, email, email_lc,
                website, notes, owner, status, merged_into, created_at, updated_at, version)
            VALUES (:tenant_id, :id, :type, :name, :name_lc, :mnemonic, :number, :number_lc, :gender,
                :value_rating, :credit_rating, :category, :industry, :relationship, :staff_size, :source,
                :lifecycle_stage, :parent_id, :country_or_region, :province, :city, :postcode, :street, :phone, :fax,
                :email, :email_lc, :website, :notes, :owner, :status, :merged_into, :created_at, :updated_at,
                :new_version)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_customer
            SET type = :type, name = :name, name_lc = :name_lc, mnemonic = :mnemonic, number = :number,
                number_lc = :number_lc, gender = :gender, value_rating = :value_rating,
                credit_rating = :credit_rating, category = :category, industry = :industry,
                relationship = :relationship, staff_size = :staff_size, source = :source,
                lifecycle_stage = :lifecycle_stage, parent_id = :parent_id, country_or_region = :country_or_region,
                province = :province, city = :city, postcode = :postcode, street = :street, phone = :phone,
                fax = :fax, email = :email, email_lc = :email_lc, website = :website, notes = :notes,
                owner = :owner, status = :status, merged_into = :merged_into, created_at = :created_at,
                updated_at = :updated_at, version = :new_version
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final NamedSql DELETE_TAGS = NamedSql.of("""
            DELETE FROM kehu_customer_tag WHERE tenant_id = :tenant_id AND customer_id = :customer_id""");

    private static final NamedSql INSERT_TAG = NamedSql.of("""
            INSERT INTO kehu_customer_tag (tenant_id, customer_id, tag) VALUES (:tenant_id, :customer_id, :tag)""");

    private static final NamedSql DELETE_ORG_UNITS = NamedSql.of("""
            DELETE FROM kehu_customer_org_unit WHERE tenant_id = :tenant_id AND customer_id = :customer_id""");

    private static final NamedSql INSERT_ORG_UNIT = NamedSql.of("""
            INSERT INTO kehu_customer_org_unit (tenant_id, customer_id, unit_id, list_index, kind, name, parent_unit_id)
            VALUES (:tenant_id, :customer_id, :unit_id, :list_index, :kind, :name, :parent_unit_id)""");

    private static final String NUMBER_INDEX = "kehu_customer_number_uk";

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final CustomerRowMapper customerMapper;
    private final OrgUnitRowMapper orgUnitMapper = new OrgUnitRowMapper();
    private final NamedSql findByPhone;

    public JdbcCustomers(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.customerMapper = new CustomerRowMapper(dialect);
        this.findByPhone = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_customer c\nWHERE c.tenant_id = :tenant_id AND "
                + dialect.anyColumnEquals("kehu_customer", "c", PHONE_COLUMNS, "phone")
                + " AND c.status = 'ACTIVE'\nORDER BY c.id");
    }

    @Override
    public Optional<Customer> find(TenantId tenant, CustomerId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection ->
                first(load(connection, tenant, FIND, s -> s.string("tenant_id", tenant.value()).string("id", id.value()))));
    }

    @Override
    public Optional<Customer> findByNumber(TenantId tenant, String number) {
        requireNonNull(tenant, "tenant");
        requireNonNull(number, "number");
        return transactions.withConnection(connection -> first(load(connection, tenant, FIND_BY_NUMBER,
                s -> s.string("tenant_id", tenant.value()).string("number", number))));
    }

    @Override
    public Map<CustomerId, Customer> findAll(TenantId tenant, Collection<CustomerId> ids) {
        requireNonNull(tenant, "tenant");
        requireNonNull(ids, "ids");
        return transactions.withConnection(connection -> {
            Map<CustomerId, Customer> found = new HashMap<>();
            for (List<String> chunk : InList.chunks(ids.stream().map(CustomerId::value).collect(
                    java.util.stream.Collectors.toCollection(LinkedHashSet::new)))) {
                NamedSql sql = NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_customer c\nWHERE c.tenant_id = :tenant_id"
                        + " AND c.id IN (" + InList.names("id", chunk.size()) + ")");
                load(connection, tenant, sql, s -> {
                    s.string("tenant_id", tenant.value());
                    InList.bind(s, "id", chunk);
                }).forEach(c -> found.put(c.id(), c));
            }
            return found;
        });
    }

    @Override
    public Map<String, CustomerId> idsByNumber(TenantId tenant, Collection<String> numbers) {
        requireNonNull(tenant, "tenant");
        requireNonNull(numbers, "numbers");
        return transactions.withConnection(connection -> {
            Map<String, CustomerId> ids = new HashMap<>();
            for (List<String> chunk : InList.chunks(new LinkedHashSet<>(numbers))) {
                NamedSql sql = NamedSql.of("SELECT id, number FROM kehu_customer"
                        + " WHERE tenant_id = :tenant_id AND number IN (" + InList.names("number", chunk.size()) + ")");
                sql.list(connection, dialect, s -> {
                    s.string("tenant_id", tenant.value());
                    InList.bind(s, "number", chunk);
                }, row -> Map.entry(row.getString("number"), new CustomerId(row.getString("id"))))
                        .forEach(held -> ids.put(held.getKey(), held.getValue()));
            }
            return ids;
        });
    }

    @Override
    public List<Customer> findByPhone(TenantId tenant, PhoneNumber phone) {
        requireNonNull(tenant, "tenant");
        requireNonNull(phone, "phone");
        return transactions.withConnection(connection -> load(connection, tenant, findByPhone,
                s -> s.string("tenant_id", tenant.value()).string("phone", phone.e164())));
    }

    @Override
    public List<Customer> childrenOf(TenantId tenant, CustomerId parent) {
        requireNonNull(tenant, "tenant");
        requireNonNull(parent, "parent");
        return transactions.withConnection(connection -> load(connection, tenant, CHILDREN_OF,
                s -> s.string("tenant_id", tenant.value()).string("parent_id", parent.value())));
    }

    @Override
    public List<Customer> mergedInto(TenantId tenant, CustomerId survivor) {
        requireNonNull(tenant, "tenant");
        requireNonNull(survivor, "survivor");
        return transactions.withConnection(connection -> load(connection, tenant, MERGED_INTO,
                s -> s.string("tenant_id", tenant.value()).string("survivor", survivor.value())));
    }

    @Override
    public Page<Customer> page(TenantId tenant, CustomerQuery query, PageRequest<CustomerSort> request) {
        requireNonNull(tenant, "tenant");
        requireNonNull(query, "query");
        requireNonNull(request, "request");
        Where where = where(tenant, query);
        return transactions.withConnection(connection -> Paging.page(connection, dialect, COLUMNS, "kehu_customer c", where,
                orderBy(request), request, (c, sql, binder) -> load(c, tenant, sql, binder)));
    }

    /** The SQL form of {@link CustomerQuery#matches}. */
    private Where where(TenantId tenant, CustomerQuery query) {
        Where where = new Where().and("c.tenant_id = :tenant_id", "tenant_id", tenant.value());
        if (!query.includeClosed()) {
            where.and("c.status = 'ACTIVE'");
        }
        if (query.text() != null) {
            where.and("(c.name_lc LIKE :text_contains ESCAPE '!' OR c.mnemonic LIKE :text_prefix ESCAPE '!'"
                            + " OR c.number_lc = :text)",
                    "text_contains", SearchKeys.contains(query.text()),
                    "text_prefix", SearchKeys.startsWith(query.text()),
                    "text", query.text());
        }
        if (query.phone() != null) {
            where.and(dialect.anyColumnEquals("kehu_customer", "c", PHONE_COLUMNS, "phone"), "phone",
                    query.phone().e164());
        }
        if (query.email() != null) {
            where.and("c.email_lc = :email", "email", query.email());
        }
        if (query.owner() != null) {
            where.and("c.owner = :owner", "owner", query.owner().value());
        }
        if (query.tag() != null) {
            where.and("EXISTS (SELECT 1 FROM kehu_customer_tag t"
                    + " WHERE t.tenant_id = c.tenant_id AND t.customer_id = c.id AND t.tag = :tag)", "tag", query.tag());
        }
        return where;
    }

    /** The order of {@link CustomerSort}; a descending order is the exact reverse of the ascending one. */
    private String orderBy(PageRequest<CustomerSort> request) {
        String direction = request.direction() == PageRequest.Direction.ASCENDING ? "ASC" : "DESC";
        String byId = "c.id " + direction;
        return switch (request.sortBy()) {
            case NAME -> dialect.textOrder("c.mnemonic") + " " + direction + ", " + byId;
            case NUMBER -> "CASE WHEN c.number IS NULL THEN 1 ELSE 0 END " + direction
                    + ", " + dialect.textOrder("c.number") + " " + direction + ", " + byId;
            case CREATED_AT -> "c.created_at " + direction + ", " + byId;
            case UPDATED_AT -> "c.updated_at " + direction + ", " + byId;
        };
    }

    @Override
    public Customer save(Customer customer) {
        requireNonNull(customer, "customer");
        return transactions.withConnection(connection -> {
            Long storedVersion = null;
            boolean numberTaken = false;
            try (NamedSql.Bound statement = CONFLICTS.prepare(connection, dialect)) {
                statement.string("tenant_id", customer.tenant().value())
                        .string("id", customer.id().value())
                        .string("number", customer.number());
                try (ResultSet rows = statement.query()) {
                    while (rows.next()) {
                        if (customer.id().value().equals(rows.getString("id"))) storedVersion = rows.getLong("version");
                        else numberTaken = true;
                    }
                }
            }
            boolean insert = customer.version() == 0;
            if (insert ? storedVersion != null : storedVersion == null || storedVersion != customer.version()) {
                throw stale(customer);
            }
            if (numberTaken) {
                throw duplicateNumber(customer);
            }
            writeRow(connection, customer, insert);
            writeTags(connection, customer, insert);
            writeOrgUnits(connection, customer, insert);
            return customer.toBuilder().version(customer.version() + 1).build();
        });
    }

    /** Every row in batches: the customers, their tags, their organisation units; the constraints refuse conflicts. */
    @Override
    public List<Customer> insertAll(List<Customer> customers) {
        customers.forEach(Customers::requireNew);
        return transactions.withConnection(connection -> {
            try {
                INSERT.batch(connection, dialect, customers, JdbcCustomers::bindRow);
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e) && SqlErrors.names(e, NUMBER_INDEX)) {
                    throw new DuplicateRecordException(Customer.RECORD_TYPE,
                            "a customer number of the batch is already taken: " + e.getMessage());
                }
                if (SqlErrors.isUniqueViolation(e) || SqlErrors.isConcurrencyConflict(e)) {
                    throw new StaleRecordException(Customer.RECORD_TYPE, "of a batch of " + customers.size(), 0);
                }
                throw e;
            }
            List<Map.Entry<Customer, String>> tags = new ArrayList<>();
            List<Map.Entry<Customer, Integer>> units = new ArrayList<>();
            for (Customer customer : customers) {
                new TreeSet<>(customer.tags()).forEach(tag -> tags.add(Map.entry(customer, tag)));
                for (int i = 0; i < customer.organisation().size(); i++) units.add(Map.entry(customer, i));
            }
            INSERT_TAG.batch(connection, dialect, tags, (s, tag) -> {
                bindParent(s, tag.getKey());
                s.string("tag", tag.getValue());
            });
            INSERT_ORG_UNIT.batch(connection, dialect, units, (s, unit) -> {
                bindParent(s, unit.getKey());
                bindOrgUnit(s, unit.getKey().organisation().get(unit.getValue()), unit.getValue());
            });
            return customers.stream().map(c -> c.toBuilder().version(1).build()).toList();
        });
    }

    private void writeRow(Connection connection, Customer customer, boolean insert) throws SQLException {
        try (NamedSql.Bound statement = (insert ? INSERT : UPDATE).prepare(connection, dialect)) {
            bindRow(statement, customer);
            if (!insert) statement.bigint("version", customer.version());
            if (statement.update() == 0) {
                throw stale(customer);
            }
        } catch (SQLException e) {
            // Only a concurrent transaction gets here: the checks above saw no conflict.
            if (SqlErrors.isUniqueViolation(e)) {
                throw insert && !SqlErrors.names(e, NUMBER_INDEX) ? stale(customer) : duplicateNumber(customer);
            }
            if (SqlErrors.isConcurrencyConflict(e)) {
                throw stale(customer);
            }
            throw e;
        }
    }

    private static void bindRow(NamedSql.Bound statement, Customer c) throws SQLException {
        statement.string("tenant_id", c.tenant().value())
                .string("id", c.id().value())
                .string("type", c.type().name())
                .string("name", c.name())
                .string("name_lc", SearchKeys.lowerCase(c.name()))
                .string("mnemonic", c.mnemonic())
                .string("number", c.number())
                .string("number_lc", SearchKeys.lowerCase(c.number()))
                .string("gender", text(c.gender()))
                .string("value_rating", c.valueRating().name())
                .string("credit_rating", c.creditRating().name())
                .string("category", c.category().name())
                .string("industry", c.industry())
                .string("relationship", c.relationship().name())
                .integer("staff_size", c.staffSize())
                .string("source", c.source())
                .string("lifecycle_stage", c.lifecycleStage().name())
                .string("parent_id", text(c.parent()))
                .string("country_or_region", c.address().countryOrRegion())
                .string("province", c.address().province())
                .string("city", c.address().city())
                .string("postcode", c.address().postcode())
                .string("street", c.address().street())
                .string("phone", text(c.phone()))
                .string("fax", text(c.fax()))
                .string("email", c.email())
                .string("email_lc", SearchKeys.lowerCase(c.email()))
                .string("website", c.website())
                .string("notes", c.notes())
                .string("owner", text(c.owner()))
                .string("status", c.status().name())
                .string("merged_into", text(c.mergedInto()))
                .instant("created_at", c.createdAt())
                .instant("updated_at", c.updatedAt())
                .bigint("new_version", c.version() + 1);
    }

    private void writeTags(Connection connection, Customer customer, boolean insert) throws SQLException {
        ChildRows.replace(connection, dialect, DELETE_TAGS, INSERT_TAG, insert, s -> bindParent(s, customer),
                List.copyOf(new TreeSet<>(customer.tags())), (s, tag, index) -> s.string("tag", tag));
    }

    private void writeOrgUnits(Connection connection, Customer customer, boolean insert) throws SQLException {
        ChildRows.replace(connection, dialect, DELETE_ORG_UNITS, INSERT_ORG_UNIT, insert, s -> bindParent(s, customer),
                customer.organisation(), (s, unit, index) -> bindOrgUnit(s, unit, index));
    }

    private static void bindOrgUnit(NamedSql.Bound statement, OrgUnit unit, int index) throws SQLException {
        statement.string("unit_id", unit.id().value())
                .integer("list_index", index)
                .string("kind", unit.kind().name())
                .string("name", unit.name())
                .string("parent_unit_id", text(unit.parent()));
    }

    private static void bindParent(NamedSql.Bound statement, Customer customer) throws SQLException {
        statement.string("tenant_id", customer.tenant().value()).string("customer_id", customer.id().value());
    }

    /** The customers {@code sql} selects, in its order, with their tags and organisation units. */
    private List<Customer> load(Connection connection, TenantId tenant, NamedSql sql, NamedSql.Binder binder)
            throws SQLException {
        Map<String, Customer.Builder> found = new LinkedHashMap<>();
        try (NamedSql.Bound statement = sql.prepare(connection, dialect)) {
            binder.bind(statement);
            try (ResultSet rows = statement.query()) {
                while (rows.next()) {
                    found.put(rows.getString("id"), customerMapper.map(rows));
                }
            }
        }
        if (found.isEmpty()) return List.of();
        Map<String, Set<String>> tags = new HashMap<>();
        Map<String, List<OrgUnit>> units = new HashMap<>();
        for (List<String> ids : InList.chunks(found.keySet())) {
            // Tags and organisation units in one statement, a round trip less for every customer read.
            String in = "customer_id IN (" + InList.names("id", ids.size()) + ")";
            NamedSql childSql = NamedSql.of("SELECT customer_id, tag, NULL AS unit_id, NULL AS kind, NULL AS name,"
                    + " NULL AS parent_unit_id, 0 AS list_index FROM kehu_customer_tag"
                    + " WHERE tenant_id = :tenant_id AND " + in
                    + "\nUNION ALL\nSELECT customer_id, NULL, unit_id, kind, name, parent_unit_id, list_index"
                    + " FROM kehu_customer_org_unit WHERE tenant_id = :tenant_id AND " + in
                    + "\nORDER BY customer_id, list_index");
            try (NamedSql.Bound statement = childSql.prepare(connection, dialect)) {
                statement.string("tenant_id", tenant.value());
                InList.bind(statement, "id", ids);
                try (ResultSet rows = statement.query()) {
                    while (rows.next()) {
                        String customer = rows.getString("customer_id");
                        String tag = rows.getString("tag");
                        if (tag != null) tags.computeIfAbsent(customer, id -> new TreeSet<>()).add(tag);
                        else units.computeIfAbsent(customer, id -> new ArrayList<>()).add(orgUnitMapper.map(rows));
                    }
                }
            }
        }
        List<Customer> customers = new ArrayList<>(found.size());
        found.forEach((id, builder) -> customers.add(builder
                .tags(tags.getOrDefault(id, Set.of()))
                .organisation(units.getOrDefault(id, List.of()))
                .build()));
        return customers;
    }

    private static Optional<Customer> first(List<Customer> customers) {
        return customers.isEmpty() ? Optional.empty() : Optional.of(customers.get(0));
    }

    private static StaleRecordException stale(Customer customer) {
        return new StaleRecordException(Customer.RECORD_TYPE, customer.id().value(), customer.version());
    }

    private static DuplicateRecordException duplicateNumber(Customer customer) {
        return new DuplicateRecordException(Customer.RECORD_TYPE, "customer number " + customer.number()
                + " is already taken in tenant " + customer.tenant());
    }
}
