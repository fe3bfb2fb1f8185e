package dev.kehu.crm.contact;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.OrgUnitId;
import dev.kehu.crm.internal.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A contact person (联系人) of a customer, K1. Immutable; the constructor checks every invariant.
 *
 * @param mnemonic        pinyin initials of the name, for search
 * @param responsibility  the business they are responsible for (负责业务)
 * @param salutation      how to address them (称谓), e.g. 王总
 * @param primary         the customer's primary contact (主联系人); at most one per customer
 * @param orgUnit         their department or position in the customer's organisation (C4), or {@code null}
 * @param messenger       instant-messenger handle (QQ / WeChat)
 */
public record Contact(ContactId id, TenantId tenant, CustomerId customer, String name, String mnemonic,
                      Gender gender, ContactCategory category, String responsibility, String salutation,
                      boolean primary, String department, String position, OrgUnitId orgUnit,
                      PhoneNumber workPhone, PhoneNumber fax, PhoneNumber mobile, PhoneNumber homePhone,
                      String email, String messenger, String homeAddress, LocalDate birthday, String hobbies,
                      String notes, Instant createdAt, Instant updatedAt, long version) implements Auditable {

    public static final String RECORD_TYPE = "contact";

    public Contact {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(customer, "customer");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a contact needs a name");
        // Search matches the mnemonic by lower-case prefix, and stores keep time to the microsecond.
        mnemonic = requireNonNull(mnemonic, "mnemonic").toLowerCase(Locale.ROOT);
        requireNonNull(category, "category");
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        updatedAt = requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Every phone number of the contact that is given. */
    public List<PhoneNumber> phones() {
        return Stream.of(workPhone, mobile, homePhone, fax).filter(Objects::nonNull).toList();
    }

    public Contact makePrimary(boolean isPrimary, Instant at) {
        return toBuilder().primary(isPrimary).updatedAt(at).build();
    }

    /** This contact moved to another customer (after a merge); its place in the old organisation is kept. */
    public Contact moveTo(CustomerId newCustomer, boolean stayPrimary, Instant at) {
        return toBuilder().customer(newCustomer).primary(stayPrimary).updatedAt(at).build();
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customer", customer.value());
        fields.put("name", name);
        fields.put("mnemonic", mnemonic);
        fields.put("gender", Text.of(gender));
        fields.put("category", category.name());
        fields.put("responsibility", responsibility);
        fields.put("salutation", salutation);
        fields.put("primary", Boolean.toString(primary));
        fields.put("department", department);
        fields.put("position", position);
        fields.put("orgUnit", Text.of(orgUnit));
        fields.put("workPhone", Text.of(workPhone));
        fields.put("fax", Text.of(fax));
        fields.put("mobile", Text.of(mobile));
        fields.put("homePhone", Text.of(homePhone));
        fields.put("email", email);
        fields.put("messenger", messenger);
        fields.put("homeAddress", homeAddress);
        fields.put("birthday", Text.of(birthday));
        fields.put("hobbies", hobbies);
        fields.put("notes", notes);
        return fields;
    }

    /** Builds a contact; {@link #build()} checks every invariant. Stores use it to read contacts back. */
    public static final class Builder {
        private ContactId id;
        private TenantId tenant;
        private CustomerId customer;
        private String name;
        private String mnemonic;
        private Gender gender;
        private ContactCategory category = ContactCategory.ORDINARY;
        private String responsibility;
        private String salutation;
        private boolean primary;
        private String department;
        private String position;
        private OrgUnitId orgUnit;
        private PhoneNumber workPhone;
        private PhoneNumber fax;
        private PhoneNumber mobile;
        private PhoneNumber homePhone;
        private String email;
        private String messenger;
        private String homeAddress;
        private LocalDate birthday;
        private String hobbies;
        private String notes;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(Contact c) {
            id = c.id; tenant = c.tenant; customer = c.customer; name = c.name; mnemonic = c.mnemonic;
            gender = c.gender; category = c.category; responsibility = c.responsibility; salutation = c.salutation;
            primary = c.primary; department = c.department; position = c.position; orgUnit = c.orgUnit;
            workPhone = c.workPhone; fax = c.fax; mobile = c.mobile; homePhone = c.homePhone; email = c.email;
            messenger = c.messenger; homeAddress = c.homeAddress; birthday = c.birthday; hobbies = c.hobbies;
            notes = c.notes; createdAt = c.createdAt; updatedAt = c.updatedAt; version = c.version;
        }

        public Builder id(ContactId value) { id = value; return this; }
        public Builder tenant(TenantId value) { tenant = value; return this; }
        public Builder customer(CustomerId value) { customer = value; return this; }
        public Builder name(String value) { name = value; return this; }
        public Builder mnemonic(String value) { mnemonic = value; return this; }
        public Builder gender(Gender value) { gender = value; return this; }
        public Builder category(ContactCategory value) { category = value; return this; }
        public Builder responsibility(String value) { responsibility = value; return this; }
        public Builder salutation(String value) { salutation = value; return this; }
        public Builder primary(boolean value) { primary = value; return this; }
        public Builder department(String value) { department = value; return this; }
        public Builder position(String value) { position = value; return this; }
        public Builder orgUnit(OrgUnitId value) { orgUnit = value; return this; }
        public Builder workPhone(PhoneNumber value) { workPhone = value; return this; }
        public Builder fax(PhoneNumber value) { fax = value; return this; }
        public Builder mobile(PhoneNumber value) { mobile = value; return this; }
        public Builder homePhone(PhoneNumber value) { homePhone = value; return this; }
        public Builder email(String value) { email = value; return this; }
        public Builder messenger(String value) { messenger = value; return this; }
        public Builder homeAddress(String value) { homeAddress = value; return this; }
        public Builder birthday(LocalDate value) { birthday = value; return this; }
        public Builder hobbies(String value) { hobbies = value; return this; }
        public Builder notes(String value) { notes = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }

        public Contact build() {
            return new Contact(id, tenant, customer, name, mnemonic, gender, category, responsibility, salutation,
                    primary, department, position, orgUnit, workPhone, fax, mobile, homePhone, email, messenger,
                    homeAddress, birthday, hobbies, notes, createdAt, updatedAt, version);
        }
    }
}
