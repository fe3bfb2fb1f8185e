package dev.kehu.crm.jdbc.internal;

import static dev.kehu.crm.jdbc.internal.Columns.text;
import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Page;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contact.BirthdayWindow;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contact.ContactQuery;
import dev.kehu.crm.contact.ContactSort;
import dev.kehu.crm.contact.Contacts;
import dev.kehu.crm.customer.CustomerId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Contacts in {@code kehu_contact}; the row's version guards against lost updates. */
public final class JdbcContacts implements Contacts {
    private static final String COLUMNS = """
            k.tenant_id, k.id, k.customer_id, k.name, k.mnemonic, k.gender, k.category, k.responsibility,
            k.salutation, k.is_primary, k.department, k.position_name, k.org_unit_id, k.work_phone, k.fax, k.mobile,
            k.home_phone, k.email, k.messenger, k.home_address, k.birthday, k.hobbies, k.notes, k.created_at,
            k.updated_at, k.version""";

    private static final NamedSql FIND = NamedSql.of("SELECT " + COLUMNS + """

            FROM kehu_contact k
            WHERE k.tenant_id = :tenant_id AND k.id = :id""");

    private static final List<String> PHONE_COLUMNS = List.of("work_phone", "mobile", "home_phone", "fax");

    private static NamedSql findByPhone(Dialect dialect) {
        return NamedSql.of("SELECT " + COLUMNS + "\nFROM kehu_contact k\nWHERE k.tenant_id = :tenant_id AND "
                + dialect.anyColumnEquals("kehu_contact", "k", PHONE_COLUMNS, "phone") + "\nORDER BY k.id");
    }

    /** The contacts found by phone, each joined to its customer by primary key for the status. */
    private static NamedSql callersByPhone(Dialect dialect) {
        return NamedSql.of("SELECT " + COLUMNS + """

                FROM kehu_contact k
                JOIN kehu_customer c ON c.tenant_id = k.tenant_id AND c.id = k.customer_id
                WHERE k.tenant_id = :tenant_id AND c.status = 'ACTIVE' AND\s"""
                + dialect.anyColumnEquals("kehu_contact", "k", PHONE_COLUMNS, "phone") + "\nORDER BY k.id");
    }

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO kehu_contact (tenant_id, id, customer_id, name, name_lc, mnemonic, gender, category,
                responsibility, salutation, is_primary, department, position_name, org_unit_id, work_phone, fax,
                mobile, home_phone, email, email_lc, messenger, home_address, birthday, hobbies, notes, created_at,
                updated_at, version, birthday_md)
            VALUES (:tenant_id, :id, :customer_id, :name, :name_lc, :mnemonic, :gender, :category,
                :responsibility, :salutation, :is_primary, :department, :position_name, :org_unit_id, :work_phone,
                :fax, :mobile, :home_phone, :email, :email_lc, :messenger, :home_address, :birthday, :hobbies,
                :notes, :created_at, :updated_at, :new_version, :birthday_md)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            UPDATE kehu_contact
            SET customer_id = :customer_id, name = :name, name_lc = :name_lc, mnemonic = :mnemonic,
                gender = :gender, category = :category, responsibility = :responsibility,
                salutation = :salutation, is_primary = :is_primary, department = :department,
                position_name = :position_name, org_unit_id = :org_unit_id, work_phone = :work_phone, fax = :fax,
                mobile = :mobile, home_phone = :home_phone, email = :email, email_lc = :email_lc,
                messenger = :messenger, home_address = :home_address, birthday = :birthday, hobbies = :hobbies,
                notes = :notes, created_at = :created_at, updated_at = :updated_at, version = :new_version,
                birthday_md = :birthday_md
            WHERE tenant_id = :tenant_id AND id = :id AND version = :version""");

    private static final VersionedRows ROWS = new VersionedRows("kehu_contact", "id", INSERT, UPDATE);

    private final JdbcTransactions transactions;
    private final Dialect dialect;
    private final ContactRowMapper mapper;
    private final NamedSql ofCustomer;
    private final NamedSql findByPhone;
    private final NamedSql callersByPhone;

    public JdbcContacts(JdbcTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
        this.mapper = new ContactRowMapper(dialect);
        // The primary contact first, then by mnemonic and id.
        this.ofCustomer = NamedSql.of("SELECT " + COLUMNS + """

