package dev.kehu.crm.store.tck;

import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.activity.ActivityId;
import dev.kehu.crm.activity.ActivityKind;
import dev.kehu.crm.activity.ActivityStatus;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.FieldChange;
import dev.kehu.crm.common.Address;
import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.Mnemonic;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactCategory;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractId;
import dev.kehu.crm.contract.ContractStatus;
import dev.kehu.crm.contract.ContractStep;
import dev.kehu.crm.contract.PaymentMilestone;
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
import dev.kehu.crm.lead.Conversion;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadId;
import dev.kehu.crm.lead.LeadStatus;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.AttachedRecordId;
import dev.kehu.crm.opportunity.AttachedRecordKind;
import dev.kehu.crm.opportunity.ChangeKind;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.PipelineId;
import dev.kehu.crm.opportunity.Position;
import dev.kehu.crm.opportunity.Probability;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.order.SalesOrderId;
import dev.kehu.crm.order.SalesOrderStatus;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanId;
import dev.kehu.crm.plan.PlanStep;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.quote.QuoteStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records for store tests, built with the domain's builders. Every instant has microseconds, the precision
 * every store keeps; change what a test is about with {@code toBuilder()}. The fully populated records give each
 * field of a type its own value, so that a store that mixes two columns up is caught.
 */
public final class TestRecords {
    public static final TenantId TENANT = new TenantId("tenant-a");
    public static final TenantId OTHER_TENANT = new TenantId("tenant-b");
    public static final UserId WANG = new UserId("u-wang");
    public static final UserId LI = new UserId("u-li");
    /** An instant with microseconds: 2024-02-29T08:15:30.123456Z. */
    public static final Instant T0 = Instant.parse("2024-02-29T08:15:30.123456Z");
    public static final Currency USD = Currency.getInstance("USD");
    public static final Currency JPY = Currency.getInstance("JPY");
    /** Text that trips up stores: quotes, backslashes, LIKE wildcards, SQL, line breaks, tabs, Chinese and emoji. */
    public static final String AWKWARD = "O'Brien \"Ltd\" \\ 100% a_b '; DROP TABLE t; --\r\n\t第二行 😀";

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

    /**
     * A converted lead with every field filled in; it names customer {@code c-1}, contact {@code k-1} and
     * opportunity {@code o-1}.
     */
    public static Lead lead(TenantId tenant, String id) {
        return new Lead(new LeadId(id), tenant, "trade-fair", "北京华夏科技 🚀", "王丽 \"Lily\"",
                phone("+8613800138000"), "Wang.Li@HuaXia.example.cn", AWKWARD, LI, LeadStatus.CONVERTED, null,
                new Conversion(new CustomerId("c-1"), new ContactId("k-1"), new OpportunityId("o-1")), T0,
                t0PlusMicros(1), 0);
    }

    /** A new lead with only what a lead must have: a company, an owner and the times. */
    public static Lead minimalLead(TenantId tenant, String id) {
        return new Lead(new LeadId(id), tenant, null, "华夏", null, null, null, null, WANG, LeadStatus.NEW, null, null,
                T0, T0, 0);
    }

    /**
     * An opportunity of {@code customer} with every field filled in: lost, so that it has a reason, a competitor
     * and a closing time, and worth an exact amount of CNY.
     */
    public static Opportunity opportunity(TenantId tenant, String id, CustomerId customer) {
        return Opportunity.builder()
                .id(new OpportunityId(id))
                .tenant(tenant)
                .pipeline(new PipelineId("standard"))
                .subject("华东区 ERP 升级 'phase 2' \\ 100%")
                .customer(customer)
                .discoveredOn(LocalDate.of(2024, 2, 29))
                .source("referral")
                .owner(WANG)
                .informant("李四 (采购部)")
                .customerNeeds("需要\n多语言 \"支持\"\t_%")
                .expectedSigningDate(LocalDate.of(2024, 12, 31))
                .expectedAmount(Money.of("12345678901234.56", "CNY"))
                .stage("TENDER")
                .probability(Probability.ZERO)
                .stageNote("输给了对手 😢")
                .status(OpportunityStatus.LOST)
                .lostReason(AWKWARD)
                .winningCompetitor("竞争者 Ltd.")
                .stageEnteredAt(t0PlusMicros(3))
                .closedAt(t0PlusMicros(5))
                .historyLength(4)
                .createdAt(T0)
                .updatedAt(t0PlusMicros(7))
                .build();
    }

