package dev.kehu.crm.examples;

import dev.kehu.crm.Kehu;
import dev.kehu.crm.care.CareReport;
import dev.kehu.crm.care.CareReport.RuleReport;
import dev.kehu.crm.care.CareRules;
import dev.kehu.crm.care.Reminder;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractContent;
import dev.kehu.crm.contract.ContractId;
import dev.kehu.crm.contract.ContractStep;
import dev.kehu.crm.contract.PaymentMilestone;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteStatus;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.support.Escalations;
import dev.kehu.crm.support.ServiceAgent;
import dev.kehu.crm.support.ServiceAgents;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.SlaStatus;
import dev.kehu.crm.support.SlaStatus.Deadline;
import dev.kehu.crm.support.SupportService.Choice;
import dev.kehu.crm.support.TicketChannel;
import dev.kehu.crm.support.TicketDetails;
import dev.kehu.crm.support.TicketKind;
import dev.kehu.crm.support.TicketPriority;
import dev.kehu.crm.support.TicketStep;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The after-sales part of the demo (Q2, C1, C6, S1–S5, S3 reminders). The won deal becomes a contract that a
 * supervisor approves and the customer signs, and an order; a complaint misses its first-response target, is
 * escalated, put right with a corrective measure and rated by the customer; months later the daily care run, on a
 * clock set ahead, lists birthdays, contracts nearing their end and dormant customers, and a second run the same day
 * adds nothing.
 */
final class AfterSalesStory {
    /** The service desk: one agent who knows the software, and the desk's head, who hears of breaches. */
    static final UserId SUN_LI = new UserId("sun.li");
    static final UserId ZHOU_HONG = new UserId("zhou.hong");
    static final ServiceAgents SERVICE_DESK = ServiceAgents.of(
            List.of(new ServiceAgent(SUN_LI, Set.of("software"), true, false, null)), Map.of(SUN_LI, ZHOU_HONG),
            ZHOU_HONG);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> SHOWN_RULES = List.of(CareRules.BIRTHDAYS, CareRules.CONTRACT_EXPIRY,
            CareRules.DORMANT_CUSTOMERS);

    private final Kehu kehu;
    private final DemoClock clock;
    private final List<Notification> inbox;
    private final Narrator n;
    private final Actor zhaoMin;
    private final Actor supervisor;
    private final Actor agent;
    private final Actor deskHead;

    AfterSalesStory(Kehu kehu, DemoClock clock, List<Notification> inbox, Narrator narrator, Actor zhaoMin,
                    Actor supervisor) {
        this.kehu = kehu;
        this.clock = clock;
        this.inbox = inbox;
        this.n = narrator;
        this.zhaoMin = zhaoMin;
        this.supervisor = supervisor;
        this.agent = Actor.of(SUN_LI.value(), zhaoMin.tenant().value(), Role.SERVICE_AGENT).withLocale(n.locale());
        this.deskHead = Actor.of(ZHOU_HONG.value(), zhaoMin.tenant().value(), Role.SERVICE_AGENT)
                .withLocale(n.locale());
    }

    void run(Opportunity won) {
        Contract contract = signContract(won);
        placeOrder(won);
        handleComplaint(contract.customer());
        remind();
    }

