package dev.kehu.crm.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.audit.AuditEntry;
import dev.kehu.crm.audit.FieldChange;
import dev.kehu.crm.callcentre.Callers;
import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactCategory;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerCategory;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.customer.OrgUnit;
import dev.kehu.crm.customer.Rating;
import dev.kehu.crm.customer.RelationshipLevel;
import dev.kehu.crm.jdbc.JdbcCrmStore;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo of the README's first command: a host embedding Kehu on an embedded H2 database. It creates
 * company and individual customers with their contacts, then shows a search by pinyin initials, a
 * caller look-up by phone, the merge of a duplicate, a rejected input with its messages and the audit
 * trail; then the sales story of {@link SalesStory}. Chinese by default; {@code --lang=en} for English.
 */
public final class Demo {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The demo's clock starts here and only the story moves it, so every run prints the same. */
    static final LocalDateTime START = LocalDateTime.of(2026, 11, 23, 9, 30);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Kehu kehu;
    private final DemoClock clock;
    private final List<Notification> inbox = new ArrayList<>();
    private final Narrator narrator;
    private final Locale locale;
    private final PrintStream out;
    private final Actor wangWei;
    private final Actor zhaoMin;
    private final Actor supervisor;

    Demo(CrmStore store, DemoClock clock, Locale locale, PrintStream out) {
        // Sequential ids, like the fixed clock, make every run print the same: records with equal keys come
        // back in id order, and the audit trail shows ids. Notifications go to an inbox the story prints; a
        // host would send mail or WeCom messages instead.
        AtomicLong ids = new AtomicLong();
        this.kehu = Kehu.builder().store(store).clock(clock)
                .idGenerator(() -> String.format("demo-%08d", ids.incrementAndGet()))
                .salesForce(SalesStory.SALES_FORCE).baseCurrency(Money.CNY).exchangeRates(SalesStory.RATES)
                .serviceAgents(AfterSalesStory.SERVICE_DESK).notifications(inbox::add).build();
        this.clock = clock;
        this.narrator = new Narrator(locale, out);
        this.locale = locale;
        this.out = out;
        wangWei = Actor.of("wang.wei", "huaxia-demo", Role.SALES_REPRESENTATIVE).withLocale(locale);
        zhaoMin = Actor.of("zhao.min", "huaxia-demo", Role.SALES_REPRESENTATIVE).withLocale(locale);
        supervisor = Actor.of("liu.qiang", "huaxia-demo", Role.SALES_SUPERVISOR).withLocale(locale);
    }

    public static void main(String[] args) {
        // Hibernate Validator logs through JBoss Logging; send it to SLF4J like everything else.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        Locale locale = Arrays.asList(args).contains("--lang=en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:kehu-demo;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(4);
        try (HikariDataSource dataSource = new HikariDataSource(config);
             CrmStore store = JdbcCrmStore.create(dataSource)) {
            new Demo(store, DemoClock.at(START, BEIJING), locale, out).run();
        }
    }

    void run() {
        heading("Kehu 客户关系管理 — 演示", "Kehu CRM — demo");
        out.println(t("数据库：嵌入式 H2（JDBC 存储）。操作人：王伟、赵敏（销售代表），刘强（销售主管）。",
                "Database: embedded H2 (JDBC store). Acting: Wang Wei and Zhao Min (sales reps), Liu Qiang (supervisor)."));
        out.println(t("时钟固定在 " + START.toLocalDate() + " " + START.toLocalTime() + "（北京时间），随销售故事逐日推进，每次运行输出相同。",
                "The clock stands at " + START.toLocalDate() + " " + START.toLocalTime()
                        + " (Beijing time) and moves on day by day with the sales story, so every run prints the same."));
        out.println();

        Customer huaxia = seedCustomers();
        searchByInitials();
        lookUpCaller();
        Customer survivor = mergeDuplicate(huaxia);
        rejectBadInput();
        showAuditTrail(survivor);
        Opportunity won = new SalesStory(kehu, clock, inbox, narrator, wangWei, zhaoMin, supervisor).run();
        new AfterSalesStory(kehu, clock, inbox, narrator, zhaoMin, supervisor).run(won);
        kehu.close();
    }