    /** An open opportunity of {@code customer} with every optional field empty. */
    public static Opportunity minimalOpportunity(TenantId tenant, String id, CustomerId customer) {
        return Opportunity.builder()
                .id(new OpportunityId(id))
                .tenant(tenant)
                .pipeline(new PipelineId("standard"))
                .subject("Opportunity " + id)
                .customer(customer)
                .discoveredOn(LocalDate.of(2024, 3, 1))
                .owner(WANG)
                .stage("INITIAL_CONTACT")
                .probability(Probability.of(10))
                .stageEnteredAt(T0)
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /** {@code o} closed as won, at {@link #T0}. */
    public static Opportunity won(Opportunity o) {
        return o.toBuilder().status(OpportunityStatus.WON).probability(Probability.CERTAIN).closedAt(T0).build();
    }

    /**
     * Line {@code sequence} of an opportunity's history, at {@code T0} plus that many microseconds: the line that
     * created it for 1, a move with a note after that.
     */
    public static StageChange stageChange(OpportunityId opportunity, int sequence) {
        Position to = new Position("NEEDS_ANALYSIS", Probability.of(30), OpportunityStatus.OPEN);
        return sequence == 1
                ? new StageChange(opportunity, 1, T0, WANG, ChangeKind.CREATED, null,
                        new Position("INITIAL_CONTACT", Probability.of(10), OpportunityStatus.OPEN), null)
                : new StageChange(opportunity, sequence, t0PlusMicros(sequence), LI, ChangeKind.MOVED,
                        new Position("EVALUATION", Probability.of(20), OpportunityStatus.OPEN), to,
                        "第 " + sequence + " 行: " + AWKWARD);
    }

    /** A competitor, with every field filled in, attached to {@code opportunity} at {@code at}. */
    public static AttachedRecord competitor(TenantId tenant, String id, OpportunityId opportunity, Instant at) {
        return new AttachedRecord(new AttachedRecordId(id), tenant, opportunity, AttachedRecordKind.COMPETITOR,
                "竞争者 Ltd. 'A'", "报价低 10%", "价格 \\ 服务", "交付慢\n售后差", LI, at);
    }

    /** A requirement without details attached to {@code opportunity} at {@code at}. */
    public static AttachedRecord requirement(TenantId tenant, String id, OpportunityId opportunity, Instant at) {
        return new AttachedRecord(new AttachedRecordId(id), tenant, opportunity, AttachedRecordKind.REQUIREMENT,
                "支持 500 用户", null, null, null, WANG, at);
    }

    /** A quote line of {@code quantity} at {@code unitPrice} in {@code currency}, less {@code discount} %. */
    public static QuoteLine quoteLine(String product, String quantity, String unitPrice, Currency currency,
                                      String discount) {
        return new QuoteLine(product, new BigDecimal(quantity), Money.of(new BigDecimal(unitPrice), currency),
                new BigDecimal(discount));
    }

    /**
     * A sent second revision of a quote to {@code customer} for opportunity {@code o-1}, replacing quote
     * {@code q-0}, with every field filled in and three CNY lines whose order is not alphabetical.
     */
    public static Quote quote(TenantId tenant, String id, CustomerId customer) {
        return Quote.builder()
                .id(new QuoteId(id))
                .tenant(tenant)
                .customer(customer)
                .opportunity(new OpportunityId("o-1"))
                .date(LocalDate.of(2024, 2, 29))
                .currency(Money.CNY)
                .lines(List.of(
                        quoteLine("KH-900 服务器 \"机架式\"", "2.5", "999999999999999.99", Money.CNY, "12.5"),
                        quoteLine("AB-100 'license' \\ 100%_", "0.0001", "0.01", Money.CNY, "0.01"),
                        quoteLine("KH-900 服务器 \"机架式\"", "999999999999999.9999", "0", Money.CNY, "100")))
                .notes(AWKWARD)
                .status(QuoteStatus.SENT)
                .revision(2)
                .previous(new QuoteId("q-0"))
                .createdAt(T0)
                .updatedAt(t0PlusMicros(1))
                .build();
    }

    /** A first draft without lines, opportunity or notes. */
    public static Quote minimalQuote(TenantId tenant, String id, CustomerId customer) {
        return Quote.builder()
                .id(new QuoteId(id))
                .tenant(tenant)
                .customer(customer)
                .date(LocalDate.of(2024, 3, 1))
                .currency(Money.CNY)
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /**
     * A contract in execution with every field filled in, ending on {@code end}: its opportunity, quote and
     * predecessor named, ¥1,000,000.00 in three milestones of which the first is paid (a different amount), the
     * fifth line of its history next.
     */
    public static Contract contract(TenantId tenant, String id, CustomerId customer, LocalDate end) {
        return Contract.builder()
                .id(new ContractId(id))
                .tenant(tenant)
                .number("HT-" + id + " 合同/2024 \"年度\" %_")
                .customer(customer)
                .owner(WANG)
                .ourParty("开元软件有限公司")
                .theirParty(AWKWARD)
                .opportunity(new OpportunityId("o-1"))
                .quote(new QuoteId("q-1"))
                .signingDate(end.minusYears(1).minusDays(3))
                .startDate(end.minusYears(1).plusDays(1))
                .endDate(end)
                .currency(Money.CNY)
                .amount(Money.of("1000000.00", "CNY"))
                .terms("服务器及三年维保\r\n第二条 '付款' 😀")
                .milestones(List.of(
                        new PaymentMilestone(end.minusYears(1).plusDays(1), Money.of("300000.00", "CNY"), "预付款 30%",
                                end.minusYears(1).plusDays(5), Money.of("299999.99", "CNY")),
                        PaymentMilestone.of(end.minusMonths(6), Money.of("0.01", "CNY"), null),
                        PaymentMilestone.of(end, Money.of("699999.99", "CNY"), "验收款")))
                .status(ContractStatus.IN_EXECUTION)
                .predecessor(new ContractId("k-0"))
                .historyLength(4)
                .createdAt(T0)
                .updatedAt(t0PlusMicros(1))
                .build();
    }

    /** A new draft in USD without parties, dates, amount, terms or milestones. */
    public static Contract minimalContract(TenantId tenant, String id, CustomerId customer) {
        return Contract.builder()
                .id(new ContractId(id))
                .tenant(tenant)
                .number("HT-" + id)
                .customer(customer)
                .owner(LI)
                .currency(USD)
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /**
     * Line {@code sequence} of a contract's history: the first creates the draft, the later ones go round submitted,
     * rejected (with the reason) and back to draft.
     */
    public static ContractStep contractStep(ContractId contract, int sequence) {
        if (sequence == 1) return new ContractStep(contract, 1, T0, WANG, null, ContractStatus.DRAFT, null);
        List<ContractStatus> round = List.of(ContractStatus.DRAFT, ContractStatus.SUBMITTED, ContractStatus.REJECTED);
        ContractStatus from = round.get((sequence - 2) % 3);
        ContractStatus to = round.get((sequence - 1) % 3);
        return new ContractStep(contract, sequence, t0PlusMicros(sequence), sequence % 2 == 0 ? WANG : LI, from, to,
                to == ContractStatus.REJECTED ? "付款条件 \"不符\" " + sequence : null);
    }

    /** A confirmed order from quote {@code q-1} on {@code date}, with two CNY lines whose order is not alphabetical. */
    public static SalesOrder salesOrder(TenantId tenant, String id, CustomerId customer, LocalDate date) {
        return SalesOrder.builder()
                .id(new SalesOrderId(id))
                .tenant(tenant)
                .number("SO-" + id + " 订单 %_")
                .customer(customer)
                .quote(new QuoteId("q-1"))
                .orderDate(date)
                .currency(Money.CNY)
                .lines(List.of(
                        quoteLine("KH-900 服务器 \"机架式\"", "2.5", "999999999999999.99", Money.CNY, "12.5"),
                        quoteLine("AB-100 'license' \\ 100%_", "0.0001", "0.01", Money.CNY, "0")))
                .status(SalesOrderStatus.CONFIRMED)
                .createdAt(T0)
                .updatedAt(t0PlusMicros(1))
                .build();
    }

    /** A new order entered directly on {@code date}: one JPY line, no quote. */
    public static SalesOrder minimalSalesOrder(TenantId tenant, String id, CustomerId customer, LocalDate date) {
        return SalesOrder.builder()
                .id(new SalesOrderId(id))
                .tenant(tenant)
                .number("SO-" + id)
                .customer(customer)
                .orderDate(date)
                .currency(JPY)
                .lines(List.of(quoteLine("茶叶", "1", "1500", JPY, "0")))
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /** A plan for {@code opportunity} with three steps: one done, one with a time of day, one with neither. */
    public static DevelopmentPlan plan(TenantId tenant, String id, OpportunityId opportunity) {
        return DevelopmentPlan.builder()
                .id(new DevelopmentPlanId(id))
                .tenant(tenant)
                .opportunity(opportunity)
                .owner(LI)
                .steps(List.of(
                        new PlanStep(1, "拜访 CTO 'Zhang'", LocalDate.of(2024, 3, 4), LocalTime.of(9, 30, 15),
                                AWKWARD, "同意试用 \\ 100%", LocalDate.of(2024, 3, 5)),
                        PlanStep.planned(2, "Demo \"v2\"", LocalDate.of(2024, 3, 11), LocalTime.of(14, 5),
                                "带上 😀 样机"),
                        PlanStep.planned(3, "报价", LocalDate.of(2024, 3, 1), null, null)))
                .createdAt(T0)
                .updatedAt(t0PlusMicros(1))
                .build();
    }

    /** A plan for {@code opportunity} without steps. */
    public static DevelopmentPlan minimalPlan(TenantId tenant, String id, OpportunityId opportunity) {
        return DevelopmentPlan.create(new DevelopmentPlanId(id), tenant, opportunity, WANG, T0);
    }

    /**
     * A done visit with every field filled in: it names customer {@code customer}, contact {@code k-1} and
     * opportunity {@code o-1}, has a reminder, notes and an outcome.
     */
    public static Activity activity(TenantId tenant, String id, CustomerId customer) {
        return Activity.builder()
                .id(new ActivityId(id))
                .tenant(tenant)
                .kind(ActivityKind.VISIT)
                .subject("拜访 \"华夏\" 'CTO'")
                .customer(customer)
                .contact(new ContactId("k-1"))
                .opportunity(new OpportunityId("o-1"))
                .owner(LI)
                .due(t0PlusMicros(9))
                .reminder(t0PlusMicros(2))
                .notes(AWKWARD)
                .status(ActivityStatus.DONE)
                .outcome("签约意向 ✅\n下周报价")
                .completedAt(t0PlusMicros(11))
                .createdAt(T0)
                .updatedAt(t0PlusMicros(13))
                .build();
    }

    /** An open call about {@code customer} with every optional field empty. */
    public static Activity minimalActivity(TenantId tenant, String id, CustomerId customer) {
        return Activity.builder()
                .id(new ActivityId(id))
                .tenant(tenant)
                .kind(ActivityKind.CALL)
                .subject("Call " + id)
                .customer(customer)
                .owner(WANG)
                .due(T0.plusSeconds(3600))
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /**
     * What an outbox message carries, in an order that is neither alphabetical nor by length (the orders of JSON
     * types that sort their keys): Chinese text, {@link #AWKWARD} text, an empty and a {@code null} value.
     */
    public static Map<String, String> outboxData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("zeta", "商机已分配给你");
        data.put("a", AWKWARD);
        data.put("客户名称", "北京华夏科技有限公司 🚀");
        data.put("mm", "");
        data.put("b", null);
        data.put("key \"with\" \\ and %_", "{\"not\": \"json\"}");
        return data;
    }

    /**
     * A pending notification for {@link #LI} by {@link #WANG} about opportunity {@code o-1}, carrying
     * {@link #outboxData()}; created at {@code at} and due then.
     */
    public static OutboxMessage notification(TenantId tenant, String id, String key, Instant at) {
        return OutboxMessage.pending(id, tenant, OutboxKind.NOTIFICATION, key, "opportunity.assigned",
                Opportunity.RECORD_TYPE, "o-1", LI, WANG, at, outboxData());
    }

    /** A pending event by {@link #WANG} about customer {@code c-1}, without recipient or data; due when created. */
    public static OutboxMessage event(TenantId tenant, String id, String key, Instant at) {
        return OutboxMessage.pending(id, tenant, OutboxKind.EVENT, key, "customer.create", Customer.RECORD_TYPE, "c-1",
                null, WANG, at, Map.of());
    }
}