    private Contract signContract(Opportunity won) {
        n.heading("16. 合同：从赢单到执行", "16. Contract: from the won deal to execution");
        at("2027-01-11T10:00");
        Contract draft = kehu.contracts().draftFromOpportunity(zhaoMin, won.id(), "HT-2027-001");
        Money first = draft.amount().times(new BigDecimal("0.3"));
        ContractContent content = new ContractContent("开元软件有限公司", customerName(draft.customer()),
                LocalDate.of(2027, 1, 15), LocalDate.of(2028, 1, 14), draft.amount(),
                n.t("销售管理系统 50 用户许可、实施及一年维护", "Sales management system: 50 user licences, rollout, a year of support"),
                List.of(PaymentMilestone.of(LocalDate.of(2027, 1, 20), first, n.t("预付款 30%", "30% advance")),
                        PaymentMilestone.of(LocalDate.of(2027, 3, 31), draft.amount().minus(first),
                                n.t("验收款 70%", "70% on acceptance"))));
        Contract c = kehu.contracts().edit(zhaoMin, draft.id(), draft.version(), content);
        c = kehu.contracts().submit(zhaoMin, c.id(), c.version());
        at("2027-01-12T09:00");
        c = kehu.contracts().approve(supervisor, c.id(), c.version(), n.t("条款符合公司政策", "terms within policy"));
        at("2027-01-15T14:00");
        String stageBefore = lifecycleStage(c.customer());
        c = kehu.contracts().sign(zhaoMin, c.id(), c.version(), clock.today());
        // The finance manager who handles the payments joins the contacts; the care run remembers her birthday.
        kehu.contacts().create(zhaoMin, ContactDetails.of(c.customer(), "王丽").gender("FEMALE")
                .position(n.t("财务经理", "finance manager")).mobile("139 5712 3456")
                .birthday(LocalDate.of(1988, 12, 12)).build());

        n.say("合同 " + c.number() + "，" + Narrator.money(c.amount()) + "，" + c.startDate() + " 至 " + c.endDate()
                        + "。审批流程的每一步（Q2）：",
                "Contract " + c.number() + ", " + Narrator.money(c.amount()) + ", " + c.startDate() + " to "
                        + c.endDate() + ". Each step of its approval flow (Q2):");
        TextTable steps = new TextTable(n.t("时间", "time"), n.t("操作人", "who"), n.t("状态", "status"),
                n.t("备注", "note"));
        for (ContractStep step : kehu.contracts().history(zhaoMin, c.id())) {
            steps.row(time(step.at()), n.name(step.actor()), (step.from() == null ? "" : step.from().label(n.locale())
                    + " → ") + step.to().label(n.locale()), step.note() == null ? "" : step.note());
        }
        n.print(steps);
        n.say("客户阶段（C1）随合同变化：" + stageBefore + " → " + lifecycleStage(c.customer()) + "。",
                "The customer's lifecycle stage (C1) follows the contract: " + stageBefore + " → "
                        + lifecycleStage(c.customer()) + ".");
        printNotices("contract.");
        return c;
    }

    private void placeOrder(Opportunity won) {
        at("2027-01-15T15:00");
        Quote accepted = kehu.quotes().ofOpportunity(zhaoMin, won.id()).stream()
                .filter(q -> q.status() == QuoteStatus.ACCEPTED).findFirst().orElseThrow();
        SalesOrder order = kehu.orders().placeFromQuote(zhaoMin, accepted.id(), "SO-2027-001", clock.today());
        n.say("按被接受的报价下单 " + order.number() + "：" + order.lines().size() + " 行，合计 "
                        + Narrator.money(order.total()) + "；订单日期即客户的最近购买日（C6）：" + order.orderDate() + "。",
                "Order " + order.number() + " placed from the accepted quote: " + order.lines().size()
                        + " lines, total " + Narrator.money(order.total())
                        + "; its date is the customer's last purchase (C6): " + order.orderDate() + ".");
        n.out().println();
    }