    private Customer seedCustomers() {
        heading("1. 客户与联系人", "1. Customers and contacts");
        Customer huaxia = company(wangWei, CustomerDetails.company("北京华夏科技有限公司").number("KH-0001")
                .industry("IT").category(CustomerCategory.VIP).valueRating(Rating.HIGH).creditRating(Rating.HIGH)
                .relationship(RelationshipLevel.CLOSE).staffSize(350).source("REFERRAL")
                .countryOrRegion("中国").province("北京市").city("北京市").postcode("100022").address("朝阳区建国路88号")
                .phone("010-65123456").website("www.huaxia-tech.example.cn").tags("重点客户", "软件"));
        huaxia = kehu.customers().addDepartment(wangWei, huaxia.id(), "技术部", null);
        OrgUnit tech = huaxia.organisation().get(0);
        huaxia = kehu.customers().addPosition(wangWei, huaxia.id(), tech.id(), "技术总监");
        OrgUnit cto = huaxia.organisation().get(1);
        contact(wangWei, ContactDetails.of(huaxia.id(), "李娜").gender("FEMALE").category(ContactCategory.KEY)
                .salutation("李总").department("技术部").position("技术总监").orgUnit(cto.id()).primary(true)
                .mobile("138 0013 8000").workPhone("010-6512 3456").email("li.na@huaxia-tech.example.cn")
                .messenger("WeChat: lina_hx").birthday(LocalDate.of(1985, 3, 12)).responsibility("信息化项目选型")
                .hobbies("羽毛球"));
        contact(wangWei, ContactDetails.of(huaxia.id(), "张强").gender("MALE").category(ContactCategory.IMPORTANT)
                .salutation("张经理").department("采购部").position("采购经理").mobile("139 1012 3456")
                .email("zhang.qiang@huaxia-tech.example.cn"));

        Customer pudong = company(wangWei, CustomerDetails.company("上海浦东发展贸易有限公司").number("KH-0002")
                .industry("RETAIL").category(CustomerCategory.ORDINARY).staffSize(120).source("INTERNET")
                .countryOrRegion("中国").province("上海市").city("上海市").address("浦东新区世纪大道100号")
                .phone("021-5888 6666"));
        contact(wangWei, ContactDetails.of(pudong.id(), "陈静").gender("FEMALE").salutation("陈总")
                .position("总经理").primary(true).mobile("+86 137 0123 4567"));
        contact(wangWei, ContactDetails.of(pudong.id(), "刘洋").gender("MALE").position("财务主管")
                .workPhone("021 5888 6667"));

        Customer nanfang = company(zhaoMin, CustomerDetails.company("广州南方制造股份有限公司").number("KH-0003")
                .industry("MANUFACTURING").category(CustomerCategory.PARTNER).staffSize(2000)
                .countryOrRegion("中国").province("广东省").city("广州市").address("黄埔区开发大道8号")
                .phone("020-8765 4321"));
        contact(zhaoMin, ContactDetails.of(nanfang.id(), "黄磊").gender("MALE").position("设备部部长").primary(true)
                .mobile("135 0200 1234"));

        Customer qianhai = company(zhaoMin, CustomerDetails.company("深圳前海金融服务有限公司").number("KH-0004")
                .industry("FINANCE").category(CustomerCategory.POTENTIAL).staffSize(80)
                .countryOrRegion("中国").province("广东省").city("深圳市").phone("0755-2680 1234"));
        contact(zhaoMin, ContactDetails.of(qianhai.id(), "周婷").gender("FEMALE").position("运营总监").primary(true)
                .mobile("150 1234 5678"));

        Customer changan = company(wangWei, CustomerDetails.company("重庆长安物流有限公司").number("KH-0005")
                .industry("LOGISTICS").category(CustomerCategory.AGENT).staffSize(500)
                .countryOrRegion("中国").province("重庆市").city("重庆市").phone("023-6388 8888"));
        contact(wangWei, ContactDetails.of(changan.id(), "吴刚").gender("MALE").position("调度经理").primary(true)
                .mobile("186 2300 8888"));

        company(zhaoMin, CustomerDetails.individual("王芳").number("KH-0006").gender("FEMALE")
                .category(CustomerCategory.VIP).countryOrRegion("中国").province("浙江省").city("杭州市")
                .phone("136 6666 8888").email("wang.fang@example.cn"));
        company(wangWei, CustomerDetails.individual("赵磊").number("KH-0007").gender("MALE")
                .countryOrRegion("中国").province("四川省").city("成都市").phone("028-8555 1234"));

        kehu.customers().changeOwner(supervisor, nanfang.id(), new UserId("wang.wei"));
        printCustomers(kehu.customers().find(wangWei, CustomerQuery.all(),
                PageRequest.first(50, CustomerSort.NUMBER)).items());
        out.println(t("北京华夏科技有限公司的联系人：", "Contacts of 北京华夏科技有限公司:"));
        printContacts(kehu.contacts().ofCustomer(wangWei, huaxia.id()));
        return kehu.customers().get(wangWei, huaxia.id());
    }

    private void searchByInitials() {
        heading("2. 按拼音首字母查找：“bjhx”", "2. Search by pinyin initials: \"bjhx\"");
        printCustomers(kehu.customers().search(wangWei, "bjhx", PageRequest.first(10, CustomerSort.NAME)).items());
    }

    private void lookUpCaller() {
        String dialled = "+86 10 6512 3456";
        heading("3. 来电弹屏：" + dialled, "3. Caller look-up: " + dialled);
        Callers callers = kehu.callCentre().findByPhone(wangWei, dialled);
        out.println(t("规范化号码：", "Normalised number: ") + callers.number() + " (" + callers.number().national() + ")");
        printCustomers(callers.customers());
        printContacts(callers.contacts());
    }

