package dev.kehu.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.CrmStore;
import dev.kehu.crm.jdbc.JdbcCrmStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

// The demo runs once per language; the tests read its output.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTest {
    private String chinese;
    private String english;

    private static String runDemo(Locale locale, String database) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        try (dataSource; CrmStore store = JdbcCrmStore.create(dataSource);
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new Demo(store, DemoClock.at(Demo.START, Demo.BEIJING), locale, out).run();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @BeforeAll
    void runInBothLanguages() {
        chinese = runDemo(Locale.SIMPLIFIED_CHINESE, "demo-zh");
        english = runDemo(Locale.ENGLISH, "demo-en");
    }

    /** The one line of {@code text} that contains {@code fragment}. */
    private static String line(String text, String fragment) {
        List<String> lines = text.lines().filter(l -> l.contains(fragment)).toList();
        assertThat(lines).as("lines containing \"%s\"", fragment).hasSize(1);
        return lines.get(0);
    }

    /** The text from the heading that starts with {@code from} up to the one that starts with {@code to}. */
    private static String section(String text, String from, String to) {
        int start = text.indexOf("\n" + from);
        int end = to == null ? text.length() : text.indexOf("\n" + to, start);
        assertThat(start).as("section %s", from).isNotNegative();
        assertThat(end).as("end of section %s", from).isGreaterThan(start);
        return text.substring(start, end);
    }

    @Test
    @DisplayName("the demo tells its story in Chinese: search, screen-pop, merge, rejected input, audit trail")
    void chinese() {
        assertThat(chinese)
                .contains("2. 按拼音首字母查找：“bjhx”")
                .contains("bjhxkjyxgs")
                .contains("规范化号码：+861065123456 (010 6512 3456)")
                .contains("孙悦")
                .contains("contact@huaxia-tech.example.cn")
                .contains("不是有效的电话号码")
                .contains("必须是以下之一：POTENTIAL, ORDINARY, VIP, AGENT, PARTNER, INACTIVE")
                .contains("“MINING”不在列表“industry”中")
                .contains("customer.merge")
                .contains("2026-11-23 09:30:00");
        String search = chinese.substring(chinese.indexOf("2. 按拼音首字母查找"), chinese.indexOf("3. 来电弹屏"));
        assertThat(search).contains("北京华夏科技有限公司").doesNotContain("上海浦东发展贸易有限公司");
        String merge = chinese.substring(chinese.indexOf("合并后的联系人"), chinese.indexOf("保留客户补充了空缺字段"));
        assertThat(merge).contains("李娜", "张强", "孙悦");
        assertThat(merge.lines().filter(line -> line.contains("★"))).hasSize(1);
    }

    @Test
    @DisplayName("the lead phoned in becomes customer, contact and opportunity, and its new owner is notified")
    void leadConvertedAndAssigned() {
        String lead = section(chinese, "7. ", "8. ");
        assertThat(line(lead, "接听来电")).contains("电话来访", "新线索");
        assertThat(line(lead, "转化为客户、联系人和销售机会")).contains("2026-11-24 09:30", "已转化");
        assertThat(line(lead, "KH-0008")).contains("杭州西湖智能设备有限公司", "电话来访");
        assertThat(line(lead, "陈明 ★")).contains("信息中心主任");
        assertThat(line(lead, "550,000.00 CNY")).contains("销售管理系统（50 用户）", "初期沟通 10%");

        String assignment = section(chinese, "8. ", "9. ");
        assertThat(line(assignment, "opportunity.assigned"))
                .contains("2026-11-24 14:00", "赵敏", "刘强", "您成为销售机会“销售管理系统（50 用户）”的负责人");
        assertThat(line(english, "opportunity.assigned"))
                .contains("Zhao Min", "Liu Qiang", "You now own the opportunity \"Sales management system (50 users)\"");
    }

    @Test
    @DisplayName("refused attempts show the rule's code and a message in the actor's language")
    void refusals() {
        assertThat(line(chinese, "assignment.supervisor-only")).contains("王伟", "只有销售主管可以分配销售机会");
        assertThat(line(chinese, "opportunity.entry.QUOTE_MADE")).contains("进入阶段商务谈判前必须先报价");
        assertThat(line(chinese, "input.invalid / probability")).contains("不能是37");
        assertThat(line(english, "assignment.supervisor-only")).contains("only a sales supervisor may assign");
        assertThat(line(english, "opportunity.entry.QUOTE_MADE")).contains("stage negotiation needs a quote first");
        assertThat(line(english, "input.invalid / probability")).contains("not 37");
    }

    @Test
    @DisplayName("the deal is won through all seven stages, with both quotes, its history and time in stages")
    void won() {
        String quotes = section(chinese, "11. ", "12. ");
        assertThat(line(quotes, "已被替代")).startsWith("1 ").contains("2026-12-09", "552,000.00 CNY");
        assertThat(line(quotes, "已接受")).startsWith("2 ").contains("2026-12-21", "522,000.00 CNY");

        String won = section(chinese, "12. ", "13. ");
        assertThat(won).contains("状态：开发成功，可能性 100%，金额 522,000.00 CNY，关闭于 2027-01-08 09:30。");
        assertThat(won.lines().filter(l -> l.contains("阶段变更"))).hasSize(6);
        assertThat(line(won, "合同已签署")).contains("2027-01-08 09:30", "开发成功", "合同签约", "90% → 100%");
        String times = won.substring(won.indexOf("各阶段停留时间"), won.indexOf("开发计划的执行效果"));
        for (String stage : List.of("初期沟通", "立项评估", "需求分析", "方案制定", "招投标/竞争", "商务谈判", "合同签约")) {
            assertThat(times).contains(stage);
        }
        assertThat(line(times, "商务谈判")).contains("14 天 0 小时");
        assertThat(line(times, "合计")).contains("45 天 0 小时");
        assertThat(line(won, "许可折扣谈至 15%")).contains("2026-12-21", "2026-12-23");

        String english12 = section(english, "12. ", "13. ");
        assertThat(english12).contains("Status: won, probability 100%, amount 522,000.00 CNY");
        String englishTimes = english12.substring(english12.indexOf("Time in each stage"),
                english12.indexOf("Results of the development plan"));
        assertThat(line(englishTimes, "negotiation")).contains("14 d 0 h");
    }

    @Test
    @DisplayName("the dollar deal is lost to a named competitor with its reason, shown in the base currency too")
    void lost() {
        String lost = section(chinese, "13. ", "14. ");
        assertThat(line(lost, "广州南方制造股份有限公司"))
                .contains("85,000.00 USD", "603,500.00 CNY", "开发失败", "价格高于竞争对手约 15%", "云帆软件");
        assertThat(line(lost, "海外没有实施团队")).contains("竞争对手", "云帆软件", "价格低约 15%");
        assertThat(line(section(english, "13. ", "14. "), "广州南方制造股份有限公司"))
                .contains("lost", "price about 15% above the competitor's", "云帆软件");
    }

    @Test
    @DisplayName("the funnel and the weighted forecast add up in the base currency")
    void funnelAndForecast() {
        String funnel = section(chinese, "14. ", "15. ");
        assertThat(funnel).contains("1 USD = 7.10 CNY");
        assertThat(line(funnel, "进行中合计")).contains("| 2 ", "626,000.00 CNY", "230,400.00 CNY");
        assertThat(line(funnel, "开发成功")).contains("| 1 ", "522,000.00 CNY");
        assertThat(line(funnel, "开发失败")).contains("| 1 ", "603,500.00 CNY");

        String forecast = section(chinese, "15. ", "16. ");
        assertThat(line(forecast, "2027-01 |")).contains("522,000.00 CNY");
        assertThat(line(forecast, "2027-02 |")).contains("426,000.00 CNY", "170,400.00 CNY");
        assertThat(line(forecast, "2027-03 |")).contains("200,000.00 CNY", "60,000.00 CNY");
        assertThat(forecast).contains("加权预测合计：752,400.00 CNY");
        assertThat(english).contains("Weighted forecast in total: 752,400.00 CNY");
    }

    @Test
    @DisplayName("the won deal becomes a contract approved by the supervisor and signed, and an order; the "
            + "customer's lifecycle stage follows")
    void contractAndOrder() {
        String contract = section(chinese, "16. ", "17. ");
        assertThat(contract).contains("合同 HT-2027-001，522,000.00 CNY，2027-01-15 至 2028-01-14");
        assertThat(line(contract, "待审批 → 已审批")).contains("2027-01-12 09:00", "刘强", "条款符合公司政策");
        assertThat(line(contract, "已审批 → 执行中")).contains("赵敏");
        assertThat(contract).contains("售前跟踪 → 合同执行", "SO-2027-001：3 行，合计 522,000.00 CNY");
        assertThat(line(contract, "contract.approved")).contains("赵敏", "刘强");
        assertThat(section(english, "16. ", "17. ")).contains("pre-sales", "Order SO-2027-001 placed");
    }

    @Test
    @DisplayName("a complaint misses its first response, is escalated once, put right and rated")
    void complaint() {
        String service = section(chinese, "17. ", "18. ");
        assertThat(service).contains("首次响应时限 2027-02-01 11:10", "升级 1 单给主管");
        assertThat(line(service, "service-ticket.escalated")).contains("周红");
        assertThat(line(service, "首次响应超时")).contains("2027-02-01 11:30");
        assertThat(service).contains("满意度 4/5");
        assertThat(line(service, "整改措施完成")).contains("孙丽");
    }

    @Test
    @DisplayName("the care run on a clock set ahead finds the birthday, the contract's notice and the dormant "
            + "customer, and a second run adds nothing")
    void careReminders() {
        String care = section(chinese, "18. ", null);
        assertThat(line(care, "| 王丽")).contains("2027-12-12", "王伟");
        assertThat(line(care, "HT-2027-001（60 天提醒）")).contains("2028-01-14", "赵敏");
        assertThat(care.lines().filter(l -> l.contains("杭州西湖智能设备有限公司")).toList()).singleElement()
                .asString().contains("2027-07-16");
        assertThat(care).contains("第一次发出 7 条通知，第二次 0 条");
        assertThat(english).contains("The first run sent 7 notifications, the second 0");
    }

    @Test
    @DisplayName("the demo speaks English on request")
    void english() {
        assertThat(english)
                .contains("2. Search by pinyin initials: \"bjhx\"")
                .contains("is not a valid phone number")
                .contains("must be one of: POTENTIAL, ORDINARY, VIP, AGENT, PARTNER, INACTIVE")
                .contains("information technology")
                .contains("7. A lead phones in", "15. Sales forecast", "16. Contract", "17. Service", "18. Customer care")
                .doesNotContain("不是有效的电话号码", "开发成功", "开发失败", "必须先报价", "销售漏斗");
    }

    @Test
    @DisplayName("the clock is fixed: a second run prints exactly the same")
    void deterministic() {
        assertThat(runDemo(Locale.SIMPLIFIED_CHINESE, "demo-zh-again")).isEqualTo(chinese);
    }
}