    private void handleComplaint(CustomerId customer) {
        n.heading("17. 服务：一次投诉（S1–S5）", "17. Service: a complaint (S1–S5)");
        at("2027-02-01T09:10");
        ServiceTicket t = kehu.service().open(agent, TicketDetails.of(customer, TicketKind.COMPLAINT,
                TicketChannel.PHONE, n.t("手机端同步失败，当天拜访记录丢失", "Mobile sync fails; a day of visit records lost"))
                .priority(TicketPriority.HIGH).skill("software"));
        t = kehu.service().assignAutomatically(deskHead, t.id(), t.version(), Choice.ROUND_ROBIN);
        at("2027-02-01T11:30");
        Escalations escalations = kehu.service().escalateBreaches(deskHead, clock.instant());
        SlaStatus late = kehu.service().slaStatus(agent, t.id());
        n.say("高优先级：首次响应时限 " + time(late.firstResponse().due()) + "（工作时间内 2 小时）。11:30 的扫描发现超时，升级 "
                        + escalations.escalated() + " 单给主管。",
                "High priority: first response due " + time(late.firstResponse().due())
                        + " (2 business hours). The 11:30 scan finds it late and escalates " + escalations.escalated()
                        + " ticket to the supervisor.");
        printNotices("service-ticket.");

        at("2027-02-01T11:40");
        t = kehu.service().get(agent, t.id()); // the escalation changed it
        t = kehu.service().respond(agent, t.id(), t.version(), n.t("已致电客户，正在排查", "called the customer back; investigating"));
        t = kehu.service().start(agent, t.id(), t.version());
        t = kehu.service().addMeasure(agent, t.id(), t.version(),
                n.t("同步失败时提醒用户并保留本地草稿", "warn users when sync fails and keep a local draft"), SUN_LI,
                LocalDate.of(2027, 2, 10));
        at("2027-02-01T16:20");
        t = kehu.service().resolve(agent, t.id(), t.version(),
                n.t("修复同步冲突，从服务器日志恢复记录", "fixed the sync conflict; restored the records from the server log"), null);
        at("2027-02-03T10:00");
        t = kehu.service().recordSurvey(agent, t.id(), t.version(), 4, n.t("处理及时，希望别再发生", "quick fix; please don't let it happen again"));
        at("2027-02-09T17:00");
        t = kehu.service().completeMeasure(agent, t.id(), t.version(), 1,
                n.t("新版本已上线，回访客户确认", "new release live; the customer confirmed on a follow-up call"));
        t = kehu.service().close(agent, t.id(), t.version(), null);

        TextTable steps = new TextTable(n.t("时间", "time"), n.t("操作人", "who"), n.t("步骤", "step"),
                n.t("状态", "status"), n.t("备注", "note"));
        for (TicketStep step : kehu.service().history(agent, t.id())) {
            steps.row(time(step.at()), n.name(step.actor()), step.kind().label(n.locale()),
                    step.to().label(n.locale()), note(step));
        }
        n.print(steps);
        SlaStatus sla = kehu.service().slaStatus(agent, t.id());
        n.say("服务级别：首次响应 " + state(sla.firstResponse()) + "，解决 " + state(sla.resolution()) + "；满意度 "
                        + t.survey().score() + "/5。",
                "Service level: first response " + state(sla.firstResponse()) + ", resolution "
                        + state(sla.resolution()) + "; satisfaction " + t.survey().score() + "/5.");
        n.out().println();
    }

    private void remind() {
        n.heading("18. 客户关怀：每日提醒（C6、S3）", "18. Customer care: the daily reminders (C6, S3)");
        at("2027-12-08T07:00");
        n.say("时钟拨到 " + clock.today() + "，主管的定时任务运行每日关怀规则：",
                "The clock is set ahead to " + clock.today() + "; the supervisor's scheduled job runs the daily care rules:");
        int noticesBefore = inbox.size();
        CareReport first = kehu.care().run(supervisor, clock.today());
        printReport(first);
        TextTable found = new TextTable(n.t("规则", "rule"), n.t("对象", "subject"), n.t("日期", "date"),
                n.t("提醒谁", "for"));
        for (RuleReport rule : first.rules()) {
            if (!SHOWN_RULES.contains(rule.rule())) continue;
            for (Reminder r : remindersOf(rule.rule())) {
                found.row(ruleName(r.rule()), subject(r), r.due(), n.name(r.recipient()));
            }
        }
        n.say("其中生日、到期合同和沉睡客户：", "Among them, birthdays, contracts nearing their end and dormant customers:");
        n.print(found);
        int sent = inbox.size() - noticesBefore;

        CareReport again = kehu.care().run(supervisor, clock.today());
        n.say("同一天再运行一次（或两台主机同时运行）：", "Run again the same day (or on two hosts at once):");
        printReport(again);
        n.say("第一次发出 " + sent + " 条通知，第二次 " + (inbox.size() - noticesBefore - sent) + " 条：每条提醒的键"
                        + "（规则、对象、日期）只存一次。",
                "The first run sent " + sent + " notifications, the second " + (inbox.size() - noticesBefore - sent)
                        + ": each reminder's key (rule, subject, date) is stored once.");
        n.out().println();
    }