    private Customer mergeDuplicate(Customer huaxia) {
        heading("4. 合并重复客户", "4. Merging a duplicate customer");
        Customer duplicate = company(zhaoMin, CustomerDetails.company("华夏科技").industry("IT")
                .phone("+86 10 6512 3456").email("contact@huaxia-tech.example.cn").tags("北京"));
        contact(zhaoMin, ContactDetails.of(duplicate.id(), "孙悦").gender("FEMALE").position("项目经理").primary(true)
                .mobile("158 0101 2323"));
        out.println(t("赵敏又录入了同一家公司。按电话查找，发现两条记录：",
                "Zhao Min entered the same company again. A look-up by phone finds two records:"));
        printCustomers(kehu.customers().findByPhone(wangWei, "010 6512 3456"));

        Customer survivor = kehu.customers().merge(supervisor, duplicate.id(), huaxia.id());
        out.println(t("刘强将“华夏科技”合并到“北京华夏科技有限公司”。合并后的联系人（主联系人不变）：",
                "Liu Qiang merges 华夏科技 into 北京华夏科技有限公司. Contacts after the merge (the primary stays):"));
        printContacts(kehu.contacts().ofCustomer(wangWei, survivor.id()));
        out.println(t("保留客户补充了空缺字段：电子邮箱 = ", "The survivor took over fields it lacked: e-mail = ")
                + survivor.email() + t("，标签 = ", ", tags = ") + new TreeSet<>(survivor.tags()));
        out.println();
        return survivor;
    }

    private void rejectBadInput() {
        heading("5. 拒绝错误输入（不写入任何数据）", "5. Rejecting bad input (nothing is written)");
        CustomerDetails bad = CustomerDetails.company("  ").email("info@huaxia").phone("12345").staffSize(-5)
                .category("SUPER").website("javascript:alert(1)").industry("MINING").build();
        try {
            kehu.customers().create(wangWei, bad);
        } catch (InvalidInputException e) {
            TextTable table = new TextTable(t("字段", "field"), t("问题", "problem"), t("输入值", "rejected value"));
            for (Violation v : e.violations()) table.row(v.path(), v.message(), v.rejectedValue());
            table.print(out);
        }
    }

    private void showAuditTrail(Customer survivor) {
        heading("6. 操作日志：" + survivor.name(), "6. Audit trail of " + survivor.name());
        TextTable table = new TextTable(t("时间", "time"), t("操作人", "who"), t("操作", "action"),
                t("记录", "record"), t("字段", "field"), t("原值", "from"), t("新值", "to"));
        for (AuditEntry entry : kehu.customers().history(wangWei, survivor.id())) {
            String time = TIME.format(entry.at().atZone(BEIJING));
            String record = entry.recordId().equals(survivor.id().value()) ? survivor.name() : t("重复记录", "duplicate");
            List<FieldChange> changes = entry.changes().stream()
                    .filter(c -> !c.field().equals("mnemonic") || entry.action().endsWith("create")).toList();
            if (changes.isEmpty()) table.row(time, entry.actor(), entry.action(), record, "", "", "");
            for (int i = 0; i < changes.size(); i++) {
                FieldChange c = changes.get(i);
                table.row(i == 0 ? time : "", i == 0 ? entry.actor() : "", i == 0 ? entry.action() : "",
                        i == 0 ? record : "", c.field(), shorten(c.from()), shorten(c.to()));
            }
        }
        table.print(out);
    }

    private Customer company(Actor actor, CustomerDetails.Builder details) {
        return kehu.customers().create(actor, details.build());
    }

    private void contact(Actor actor, ContactDetails.Builder details) {
        kehu.contacts().create(actor, details.build());
    }

    private void printCustomers(List<Customer> customers) {
        TextTable table = new TextTable(t("编号", "number"), t("名称", "name"), t("助记名", "mnemonic"),
                t("类型", "type"), t("种类", "kind"), t("行业", "industry"), t("电话", "phone"), t("城市", "city"),
                t("客户经理", "account manager"));
        ReferenceData lists = kehu.referenceData();
        for (Customer c : customers) {
            table.row(c.number(), c.name(), c.mnemonic(), c.type().label(locale), c.category().label(locale),
                    c.industry() == null ? "" : lists.list(ReferenceData.INDUSTRY).find(c.industry())
                            .map(code -> code.label(locale)).orElse(c.industry()),
                    national(c.phone()), c.address().city(), c.owner());
        }
        table.print(out);
    }

    private void printContacts(List<Contact> contacts) {
        TextTable table = new TextTable(t("姓名", "name"), t("称谓", "salutation"), t("职位", "position"),
                t("分类", "category"), t("主联系人", "primary"), t("手机", "mobile"), t("办公电话", "work phone"));
        for (Contact c : contacts) {
            table.row(c.name(), c.salutation(), c.position(), c.category().label(locale),
                    c.primary() ? "★" : "", national(c.mobile()), national(c.workPhone()));
        }
        table.print(out);
    }

    private static String national(PhoneNumber phone) {
        return phone == null ? "" : phone.national();
    }

    private static String shorten(String text) {
        if (text == null) return "—";
        return text.length() > 28 ? text.substring(0, 27) + "…" : text;
    }

    private void heading(String zh, String en) {
        narrator.heading(zh, en);
    }

    private String t(String zh, String en) {
        return narrator.t(zh, en);
    }
}