                FROM kehu_contact k
                WHERE k.tenant_id = :tenant_id AND k.customer_id = :customer_id
                ORDER BY k.is_primary DESC""" + ", " + dialect.textOrder("k.mnemonic") + ", k.id");
        this.findByPhone = findByPhone(dialect);
        this.callersByPhone = callersByPhone(dialect);
    }

    @Override
    public Optional<Contact> find(TenantId tenant, ContactId id) {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        return transactions.withConnection(connection -> {
            List<Contact> found = list(connection, FIND,
                    s -> s.string("tenant_id", tenant.value()).string("id", id.value()));
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public List<Contact> ofCustomer(TenantId tenant, CustomerId customer) {
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        return transactions.withConnection(connection -> list(connection, ofCustomer,
                s -> s.string("tenant_id", tenant.value()).string("customer_id", customer.value())));
    }

    @Override
    public List<Contact> findByPhone(TenantId tenant, PhoneNumber phone) {
        return byPhone(findByPhone, tenant, phone);
    }

    @Override
    public List<Contact> callersByPhone(TenantId tenant, PhoneNumber phone) {
        return byPhone(callersByPhone, tenant, phone);
    }

    private List<Contact> byPhone(NamedSql sql, TenantId tenant, PhoneNumber phone) {
        requireNonNull(tenant, "tenant");
        requireNonNull(phone, "phone");
        return transactions.withConnection(connection -> list(connection, sql,
                s -> s.string("tenant_id", tenant.value()).string("phone", phone.e164())));
    }

    @Override
    public Page<Contact> page(TenantId tenant, ContactQuery query, PageRequest<ContactSort> request) {
        requireNonNull(tenant, "tenant");
        requireNonNull(query, "query");
        requireNonNull(request, "request");
        Where where = where(tenant, query);
        return transactions.withConnection(connection -> Paging.page(connection, dialect, COLUMNS, "kehu_contact k", where,
                orderBy(request), request, this::list));
    }

    /** The SQL form of {@link ContactQuery#matches}. */
    private static Where where(TenantId tenant, ContactQuery query) {
        Where where = new Where().and("k.tenant_id = :tenant_id", "tenant_id", tenant.value());
        if (query.text() != null) {
            where.and("(k.name_lc LIKE :text_contains ESCAPE '!' OR k.mnemonic LIKE :text_prefix ESCAPE '!')",
                    "text_contains", SearchKeys.contains(query.text()),
                    "text_prefix", SearchKeys.startsWith(query.text()));
        }
        if (query.customer() != null) {
            where.and("k.customer_id = :customer_id", "customer_id", query.customer().value());
        }
        if (query.email() != null) {
            where.and("k.email_lc = :email", "email", query.email());
        }
        return where;
    }

    /** The order of {@link ContactSort}; a descending order is the exact reverse of the ascending one. */
    private String orderBy(PageRequest<ContactSort> request) {
        String direction = request.direction() == PageRequest.Direction.ASCENDING ? "ASC" : "DESC";
        return switch (request.sortBy()) {
            case NAME -> dialect.textOrder("k.mnemonic") + " " + direction + ", k.id " + direction;
            case CREATED_AT -> "k.created_at " + direction + ", k.id " + direction;
        };
    }

    /**
     * The SQL form of {@link BirthdayWindow#matches}: one range of {@code birthday_md}, or two over the year end,
     * served by {@code kehu_contact_birthday_ix (tenant_id, birthday_md, id)}.
     */
    @Override
    public List<Contact> birthdaysIn(TenantId tenant, BirthdayWindow window, ContactId after, int limit) {
        requireNonNull(tenant, "tenant");
        requireNonNull(window, "window");
        Where where = new Where().and("k.tenant_id = :tenant_id", "tenant_id", tenant.value());
        String range = window.wraps()
                ? "(k.birthday_md >= :md_from OR k.birthday_md <= :md_to)"
                : "k.birthday_md BETWEEN :md_from AND :md_to";
        where.and(range, s -> s.integer("md_from", window.fromKey()).integer("md_to", window.toKey()));
        return transactions.withConnection(connection -> Keyset.byId(connection, dialect, COLUMNS, "kehu_contact k",
                where, "k.id", after == null ? null : after.value(), limit, mapper));
    }

    @Override
    public Contact save(Contact contact) {
        requireNonNull(contact, "contact");
        return transactions.withConnection(connection -> {
            ROWS.write(connection, dialect, contact.tenant().value(), contact.id().value(), contact.version(),
                    s -> bindRow(s, contact), () -> stale(contact));
            return contact.toBuilder().version(contact.version() + 1).build();
        });
    }

    /** Every row in one batch; the primary key refuses a taken id. */
    @Override
    public List<Contact> insertAll(List<Contact> contacts) {
        contacts.forEach(Contacts::requireNew);
        return transactions.withConnection(connection -> {
            try {
                INSERT.batch(connection, dialect, contacts, (s, contact) -> {
                    bindRow(s, contact);
                    s.bigint("new_version", 1);
                });
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e) || SqlErrors.isConcurrencyConflict(e)) {
                    throw new StaleRecordException(Contact.RECORD_TYPE, "of a batch of " + contacts.size(), 0);
                }
                throw e;
            }
            return contacts.stream().map(c -> c.toBuilder().version(1).build()).toList();
        });
    }

    private static void bindRow(NamedSql.Bound statement, Contact c) throws SQLException {
        statement.string("tenant_id", c.tenant().value())
                .string("id", c.id().value())
                .string("customer_id", c.customer().value())
                .string("name", c.name())
                .string("name_lc", SearchKeys.lowerCase(c.name()))
                .string("mnemonic", c.mnemonic())
                .string("gender", text(c.gender()))
                .string("category", c.category().name())
                .string("responsibility", c.responsibility())
                .string("salutation", c.salutation())
                .bool("is_primary", c.primary())
                .string("department", c.department())
                .string("position_name", c.position())
                .string("org_unit_id", text(c.orgUnit()))
                .string("work_phone", text(c.workPhone()))
                .string("fax", text(c.fax()))
                .string("mobile", text(c.mobile()))
                .string("home_phone", text(c.homePhone()))
                .string("email", c.email())
                .string("email_lc", SearchKeys.lowerCase(c.email()))
                .string("messenger", c.messenger())
                .string("home_address", c.homeAddress())
                .date("birthday", c.birthday())
                .integer("birthday_md", BirthdayWindow.monthDay(c.birthday()))
                .string("hobbies", c.hobbies())
                .string("notes", c.notes())
                .instant("created_at", c.createdAt())
                .instant("updated_at", c.updatedAt());
    }

    private List<Contact> list(Connection connection, NamedSql sql, NamedSql.Binder binder) throws SQLException {
        return sql.list(connection, dialect, binder, mapper);
    }

    private static StaleRecordException stale(Contact contact) {
        return new StaleRecordException(Contact.RECORD_TYPE, contact.id().value(), contact.version());
    }
}