    private void printReport(CareReport report) {
        TextTable table = new TextTable(n.t("规则", "rule"), n.t("找到", "found"), n.t("新提醒", "new"),
                n.t("已有", "already there"));
        for (RuleReport rule : report.rules()) {
            table.row(ruleName(rule.rule()), rule.seen(), rule.created(), rule.alreadyPresent());
        }
        n.print(table);
    }

    /** The reminders of {@code rule} among those of the demo's account managers. */
    private List<Reminder> remindersOf(String rule) {
        return List.of(zhaoMin.user(), new UserId("wang.wei")).stream()
                .flatMap(user -> kehu.care().reminders(supervisor, user, null, 200).stream())
                .filter(r -> r.rule().equals(rule)).toList();
    }

    private String subject(Reminder r) {
        return switch (r.rule()) {
            case CareRules.BIRTHDAYS -> kehu.contacts().get(supervisor, new dev.kehu.crm.contact.ContactId(r.subjectId()))
                    .name();
            case CareRules.CONTRACT_EXPIRY -> kehu.contracts().get(supervisor, new ContractId(r.subjectId())).number()
                    + n.t("（" + r.key().split(":")[2] + " 天提醒）", " (" + r.key().split(":")[2] + "-day notice)");
            case CareRules.DORMANT_CUSTOMERS -> customerName(new CustomerId(r.subjectId()));
            default -> r.subjectId();
        };
    }

    private String ruleName(String rule) {
        return switch (rule) {
            case CareRules.BIRTHDAYS -> n.t("联系人生日", "contact birthdays");
            case CareRules.OVERDUE_PLAN_STEPS -> n.t("计划步骤逾期", "overdue plan steps");
            case CareRules.OVERDUE_ACTIVITIES -> n.t("活动逾期", "overdue activities");
            case CareRules.QUIET_OPPORTUNITIES -> n.t("机会长期无进展", "quiet opportunities");
            case CareRules.SIGNING_OVERDUE -> n.t("机会超过预计签约日", "opportunities past their signing date");
            case CareRules.CONTRACT_EXPIRY -> n.t("合同即将到期", "contracts nearing their end");
            case CareRules.DORMANT_CUSTOMERS -> n.t("沉睡客户（6 个月无订单）", "dormant customers (no order in 6 months)");
            case CareRules.TICKETS_NEAR_BREACH -> n.t("服务单临近超时", "tickets near their deadline");
            default -> rule;
        };
    }

    private void printNotices(String topicPrefix) {
        TextTable notices = new TextTable(n.t("时间", "time"), n.t("收件人", "to"), n.t("发件人", "from"),
                n.t("事件", "topic"));
        inbox.stream().filter(notice -> notice.topic().startsWith(topicPrefix))
                .forEach(notice -> notices.row(time(notice.at()), n.name(notice.recipient()), n.name(notice.actor()),
                        notice.topic()));
        n.say("通知（提交后经发件箱送出）：", "Notifications (sent through the outbox after commit):");
        n.print(notices);
    }

    /** An escalation's note names the target it breached; the other notes are people's words. */
    private String note(TicketStep step) {
        if (step.note() == null) return "";
        return switch (step.note()) {
            case "FIRST_RESPONSE" -> n.t("首次响应超时", "first response late");
            case "RESOLUTION" -> n.t("解决超时", "resolution late");
            default -> step.note();
        };
    }

    private String state(Deadline deadline) {
        return deadline.state().label(n.locale());
    }

    private String lifecycleStage(CustomerId customer) {
        return kehu.customers().get(zhaoMin, customer).lifecycleStage().label(n.locale());
    }

    private String customerName(CustomerId customer) {
        Customer c = kehu.customers().get(supervisor, customer);
        return c.name();
    }

    private void at(String localTime) {
        clock.advanceTo(LocalDateTime.parse(localTime));
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(clock.getZone()));
    }
}
