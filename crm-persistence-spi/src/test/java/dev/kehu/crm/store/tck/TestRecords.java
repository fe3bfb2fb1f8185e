package dev.kehu.crm.store.tck;

import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.FieldChange;
import dev.kehu.crm.common.Address;
import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.Mnemonic;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactCategory;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerCategory;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerType;
import dev.kehu.crm.customer.LifecycleStage;
import dev.kehu.crm.customer.OrgUnit;
import dev.kehu.crm.customer.OrgUnitId;
import dev.kehu.crm.customer.OrgUnitKind;
import dev.kehu.crm.customer.Rating;
import dev.kehu.crm.customer.RelationshipLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Records for store tests, built with the domain's builders. Every instant has microseconds, the precision
 * every store keeps; change what a test is about with {@code toBuilder()}.
 */
public final class TestRecords {
    public static final TenantId TENANT = new TenantId("tenant-a");
    public static final TenantId OTHER_TENANT = new TenantId("tenant-b");
    public static final UserId WANG = new UserId("u-wang");
    public static final UserId LI = new UserId("u-li");
    /** An instant with microseconds: 2024-02-29T08:15:30.123456Z. */
    public static final Instant T0 = Instant.parse("2024-02-29T08:15:30.123456Z");

    private TestRecords() {
    }

    public static PhoneNumber phone(String e164) {
        return new PhoneNumber(e164);
    }

    /** {@code T0} plus some microseconds. */
    public static Instant t0PlusMicros(long micros) {
        return T0.plusNanos(micros * 1000);
    }

    /** A company customer with every field filled in, Chinese text and emoji included; number {@code NO-<id>}. */
    public static Customer customer(TenantId tenant, String id, String name) {
        return Customer.builder()
                .id(new CustomerId(id))
                .tenant(tenant)
                .type(CustomerType.COMPANY)
                .name(name)
                .mnemonic(Mnemonic.of(name))
                .number("NO-" + id)
                .valueRating(Rating.HIGH)
                .creditRating(Rating.LOW)
                .category(CustomerCategory.VIP)
                .industry("manufacturing")
                .relationship(RelationshipLevel.CLOSE)
                .staffSize(250)
                .source("trade-fair")
                .lifecycleStage(LifecycleStage.CONTRACT_EXECUTION)
                .address(new Address("中国", "上海市", "浦东新区", "200120", "世纪大道100号 8F 🏢"))
                .phone(phone("+862150501234"))
                .fax(phone("+862150501235"))
                .email("Info@HuaXia.example.cn")
                .website("https://huaxia.example.cn/关于")
                .notes("重要客户 🚀\n第二行:\t\"双引号\" 'single' \\ 100% a_b")
                .owner(WANG)
                .tags(Set.of("重点", "vip", "🚀launch"))
                .organisation(List.of(
                        new OrgUnit(new OrgUnitId("ou-3"), OrgUnitKind.DEPARTMENT, "销售部 Sales", null),
                        new OrgUnit(new OrgUnitId("ou-1"), OrgUnitKind.DEPARTMENT, "华东区", new OrgUnitId("ou-3")),
                        new OrgUnit(new OrgUnitId("ou-2"), OrgUnitKind.POSITION, "经理 👔", new OrgUnitId("ou-1"))))
                .createdAt(T0)
                .updatedAt(t0PlusMicros(1))
                .build();
    }

    /** A company customer with only what a customer must have: every optional field empty. */
    public static Customer minimalCustomer(TenantId tenant, String id, String name) {
        return Customer.builder()
                .id(new CustomerId(id))
                .tenant(tenant)
                .name(name)
                .mnemonic(Mnemonic.of(name))
                .owner(WANG)
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /** A contact with every field filled in, the primary contact of {@code customer}. */
    public static Contact contact(TenantId tenant, String id, CustomerId customer, String name) {
        return Contact.builder()
                .id(new ContactId(id))
                .tenant(tenant)
                .customer(customer)
                .name(name)
                .mnemonic(Mnemonic.of(name))
                .gender(Gender.FEMALE)
                .category(ContactCategory.KEY)
                .responsibility("采购 purchasing")
                .salutation("王总")
                .primary(true)
                .department("采购部")
                .position("总监 😀")
                .orgUnit(new OrgUnitId("ou-2"))
                .workPhone(phone("+862165551234"))
                .fax(phone("+862165551235"))
                .mobile(phone("+8613800138000"))
                .homePhone(phone("+862165559999"))
                .email("Wang.Li@HuaXia.example.cn")
                .messenger("wechat:wang_li")
                .homeAddress("北京市朝阳区 '1号院' \\ 3-401")
                .birthday(LocalDate.of(1980, 2, 29))
                .hobbies("围棋, 🏸\n旅行")
                .notes("说话直接 \"很直接\" 100% _")
                .createdAt(T0)
                .updatedAt(t0PlusMicros(7))
                .build();
    }

    /** A contact with only what a contact must have: every optional field empty, not primary. */
    public static Contact minimalContact(TenantId tenant, String id, CustomerId customer, String name) {
        return Contact.builder()
                .id(new ContactId(id))
                .tenant(tenant)
                .customer(customer)
                .name(name)
                .mnemonic(Mnemonic.of(name))
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /** An entry about a customer, by {@link #WANG}, with changes that include empty values and Chinese text. */
    public static AuditEntry auditEntry(TenantId tenant, String id, String customerId, Instant at) {
        return new AuditEntry(id, tenant, WANG, at, Customer.RECORD_TYPE, customerId, "customer.update", List.of(
                new FieldChange("name", "华夏科技", "北京华夏科技 🚀"),
                new FieldChange("email", null, "info@huaxia.example.cn"),
                new FieldChange("notes", "旧的 'note' \\ %", null)));
    }
}
