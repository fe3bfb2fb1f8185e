package dev.kehu.crm.examples.bench;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.activity.ActivityId;
import dev.kehu.crm.activity.ActivityKind;
import dev.kehu.crm.activity.ActivityStatus;
import dev.kehu.crm.common.Address;
import dev.kehu.crm.common.Code;
import dev.kehu.crm.common.Gender;
import dev.kehu.crm.common.Mnemonic;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactCategory;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerCategory;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerStatus;
import dev.kehu.crm.customer.CustomerType;
import dev.kehu.crm.customer.LifecycleStage;
import dev.kehu.crm.customer.Rating;
import dev.kehu.crm.customer.RelationshipLevel;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityFacts;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.Pipeline;
import dev.kehu.crm.opportunity.Probability;
import dev.kehu.crm.opportunity.Stage;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.order.SalesOrderId;
import dev.kehu.crm.order.SalesOrderStatus;
import dev.kehu.crm.quote.QuoteLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes the benchmark dataset, the same for the same seed and size, and writes it through the store's own
 * repositories ({@code save} and {@code append}), so the rows are exactly those Kehu writes for these records.
 * Records are built by the domain's own methods: an opportunity is opened and moved through the standard
 * pipeline, so its stage history is one Kehu could have recorded (about five lines each, over two years).
 *
 * <p>Each customer comes with its contacts, opportunities and activities, and each customer's records come from
 * a random generator seeded by the seed and the customer's number: a larger dataset begins with a smaller one.
 * The history of how the records came about (audit entries, outbox messages) is not part of the dataset; each
 * record is saved once, as a new record, so it is at the version a first save gives.
 */
