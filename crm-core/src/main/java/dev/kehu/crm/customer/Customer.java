package dev.kehu.crm.customer;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.audit.Auditable;
import dev.kehu.crm.common.Address;
import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.internal.Text;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customer (客户): a company (大客户, C1) or an individual (个人客户, C2). Immutable: every change
 * returns a new value, and the constructor checks every invariant, so no instance is ever invalid.
 * Stores give back what they were given, with the version they assigned.
 *
 * @param mnemonic     the mnemonic name (助记名称), lower-case letters and digits
 * @param number       the customer number (编号), unique in its tenant, or {@code null}
 * @param gender       individuals only
 * @param staffSize    companies only (人员规模)
 * @param industry     a code of the configurable industry list, or {@code null}
 * @param source       a code of the configurable customer-source list, or {@code null}
 * @param parent       the parent customer (上级客户), never the customer itself or a descendant
 * @param owner        the account manager (客户经理) responsible for the customer (C5)
 * @param tags         free tags for classification (C7), sorted
 * @param organisation the customer's own departments and positions (C4)
 * @param mergedInto   the survivor, when this customer was merged into another one
 * @param version      0 before the first save; every save increments it (optimistic locking)
 */
public record Customer(CustomerId id, TenantId tenant, CustomerType type, String name, String mnemonic, String number,
                       Gender gender, Rating valueRating, Rating creditRating, CustomerCategory category,
                       String industry, RelationshipLevel relationship, Integer staffSize, String source,
                       LifecycleStage lifecycleStage, CustomerId parent, Address address, PhoneNumber phone,
                       PhoneNumber fax, String email, String website, String notes, UserId owner, Set<String> tags,
                       List<OrgUnit> organisation, CustomerStatus status, CustomerId mergedInto, Instant createdAt,
                       Instant updatedAt, long version) implements Auditable {

    public static final String RECORD_TYPE = "customer";

    public Customer {
        requireNonNull(id, "id");
        requireNonNull(tenant, "tenant");
        requireNonNull(type, "type");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a customer needs a name");
        // Search matches the mnemonic by lower-case prefix, and stores keep time to the microsecond.
        mnemonic = requireNonNull(mnemonic, "mnemonic").toLowerCase(Locale.ROOT);
        requireNonNull(valueRating, "valueRating");
        requireNonNull(creditRating, "creditRating");
        requireNonNull(category, "category");
        requireNonNull(relationship, "relationship");
        requireNonNull(lifecycleStage, "lifecycleStage");
        address = address == null ? Address.EMPTY : address;
        tags = Set.copyOf(new TreeSet<>(tags == null ? Set.of() : tags));
        organisation = List.copyOf(organisation == null ? List.of() : organisation);
        requireNonNull(owner, "a customer has an account manager");
        requireNonNull(status, "status");
        createdAt = requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        updatedAt = requireNonNull(updatedAt, "updatedAt").truncatedTo(ChronoUnit.MICROS);
        if (type == CustomerType.INDIVIDUAL && staffSize != null) {
            throw new IllegalArgumentException("an individual customer has no staff size");
        }
        if (type == CustomerType.COMPANY && gender != null) {
            throw new IllegalArgumentException("a company customer has no gender");
        }
        if (staffSize != null && staffSize < 0) throw new IllegalArgumentException("staff size must be ≥ 0");
        if (id.equals(parent)) throw new IllegalArgumentException("a customer cannot be its own parent");
        if ((status == CustomerStatus.MERGED) != (mergedInto != null)) {
            throw new IllegalArgumentException("a merged customer, and only it, names the survivor");
        }
        if (version < 0) throw new IllegalArgumentException("version must be ≥ 0");
        checkOrganisation(organisation);
    }

    private static void checkOrganisation(List<OrgUnit> units) {
        Map<OrgUnitId, OrgUnit> byId = new HashMap<>();
        for (OrgUnit unit : units) {
            if (byId.put(unit.id(), unit) != null) {
                throw new IllegalArgumentException("org unit " + unit.id() + " appears twice");
            }
        }
        for (OrgUnit unit : units) {
            // Walk up: every parent exists, is a department, and the chain ends.
            Set<OrgUnitId> seen = new LinkedHashSet<>();
            for (OrgUnit current = unit; current.parent() != null; ) {
                OrgUnit parentUnit = byId.get(current.parent());
                if (parentUnit == null || parentUnit.kind() != OrgUnitKind.DEPARTMENT) {
                    throw new IllegalArgumentException("org unit " + current.id() + " must sit in an existing department");
                }
                if (!seen.add(parentUnit.id())) {
                    throw new IllegalArgumentException("org units form a cycle at " + parentUnit.id());
                }
                current = parentUnit;
            }
        }
    }

    public boolean isActive() {
        return status == CustomerStatus.ACTIVE;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This customer with {@code owner} as its account manager. */
    public Customer changeOwner(UserId newOwner, Instant at) {
        return toBuilder().owner(newOwner).updatedAt(at).build();
    }

    /** This customer out of use (失效); its data stays. */
    public Customer deactivate(Instant at) {
        return toBuilder().status(CustomerStatus.INACTIVE).category(CustomerCategory.INACTIVE).updatedAt(at).build();
    }

    /** This customer, a duplicate, merged into {@code survivor}. */
    public Customer mergeInto(CustomerId survivor, Instant at) {
        return toBuilder().status(CustomerStatus.MERGED).mergedInto(survivor).updatedAt(at).build();
    }

    /**
     * The survivor of a merge: its own values win; fields it left empty are taken from the duplicate,
     * tags and organisation units are united.
     */
    public Customer absorb(Customer duplicate, Instant at) {
        Address a = address;
        Address d = duplicate.address;
        Address merged = new Address(firstNonNull(a.countryOrRegion(), d.countryOrRegion()),
                firstNonNull(a.province(), d.province()), firstNonNull(a.city(), d.city()),
                firstNonNull(a.postcode(), d.postcode()), firstNonNull(a.street(), d.street()));
        Set<String> allTags = new TreeSet<>(tags);
        allTags.addAll(duplicate.tags);
        List<OrgUnit> units = new ArrayList<>(organisation);
        duplicate.organisation.stream().filter(u -> !units.contains(u)).forEach(units::add);
        return toBuilder()
                .number(firstNonNull(number, duplicate.number))
                .industry(firstNonNull(industry, duplicate.industry))
                .source(firstNonNull(source, duplicate.source))
                .staffSize(type == CustomerType.COMPANY ? firstNonNull(staffSize, duplicate.staffSize) : null)
                .gender(type == CustomerType.INDIVIDUAL ? firstNonNull(gender, duplicate.gender) : null)
                .parent(parent != null || id.equals(duplicate.parent) ? parent : duplicate.parent)
                .address(merged)
                .phone(firstNonNull(phone, duplicate.phone))
                .fax(firstNonNull(fax, duplicate.fax))
                .email(firstNonNull(email, duplicate.email))
                .website(firstNonNull(website, duplicate.website))
                .notes(firstNonNull(notes, duplicate.notes))
                .tags(allTags)
                .organisation(units)
                .updatedAt(at)
                .build();
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }

    /** This customer with one more department or position. */
    public Customer addOrgUnit(OrgUnit unit, Instant at) {
        List<OrgUnit> units = new ArrayList<>(organisation);
        units.add(unit);
        return toBuilder().organisation(units).updatedAt(at).build();
    }

    public boolean hasOrgUnit(OrgUnitId unit) {
        return organisation.stream().anyMatch(u -> u.id().equals(unit));
    }

    @Override
    public Map<String, String> auditFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type.name());
        fields.put("name", name);
        fields.put("mnemonic", mnemonic);
        fields.put("number", number);
        fields.put("gender", Text.of(gender));
        fields.put("valueRating", valueRating.name());
        fields.put("creditRating", creditRating.name());
        fields.put("category", category.name());
        fields.put("industry", industry);
        fields.put("relationship", relationship.name());
        fields.put("staffSize", Text.of(staffSize));
        fields.put("source", source);
        fields.put("lifecycleStage", lifecycleStage.name());
        fields.put("parent", Text.of(parent));
        fields.put("countryOrRegion", address.countryOrRegion());
        fields.put("province", address.province());
        fields.put("city", address.city());
        fields.put("postcode", address.postcode());
        fields.put("address", address.street());
        fields.put("phone", Text.of(phone));
        fields.put("fax", Text.of(fax));
        fields.put("email", email);
        fields.put("website", website);
        fields.put("notes", notes);
        fields.put("owner", Text.of(owner));
        fields.put("tags", tags.isEmpty() ? null : String.join(",", new TreeSet<>(tags)));
        fields.put("organisation", organisation.isEmpty() ? null
                : organisation.stream().map(u -> u.kind().name().charAt(0) + ":" + u.name()).sorted().toList().toString());
        fields.put("status", status.name());
        fields.put("mergedInto", Text.of(mergedInto));
        return fields;
    }

    /** Builds a customer; {@link #build()} checks every invariant. Stores use it to read customers back. */
    public static final class Builder {
        private CustomerId id;
        private TenantId tenant;
        private CustomerType type = CustomerType.COMPANY;
        private String name;
        private String mnemonic;
        private String number;
        private Gender gender;
        private Rating valueRating = Rating.MEDIUM;
        private Rating creditRating = Rating.MEDIUM;
        private CustomerCategory category = CustomerCategory.POTENTIAL;
        private String industry;
        private RelationshipLevel relationship = RelationshipLevel.FAIR;
        private Integer staffSize;
        private String source;
        private LifecycleStage lifecycleStage = LifecycleStage.PRE_SALES;
        private CustomerId parent;
        private Address address = Address.EMPTY;
        private PhoneNumber phone;
        private PhoneNumber fax;
        private String email;
        private String website;
        private String notes;
        private UserId owner;
        private Set<String> tags = Set.of();
        private List<OrgUnit> organisation = List.of();
        private CustomerStatus status = CustomerStatus.ACTIVE;
        private CustomerId mergedInto;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(Customer c) {
            id = c.id; tenant = c.tenant; type = c.type; name = c.name; mnemonic = c.mnemonic; number = c.number;
            gender = c.gender; valueRating = c.valueRating; creditRating = c.creditRating; category = c.category;
            industry = c.industry; relationship = c.relationship; staffSize = c.staffSize; source = c.source;
            lifecycleStage = c.lifecycleStage; parent = c.parent; address = c.address; phone = c.phone; fax = c.fax;
            email = c.email; website = c.website; notes = c.notes; owner = c.owner; tags = c.tags;
            organisation = c.organisation; status = c.status; mergedInto = c.mergedInto; createdAt = c.createdAt;
            updatedAt = c.updatedAt; version = c.version;
        }

        public Builder id(CustomerId value) { id = value; return this; }
        public Builder tenant(TenantId value) { tenant = value; return this; }
        public Builder type(CustomerType value) { type = value; return this; }
        public Builder name(String value) { name = value; return this; }
        public Builder mnemonic(String value) { mnemonic = value; return this; }
        public Builder number(String value) { number = value; return this; }
        public Builder gender(Gender value) { gender = value; return this; }
        public Builder valueRating(Rating value) { valueRating = value; return this; }
        public Builder creditRating(Rating value) { creditRating = value; return this; }
        public Builder category(CustomerCategory value) { category = value; return this; }
        public Builder industry(String value) { industry = value; return this; }
        public Builder relationship(RelationshipLevel value) { relationship = value; return this; }
        public Builder staffSize(Integer value) { staffSize = value; return this; }
        public Builder source(String value) { source = value; return this; }
        public Builder lifecycleStage(LifecycleStage value) { lifecycleStage = value; return this; }
        public Builder parent(CustomerId value) { parent = value; return this; }
        public Builder address(Address value) { address = value; return this; }
        public Builder phone(PhoneNumber value) { phone = value; return this; }
        public Builder fax(PhoneNumber value) { fax = value; return this; }
        public Builder email(String value) { email = value; return this; }
        public Builder website(String value) { website = value; return this; }
        public Builder notes(String value) { notes = value; return this; }
        public Builder owner(UserId value) { owner = value; return this; }
        public Builder tags(Set<String> value) { tags = value; return this; }
        public Builder organisation(List<OrgUnit> value) { organisation = value; return this; }
        public Builder status(CustomerStatus value) { status = value; return this; }
        public Builder mergedInto(CustomerId value) { mergedInto = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder updatedAt(Instant value) { updatedAt = value; return this; }
        public Builder version(long value) { version = value; return this; }

        public Customer build() {
            return new Customer(id, tenant, type, name, mnemonic, number, gender, valueRating, creditRating, category,
                    industry, relationship, staffSize, source, lifecycleStage, parent, address, phone, fax, email,
                    website, notes, owner, tags, organisation, status, mergedInto, createdAt, updatedAt, version);
        }
    }
}