public final class DatasetGenerator {
    /** The tenant every benchmark record belongs to. */
    public static final TenantId TENANT = new TenantId("bench");
    /** The benchmark's "now": the dataset spans the two years before it. */
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant START = NOW.minus(Duration.ofDays(730));
    public static final int MANAGERS = 20;
    /** Records written per transaction. */
    private static final int CUSTOMERS_PER_TRANSACTION = 200;
    private static final OpportunityFacts QUOTED = new OpportunityFacts(true);
    private static final String[] CITIES = {"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州"};
    private static final String[] WORDS = {"华夏", "东方", "长城", "新星", "金桥", "恒通", "远航", "天宇", "博雅", "瑞丰",
            "中科", "宏图", "嘉禾", "明德", "泰和", "鼎盛"};
    private static final String[] TRADES = {"科技", "贸易", "制造", "物流", "软件", "医药", "建设", "电子"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] PRODUCTS = {"企业版软件许可", "年度维护服务", "实施服务", "培训课程", "硬件设备"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"};

    private final long seed;
    private final DatasetSize size;
    private final Pipeline pipeline = Pipeline.standard();
    private final List<String> industries = codes(ReferenceData.INDUSTRY);
    private final List<String> sources = codes(ReferenceData.CUSTOMER_SOURCE);

    public DatasetGenerator(long seed, DatasetSize size) {
        this.seed = seed;
        this.size = size;
    }

    public DatasetSize size() {
        return size;
    }

    public long seed() {
        return seed;
    }

    /** Writes the dataset into an empty store; returns what was written. */
    public Written writeTo(CrmStore store) {
        return writeTo(store, 1);
    }

    /**
     * Writes the dataset into an empty store from {@code threads} threads, each transaction a run of customers with
     * all their records; returns what was written.
     */
    public Written writeTo(CrmStore store, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Written>> chunks = new ArrayList<>();
            for (int from = 0; from < size.customers(); from += CUSTOMERS_PER_TRANSACTION) {
                int first = from;
                int to = Math.min(size.customers(), from + CUSTOMERS_PER_TRANSACTION);
                chunks.add(pool.submit(() -> store.transactions().inTransaction(() -> {
                    Written written = Written.NONE;
                    for (int i = first; i < to; i++) written = written.plus(block(i).writeTo(store));
                    return written;
                })));
            }
            Written total = Written.NONE;
            for (Future<Written> chunk : chunks) total = total.plus(chunk.get());
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write the dataset: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Customer {@code i} with its contacts, opportunities (each with its history) and activities. */
    public Block block(int i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        Customer customer = customer(i, random);
        List<Contact> contacts = new ArrayList<>();
        for (int k = 0; k < DatasetSize.CONTACTS_PER_CUSTOMER; k++) {
            contacts.add(contact(customer, i * DatasetSize.CONTACTS_PER_CUSTOMER + k, k == 0, random));
        }
        List<Opportunity.Change> opened = new ArrayList<>();
        List<List<Opportunity.Change>> histories = new ArrayList<>();
        for (int k = 0; k < DatasetSize.OPPORTUNITIES_PER_CUSTOMER; k++) {
            histories.add(opportunity(customer, i * DatasetSize.OPPORTUNITIES_PER_CUSTOMER + k, random));
        }
        List<Activity> activities = new ArrayList<>();
        for (int k = 0; k < DatasetSize.ACTIVITIES_PER_CUSTOMER; k++) {
            Contact contact = contacts.get(k % contacts.size());
            Opportunity opportunity = histories.get(k % histories.size()).get(0).opportunity();
            activities.add(activity(customer, contact, opportunity, i * DatasetSize.ACTIVITIES_PER_CUSTOMER + k, random));
        }
        List<SalesOrder> orders = new ArrayList<>();
        for (int k = 0; k < DatasetSize.ORDERS_PER_CUSTOMER; k++) {
            orders.add(order(customer, i * DatasetSize.ORDERS_PER_CUSTOMER + k, random));
        }
        return new Block(customer, contacts, histories, activities, orders);
    }

    /** The id of customer {@code i}. */
    public static CustomerId customerId(int i) {
        return new CustomerId(String.format("c%07d", i));
    }

    /** The id of opportunity {@code j}: customer {@code j / 10}'s. */
    public static OpportunityId opportunityId(int j) {
        return new OpportunityId(String.format("o%08d", j));
    }

    /** The office phone of customer {@code i}, as a person would type it: a Beijing number. */
    public static String customerPhone(int i) {
        String digits = String.valueOf(60_000_000 + i);
        return "010-" + digits.substring(0, 4) + " " + digits.substring(4);
    }

    /** The account manager {@code k} of the {@link #MANAGERS}. */
    public static UserId manager(int k) {
        return new UserId(String.format("rep-%02d", k));
    }

    private Customer customer(int i, SplittableRandom random) {
        boolean individual = i % 3 == 2;
        String name = individual ? personName(random) + "（" + i + "）"
                : CITIES[random.nextInt(CITIES.length)] + WORDS[random.nextInt(WORDS.length)]
                        + TRADES[random.nextInt(TRADES.length)] + "有限公司" + i;
        Instant created = START.plusSeconds(random.nextLong(Duration.ofDays(365).toSeconds()));
        return Customer.builder().id(customerId(i)).tenant(TENANT)
                .type(individual ? CustomerType.INDIVIDUAL : CustomerType.COMPANY).name(name)
                .mnemonic(Mnemonic.of(name)).number(String.format("K%07d", i))
                .gender(individual ? (random.nextBoolean() ? Gender.MALE : Gender.FEMALE) : null)
                .valueRating(pick(Rating.values(), random)).creditRating(pick(Rating.values(), random))
                .category(pick(CustomerCategory.values(), random))
                .industry(individual ? null : industries.get(random.nextInt(industries.size())))
                .relationship(pick(RelationshipLevel.values(), random))
                .staffSize(individual ? null : 10 + random.nextInt(5000))
                .source(sources.get(random.nextInt(sources.size())))
                .lifecycleStage(pick(LifecycleStage.values(), random))
                .address(new Address("中国", null, CITIES[i % CITIES.length], null, "中关村大街" + (i % 200 + 1) + "号"))
                .phone(phone(customerPhone(i)))
                .email("info" + i + "@example.cn")
                .owner(manager(i % MANAGERS)).status(CustomerStatus.ACTIVE)
                .createdAt(created).updatedAt(created).build();
    }

    private Contact contact(Customer customer, int n, boolean primary, SplittableRandom random) {
        String name = personName(random);
        return Contact.builder().id(new ContactId(String.format("p%07d", n))).tenant(TENANT).customer(customer.id())
                .name(name).mnemonic(Mnemonic.of(name))
                .gender(random.nextBoolean() ? Gender.MALE : Gender.FEMALE)
                .category(pick(ContactCategory.values(), random)).primary(primary)
                .position(primary ? "总经理" : "采购经理")
                .mobile(phone(String.format("139%08d", n)))
                .email("contact" + n + "@example.cn")
                .createdAt(customer.createdAt()).updatedAt(customer.createdAt()).build();
    }

    /**
     * An opportunity opened at a random time of the two years and moved through the pipeline to a random stage,
     * perhaps re-estimated and perhaps closed: each change as the domain makes it, in order.
     */
    private List<Opportunity.Change> opportunity(Customer customer, int j, SplittableRandom random) {
        Instant at = START.plusSeconds(random.nextLong(Duration.ofDays(690).toSeconds()));
        UserId owner = customer.owner();
        Opportunity.Change change = Opportunity.open(opportunityId(j), TENANT, pipeline, "项目 " + j, customer.id(),
                LocalDate.ofInstant(at, ZoneOffset.UTC), owner, owner, at);
        long cents = 1_000_000L + random.nextLong(500_000_000L);
        Opportunity opened = change.opportunity().toBuilder()
                .expectedAmount(Money.of(BigDecimal.valueOf(cents, 2), Money.CNY))
                .expectedSigningDate(LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(30 + random.nextInt(365)))
                .source(sources.get(random.nextInt(sources.size()))).build();
        List<Opportunity.Change> changes = new ArrayList<>();
        changes.add(new Opportunity.Change(opened, change.line()));
        Opportunity current = opened;
        List<Stage> stages = pipeline.stages();
        int target = random.nextInt(stages.size());
        for (int s = 1; s <= target; s++) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(120)));
            change = current.moveTo(pipeline, stages.get(s).code(), null, null, QUOTED, owner, at);
            changes.add(change);
            current = change.opportunity();
        }
        Stage stage = stages.get(target);
        List<Probability> others = new ArrayList<>();
        for (int p = stage.lowest().percent(); p <= stage.highest().percent(); p += 10) {
            if (p != current.probability().percent()) others.add(Probability.of(p));
        }
        if (!others.isEmpty() && random.nextInt(10) < 6) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
            change = current.estimate(pipeline, others.get(random.nextInt(others.size())), "重新评估", owner, at);
            changes.add(change);
            current = change.opportunity();
        }
        int close = random.nextInt(20);
        if (close < 4 || (close < 7 && target >= 5)) {
            at = at.plus(Duration.ofHours(1 + random.nextInt(48)));
            change = target >= 5 && close % 2 == 0 ? current.win("签约", owner, at)
                    : current.lose("价格", random.nextBoolean() ? "竞争对手" + random.nextInt(10) : null, owner, at);
            changes.add(change);
        }
        return changes;
    }

    private Activity activity(Customer customer, Contact contact, Opportunity opportunity, int n, SplittableRandom random) {
        Instant created = START.plusSeconds(random.nextLong(Duration.ofDays(720).toSeconds()));
        Instant due = created.plus(Duration.ofHours(1 + random.nextInt(24 * 14)));
        ActivityStatus status = due.isBefore(NOW) && random.nextInt(10) < 8 ? ActivityStatus.DONE
                : random.nextInt(20) == 0 ? ActivityStatus.CANCELLED : ActivityStatus.OPEN;
        Activity.Builder activity = Activity.builder().id(new ActivityId(String.format("a%08d", n))).tenant(TENANT)
                .kind(pick(ActivityKind.values(), random)).subject("跟进 " + n).customer(customer.id())
                .contact(contact.id()).opportunity(random.nextBoolean() ? opportunity.id() : null)
                .owner(customer.owner()).due(due).reminder(due.minus(Duration.ofHours(1))).status(status)
                .createdAt(created).updatedAt(created);
        if (status == ActivityStatus.DONE) activity.outcome("已沟通").completedAt(due).updatedAt(due);
        if (status == ActivityStatus.CANCELLED) activity.cancelledAt(created).updatedAt(created);
        return activity.build();
    }

    /**
     * An order of the two years: most confirmed, some cancelled, a few new; one to three lines in yuan. More than
     * half the customers bought last over six months before {@link #NOW}: the dormant ones of the care run.
     */
    private SalesOrder order(Customer customer, int n, SplittableRandom random) {
        LocalDate orderDate = LocalDate.ofInstant(START, ZoneOffset.UTC).plusDays(random.nextInt(725));
        List<QuoteLine> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            lines.add(QuoteLine.of(PRODUCTS[random.nextInt(PRODUCTS.length)], BigDecimal.valueOf(1 + random.nextInt(20)),
                    Money.of(BigDecimal.valueOf(10_000 + random.nextLong(5_000_000), 2), Money.CNY)));
        }
        int status = random.nextInt(20);
        Instant created = orderDate.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextInt(86_400));
        return SalesOrder.builder().id(new SalesOrderId(String.format("s%07d", n))).tenant(TENANT)
                .number(String.format("SO%08d", n)).customer(customer.id()).orderDate(orderDate).currency(Money.CNY)
                .lines(lines).status(status == 0 ? SalesOrderStatus.CANCELLED
                        : status == 1 ? SalesOrderStatus.NEW : SalesOrderStatus.CONFIRMED)
                .createdAt(created).updatedAt(created).build();
    }

    private static String personName(SplittableRandom random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
    }

    private static PhoneNumber phone(String text) {
        return PhoneNumber.parse(text, PhoneNumber.CHINA)
                .orElseThrow(() -> new IllegalStateException("the generator made an invalid phone number " + text));
    }

    private static <E> E pick(E[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> codes(String list) {
        return ReferenceData.defaults().list(list).entries().stream().map(Code::code).toList();
    }

    /** One customer's records: opportunities as the changes that made them, the last being the stored state. */
    public record Block(Customer customer, List<Contact> contacts, List<List<Opportunity.Change>> opportunities,
                        List<Activity> activities, List<SalesOrder> orders) {
        Written writeTo(CrmStore store) {
            store.customers().save(customer);
            contacts.forEach(store.contacts()::save);
            int lines = 0;
            for (List<Opportunity.Change> history : opportunities) {
                store.opportunities().save(history.get(history.size() - 1).opportunity());
                for (Opportunity.Change change : history) store.opportunities().append(customer.tenant(), change.line());
                lines += history.size();
            }
            activities.forEach(store.activities()::save);
            orders.forEach(store.salesOrders()::save);
            return new Written(1, contacts.size(), opportunities.size(), lines, activities.size(), orders.size());
        }
    }

    /** Counts of what was written. */
    public record Written(long customers, long contacts, long opportunities, long stageChanges, long activities,
                          long orders) {
        static final Written NONE = new Written(0, 0, 0, 0, 0, 0);

        Written plus(Written other) {
            return new Written(customers + other.customers, contacts + other.contacts,
                    opportunities + other.opportunities, stageChanges + other.stageChanges,
                    activities + other.activities, orders + other.orders);
        }
    }
}
