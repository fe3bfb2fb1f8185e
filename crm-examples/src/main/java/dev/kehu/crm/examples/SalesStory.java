package dev.kehu.crm.examples;

import dev.kehu.crm.Kehu;
import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.activity.ActivityDetails;
import dev.kehu.crm.activity.ActivityKind;
import dev.kehu.crm.activity.Workbench;
import dev.kehu.crm.assignment.SalesForce;
import dev.kehu.crm.assignment.SalesRep;
import dev.kehu.crm.common.ExchangeRates;
import dev.kehu.crm.common.FixedExchangeRates;
import dev.kehu.crm.common.InvalidInputException;
import dev.kehu.crm.common.KehuException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PhoneNumber;
import dev.kehu.crm.common.ReferenceData;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.common.Violation;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactDetails;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerCategory;
import dev.kehu.crm.customer.CustomerDetails;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.forecast.Forecast;
import dev.kehu.crm.forecast.Funnel;
import dev.kehu.crm.lead.Conversion;
import dev.kehu.crm.lead.Lead;
import dev.kehu.crm.lead.LeadConversion;
import dev.kehu.crm.lead.LeadDetails;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.AttachedRecord;
import dev.kehu.crm.opportunity.AttachedRecordKind;
import dev.kehu.crm.opportunity.ChangeKind;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityDetails;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.Pipeline;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanDetails;
import dev.kehu.crm.plan.PlanResultDetails;
import dev.kehu.crm.plan.PlanStep;
import dev.kehu.crm.plan.PlanStepDetails;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteDetails;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.quote.QuoteLineDetails;
import dev.kehu.crm.quote.QuoteStatus;
import dev.kehu.crm.quote.SalesOrderDraft;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.TeamId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sales part of the demo (O1–O11, A1–A3, Q1, Q3). A lead phones in and is converted into a customer, a
 * contact and an opportunity at once; the supervisor assigns the opportunity to an account manager, who
 * plans its development, visits, quotes twice and wins it through the seven stages of the standard pipeline.
 * Meanwhile a deal in US dollars is lost to a competitor and two more stay open, so that the funnel and the
 * forecast at the end have something to weigh. The story moves the demo's clock from day to day.
 */
final class SalesStory {
    static final TeamId EAST = new TeamId("east-china");
    static final Currency USD = Currency.getInstance("USD");
    static final LocalDate RATE_FROM = LocalDate.of(2026, 11, 1);
    static final BigDecimal USD_TO_CNY = new BigDecimal("7.10");

    /** The account managers assignment may choose from: the host's staff directory, here a fixed list. */
    static final SalesForce SALES_FORCE = SalesForce.of(List.of(
            new SalesRep(new UserId("wang.wei"), Set.of(EAST), true, false, Set.of("北京市", "上海市", "广东省"),
                    Set.of(), Set.of(), null),
            new SalesRep(new UserId("zhao.min"), Set.of(EAST), true, false, Set.of("浙江省", "江苏省"),
                    Set.of(), Set.of(), 20)));

    /** The one rate the story needs: its US-dollar deals are reported in yuan. */
    static final ExchangeRates RATES = FixedExchangeRates.builder()
            .rate(USD, Money.CNY, RATE_FROM, USD_TO_CNY).build();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Kehu kehu;
    private final DemoClock clock;
    private final List<Notification> inbox;
    private final Narrator n;
    private final Actor wangWei;
    private final Actor zhaoMin;
    private final Actor supervisor;
    private final TextTable diary;
    private final TextTable refusals;

    SalesStory(Kehu kehu, DemoClock clock, List<Notification> inbox, Narrator narrator, Actor wangWei,
               Actor zhaoMin, Actor supervisor) {
        this.kehu = kehu;
        this.clock = clock;
        this.inbox = inbox;
        this.n = narrator;
        this.wangWei = wangWei;
        this.zhaoMin = zhaoMin;
        this.supervisor = supervisor;
        diary = new TextTable(n.t("时间", "time"), n.t("操作人", "who"), n.t("销售机会", "opportunity"),
                n.t("事件", "event"));
        refusals = new TextTable(n.t("时间", "time"), n.t("操作人", "who"), n.t("尝试", "attempt"),
                n.t("规则代码", "rule code"), n.t("提示（操作人的语言）", "message (in the actor's language)"));
    }

    /** Tells the sales story and returns the deal it wins. */
    Opportunity run() {
        Opportunity deal = leadPhonesIn();
        deal = assign(deal);
        Plan plan = planDevelopment(deal);
        Deals deals = workTheDeals(plan);
        showQuotes(deals.won());
        showWon(deals.won(), plan.plan());
        showLost(deals.lost());
        showFunnel();
        showForecast();
        return deals.won();
    }

    private Opportunity leadPhonesIn() {
        n.heading("7. 线索：一个来电", "7. A lead phones in");
        TextTable steps = new TextTable(n.t("时间", "time"), n.t("操作人", "who"), n.t("操作", "action"),
                n.t("线索状态", "lead status"));
        at("2026-11-23T10:15");
        Lead lead = kehu.leads().capture(wangWei, new LeadDetails("INBOUND_CALL", "杭州西湖智能设备有限公司", "陈明",
                "0571-8765 4321", "chen.ming@xihu-iot.example.cn",
                n.t("来电咨询销售管理系统，约 50 个用户", "Asked about a sales management system for about 50 users")));
        steps.row(now(), who(wangWei), n.t("接听来电，录入线索；来源：", "takes the call and captures the lead; source: ")
                + source(lead.source()), lead.status().label(n.locale()));
        at("2026-11-23T16:00");
        lead = kehu.leads().nurture(wangWei, lead.id(), n.t("已发送产品资料和案例", "sent brochures and case studies"));
        steps.row(now(), who(wangWei), n.t("培育：已发送产品资料和案例", "nurtures: sent brochures and case studies"),
                lead.status().label(n.locale()));
        at("2026-11-24T09:00");
        lead = kehu.leads().qualify(wangWei, lead.id());
        steps.row(now(), who(wangWei), n.t("确认：预算和决策人已明确", "qualifies: budget and decision maker known"),
                lead.status().label(n.locale()));
        at("2026-11-24T09:30");
        Conversion conversion = kehu.leads().convert(wangWei, lead.id(), LeadConversion.intoNewCustomer(
                CustomerDetails.company("杭州西湖智能设备有限公司").number("KH-0008").industry("MANUFACTURING")
                        .category(CustomerCategory.POTENTIAL).source("INBOUND_CALL").staffSize(600)
                        .countryOrRegion("中国").province("浙江省").city("杭州市").phone("0571-8765 4321").build(),
                new ContactDetails.Builder().name("陈明").gender("MALE").salutation("陈主任").position("信息中心主任")
                        .primary(true).mobile("139 5711 2233").email("chen.ming@xihu-iot.example.cn").build(),
                // The customer is filled in by the conversion, which creates it in the same transaction.
                new OpportunityDetails.Builder()
                        .subject(n.t("销售管理系统（50 用户）", "Sales management system (50 users)"))
                        .informant("陈明").customerNeeds(n.t("销售过程线上化，手机端跟进客户",
                                "Sales process online, customer follow-up on the phone"))
                        .expected(new BigDecimal("550000"), "CNY").expectedSigningDate(LocalDate.of(2027, 1, 15))
                        .build()));
        lead = kehu.leads().get(wangWei, lead.id());
        steps.row(now(), who(wangWei), n.t("转化为客户、联系人和销售机会", "converts it into customer, contact and opportunity"),
                lead.status().label(n.locale()));
        n.print(steps);

        Customer customer = kehu.customers().get(wangWei, conversion.customer());
        Contact contact = kehu.contacts().get(wangWei, conversion.contact());
        Opportunity deal = kehu.opportunities().get(wangWei, conversion.opportunity());
        n.say("一次转化在一个事务中生成了：", "The conversion created, in one transaction:");
        TextTable created = new TextTable(n.t("记录", "record"), n.t("名称", "name"), n.t("详情", "details"),
                n.t("负责人", "owner"));
        created.row(n.t("客户", "customer"), customer.name(), customer.number() + " · " + source(customer.source())
                + " · " + customer.address().city(), who(customer.owner()));
        created.row(n.t("联系人", "contact"), contact.name() + (contact.primary() ? " ★" : ""),
                contact.position() + " · " + national(contact.mobile()), "");
        created.row(n.t("销售机会", "opportunity"), deal.subject(), stage(deal) + " " + deal.probability() + " · "
                + Narrator.money(deal.expectedAmount()) + n.t(" · 预计签约 ", " · expected signing ")
                + deal.expectedSigningDate() + " · " + source(deal.source()), who(deal.owner()));
        n.print(created);
        return deal;
    }

    private Opportunity assign(Opportunity deal) {
        n.heading("8. 销售主管分配客户经理", "8. The supervisor assigns an account manager");
        at("2026-11-24T13:50");
        refused(wangWei, n.t("自己把机会分配给赵敏", "assigns the opportunity to Zhao Min himself"),
                () -> kehu.assignment().assign(wangWei, deal.id(), zhaoMin.user()));
        at("2026-11-24T14:00");
        kehu.assignment().assign(supervisor, deal.id(), zhaoMin.user());
        Opportunity assigned = kehu.opportunities().get(supervisor, deal.id());
        n.say("刘强把“" + assigned.subject() + "”分配给赵敏；每个机会只有一位负责人：" + who(assigned.owner()) + "。",
                "Liu Qiang assigns \"" + assigned.subject() + "\" to Zhao Min; an opportunity has exactly one owner: "
                        + who(assigned.owner()) + ".");
        n.say("赵敏收到的通知（分配提交后才发送）：", "The notification Zhao Min received (sent once the assignment committed):");
        TextTable notices = new TextTable(n.t("时间", "time"), n.t("收件人", "to"), n.t("发件人", "from"),
                n.t("事件", "topic"), n.t("内容", "message"));
        for (Notification notice : inbox) {
            notices.row(time(notice.at()), who(notice.recipient()), who(notice.actor()), notice.topic(), wording(notice));
        }
        n.print(notices);
        return assigned;
    }

    /** Kehu says what happened; how to word it for the recipient is the host's choice, as for a mail or WeCom. */
    private String wording(Notification notice) {
        return switch (notice.topic()) {
            case "opportunity.assigned" -> n.t("您成为销售机会“" + notice.details().get("subject") + "”的负责人",
                    "You now own the opportunity \"" + notice.details().get("subject") + "\"");
            case "lead.assigned" -> n.t("您收到线索“" + notice.details().get("subject") + "”",
                    "You were given the lead \"" + notice.details().get("subject") + "\"");
            default -> notice.details().toString();
        };
    }

    private record Plan(Opportunity deal, DevelopmentPlan plan, Activity visit) {
    }

    private Plan planDevelopment(Opportunity deal) {
        n.heading("9. 客户开发计划与工作台", "9. Development plan and workbench");
        at("2026-11-25T09:00");
        DevelopmentPlan plan = kehu.developmentPlans().create(zhaoMin, DevelopmentPlanDetails.of(deal.id(), null, List.of(
                step(n.t("电话回访，确认需求和预算", "Call back: needs and budget"), "2026-11-25", "10:00", null),
                step(n.t("上门拜访陈主任", "Visit Director Chen"), "2026-11-27", "14:00",
                        n.t("带上演示环境", "bring the demo system")),
                step(n.t("产品演示", "Product demonstration"), "2026-12-02", "10:00", null),
                step(n.t("提交方案和报价", "Submit solution and quote"), "2026-12-09", null, null),
                step(n.t("商务谈判，签订合同", "Negotiate and sign"), "2026-12-21", null,
                        n.t("争取年底前签约", "aim to sign before the year ends")))));
        Contact chen = kehu.contacts().ofCustomer(zhaoMin, deal.customer()).get(0);
        Activity visit = kehu.activities().schedule(zhaoMin, new ActivityDetails(ActivityKind.VISIT.name(),
                n.t("与陈主任面谈需求", "Needs meeting with Director Chen"), deal.customer().value(), chen.id().value(),
                deal.id().value(), null, instant("2026-11-27T14:00"), instant("2026-11-27T09:00"),
                n.t("了解关键需求", "learn the key needs")));
        n.say("赵敏制定了开发计划（O7）：", "Zhao Min plans the development steps (O7):");
        TextTable steps = new TextTable("#", n.t("步骤", "step"), n.t("计划时间", "planned"), n.t("备注", "notes"));
        for (PlanStep s : plan.steps()) {
            steps.row(s.number(), s.what(), s.plannedDate() + (s.plannedTime() == null ? "" : " " + s.plannedTime()),
                    s.notes());
        }
        n.print(steps);

        at("2026-11-25T10:30");
        plan = result(plan, 1, n.t("预算约 55 万元，计划明年一季度上线", "budget about ¥550,000, go-live in Q1 next year"));
        deal = move(zhaoMin, deal, "EVALUATION", n.t("客户已内部立项", "the customer has approved the project"));

        at("2026-11-27T08:30");
        Workbench bench = kehu.activities().workbench(zhaoMin, zhaoMin.user(), clock.today(), clock.getZone());
        n.say("11 月 27 日早上，赵敏的工作台（A3）：", "On the morning of 27 November, Zhao Min's workbench (A3):");
        TextTable agenda = new TextTable(n.t("时间", "time"), n.t("类别", "section"), n.t("事项", "item"));
        for (Workbench.Item item : bench.agenda()) {
            String what = item.activity() != null
                    ? item.activity().kind().label(n.locale()) + n.t("：", ": ") + item.activity().subject()
                    : n.t("计划步骤：", "plan step: ") + item.step().step().what();
            agenda.row(time(item.time()), item.section().label(n.locale()), what);
        }
        n.print(agenda);
        Pipeline pipeline = kehu.opportunities().pipelineOf(deal);
        StringBuilder byStage = new StringBuilder();
        bench.opportunitiesByStage().forEach((code, count) -> byStage.append(byStage.isEmpty() ? "" : n.t("，", ", "))
                .append(label(pipeline, code)).append(' ').append(count).append(n.t(" 个", "")));
        n.say("名下进行中的机会：" + byStage, "Her open opportunities by stage: " + byStage);
        n.out().println();
        return new Plan(deal, plan, visit);
    }

    private record Deals(Opportunity won, Opportunity lost) {
    }

    /** From the visit to the signature: every event goes to the diary, every refused attempt to its own table. */
    private Deals workTheDeals(Plan planned) {
        n.heading("10. 推进过程（11 月 25 日至 1 月 8 日）", "10. Working the deals (25 November to 8 January)");
        Opportunity deal = planned.deal();
        DevelopmentPlan plan = planned.plan();

        at("2026-11-27T16:30");
        kehu.activities().complete(zhaoMin, planned.visit().id(), planned.visit().version(),
                n.t("见到陈主任和销售总监，关键需求：手机端、对接 ERP", "met Director Chen and the sales director: mobile, ERP link"));
        log(zhaoMin, deal, n.t("完成拜访", "visit done"));
        plan = result(plan, 2, n.t("确认两项关键需求：手机端、对接 ERP", "two key needs confirmed: mobile, ERP link"));
        deal = move(zhaoMin, deal, "NEEDS_ANALYSIS", n.t("需求调研完成", "needs surveyed"));

        at("2026-11-30T10:00");
        Opportunity lost = open(wangWei, customer("KH-0003"),
                n.t("海外工厂设备管理系统", "Equipment management for plants abroad"), "EXISTING_CUSTOMER",
                new BigDecimal("85000"), "USD", LocalDate.of(2027, 1, 20));
        lost = move(wangWei, lost, "NEEDS_ANALYSIS", n.t("客户提供了海外工厂的设备清单", "the customer sent the equipment list"));

        at("2026-12-01T09:30");
        Opportunity crossBorder = open(wangWei, customer("KH-0002"), n.t("跨境订单平台", "Cross-border order platform"),
                "EXISTING_CUSTOMER", new BigDecimal("60000"), "USD", LocalDate.of(2027, 2, 26));
        move(wangWei, crossBorder, "SOLUTION", n.t("沿用去年的方案框架", "reusing last year's solution outline"));
        at("2026-12-01T10:00");
        Opportunity tickets = open(zhaoMin, customer("KH-0004"), n.t("客服工单系统", "Service ticket system"), "INTERNET",
                new BigDecimal("200000"), "CNY", LocalDate.of(2027, 3, 19));

        at("2026-12-02T11:30");
        plan = result(plan, 3, n.t("演示顺利，客户要求与现有 ERP 对接", "demo went well; the ERP link is a must"));
        deal = move(zhaoMin, deal, "SOLUTION", n.t("开始制定方案", "solution design starts"));

        at("2026-12-04T10:00");
        lost = move(wangWei, lost, "TENDER", n.t("客户邀请两家比价", "the customer compares two bids"));

        at("2026-12-07T09:30");
        deal = move(zhaoMin, deal, "TENDER", n.t("客户邀请三家公司比选", "three vendors invited to bid"));
        Opportunity beforeQuote = deal;
        at("2026-12-07T09:40");
        refused(zhaoMin, n.t("未报价就进入商务谈判", "enters negotiation without a quote"), () -> kehu.opportunities()
                .moveTo(zhaoMin, beforeQuote.id(), beforeQuote.version(), "NEGOTIATION", null, null));
        at("2026-12-07T09:45");
        refused(zhaoMin, n.t("把可能性设为 37%", "sets the probability to 37%"), () -> kehu.opportunities()
                .estimate(zhaoMin, beforeQuote.id(), beforeQuote.version(), 37, null));

        at("2026-12-09T10:00");
        Quote first = kehu.quotes().create(zhaoMin, QuoteDetails.of(deal.customer(), clock.today(), Money.CNY)
                .opportunity(deal.id().value()).notes(n.t("报价有效期 30 天", "valid for 30 days"))
                .line(line(n.t("Kehu CRM 企业版许可（用户）", "Kehu CRM enterprise licence (user)"), "50", "8000", "10"))
                .line(line(n.t("实施服务（人天）", "Implementation (person-days)"), "20", "6000", null))
                .line(line(n.t("首年维护", "Maintenance, first year"), "1", "72000", null)).build());
        first = kehu.quotes().send(zhaoMin, first.id(), first.version());
        log(zhaoMin, deal, n.t("发送报价第 1 版，总价 ", "sends quote revision 1, total ") + Narrator.money(first.total()));
        plan = result(plan, 4, n.t("方案和报价已提交", "solution and quote submitted"));

        at("2026-12-10T11:00");
        AttachedRecord rival = kehu.opportunities().attach(wangWei, lost.id(), AttachedRecordKind.COMPETITOR, "云帆软件",
                n.t("本地厂商，报价约 7.2 万美元", "local vendor, bids about US$72,000"),
                n.t("价格低约 15%", "about 15% cheaper"), n.t("海外没有实施团队", "no implementation team abroad"));
        log(wangWei, lost, n.t("记录竞争对手：", "records a competitor: ") + rival.title());

        at("2026-12-14T09:30");
        deal = move(zhaoMin, deal, "NEGOTIATION", n.t("客户认可方案，开始谈价格", "solution accepted, price talks begin"));
        at("2026-12-15T10:00");
        move(zhaoMin, tickets, "NEEDS_ANALYSIS", n.t("已梳理客服流程", "service process mapped"));

        at("2026-12-18T15:00");
        lost = kehu.opportunities().lose(wangWei, lost.id(), lost.version(),
                n.t("价格高于竞争对手约 15%", "price about 15% above the competitor's"), "云帆软件");
        log(wangWei, lost, lost.status().label(n.locale()) + n.t("，赢单方：", ", the winner: ") + lost.winningCompetitor());

        at("2026-12-21T15:00");
        Quote second = kehu.quotes().revise(zhaoMin, first.id(), first.version(), clock.today(), List.of(
                line(n.t("Kehu CRM 企业版许可（用户）", "Kehu CRM enterprise licence (user)"), "50", "8000", "15"),
                line(n.t("实施服务（人天）", "Implementation (person-days)"), "20", "5500", null),
                line(n.t("首年维护", "Maintenance, first year"), "1", "72000", null)));
        second = kehu.quotes().send(zhaoMin, second.id(), second.version());
        log(zhaoMin, deal, n.t("发送修订报价第 2 版，总价 ", "sends revised quote 2, total ") + Narrator.money(second.total()));

        at("2026-12-23T10:30");
        second = kehu.quotes().accept(zhaoMin, second.id(), second.version());
        log(zhaoMin, deal, n.t("客户接受报价第 2 版", "the customer accepts quote revision 2"));
        plan = result(plan, 5, n.t("许可折扣谈至 15%，客户接受第 2 版报价", "licence discount settled at 15%; revision 2 accepted"));
        deal = kehu.opportunities().update(zhaoMin, deal.id(), deal.version(), OpportunityDetails.from(deal)
                .expectedAmount(second.total().amount()).build());
        log(zhaoMin, deal, n.t("预计金额改为 ", "expected amount now ") + Narrator.money(deal.expectedAmount()));
        deal = kehu.opportunities().estimate(zhaoMin, deal.id(), deal.version(), 80,
                n.t("客户口头同意", "verbal agreement"));
        log(zhaoMin, deal, n.t("可能性调为 ", "probability set to ") + deal.probability());

        at("2026-12-28T09:30");
        deal = move(zhaoMin, deal, "CONTRACT", n.t("合同进入法务审核", "contract with the lawyers"));

        at("2027-01-08T09:30");
        deal = kehu.opportunities().win(zhaoMin, deal.id(), deal.version(), n.t("合同已签署", "contract signed"));
        log(zhaoMin, deal, deal.status().label(n.locale()) + " " + deal.probability());

        n.print(diary);
        n.say("系统拒绝的操作（什么也没有写入）：", "Attempts the rules refused (nothing was written):");
        n.print(refusals);
        return new Deals(deal, lost);
    }

    private void showQuotes(Opportunity deal) {
        n.heading("11. 报价历史", "11. Quote history");
        TextTable quotes = new TextTable(n.t("版本", "revision"), n.t("日期", "date"), n.t("状态", "status"),
                n.t("明细", "lines"), n.t("总价", "total"), n.t("折合本位币", "in base currency"));
        Quote accepted = null;
        for (Quote q : kehu.quotes().ofOpportunity(zhaoMin, deal.id())) {
            quotes.row(q.revision(), q.date(), q.status().label(n.locale()), q.lines().size(),
                    Narrator.money(q.total()), Narrator.money(kehu.quotes().totalInBaseCurrency(zhaoMin, q.id())));
            if (q.status() == QuoteStatus.ACCEPTED) accepted = q;
        }
        n.print(quotes);
        if (accepted == null) return;
        SalesOrderDraft order = kehu.quotes().salesOrderDraft(zhaoMin, accepted.id());
        n.say("被接受的第 " + accepted.revision() + " 版生成的销售订单草稿（Q1）：",
                "The sales-order draft that accepted revision " + accepted.revision() + " produces (Q1):");
        TextTable lines = new TextTable(n.t("产品", "product"), n.t("数量", "quantity"), n.t("单价", "unit price"),
                n.t("折扣", "discount"), n.t("金额", "amount"));
        for (QuoteLine l : order.lines()) {
            lines.row(l.product(), l.quantity().toPlainString(), Narrator.money(l.unitPrice()),
                    l.discountPercent().signum() == 0 ? "" : l.discountPercent().toPlainString() + "%",
                    Narrator.money(l.total()));
        }
        lines.row(n.t("合计", "total"), "", "", "", Narrator.money(order.total()));
        n.print(lines);
    }

    private void showWon(Opportunity deal, DevelopmentPlan plan) {
        n.heading("12. 开发成功：" + deal.subject(), "12. Won: " + deal.subject());
        n.say("状态：" + deal.status().label(n.locale()) + "，可能性 " + deal.probability() + "，金额 "
                        + Narrator.money(deal.expectedAmount()) + "，关闭于 " + time(deal.closedAt()) + "。",
                "Status: " + deal.status().label(n.locale()) + ", probability " + deal.probability() + ", amount "
                        + Narrator.money(deal.expectedAmount()) + ", closed " + time(deal.closedAt()) + ".");
        n.say("阶段演变历史（O4）：", "Stage history (O4):");
        TextTable history = new TextTable("#", n.t("时间", "time"), n.t("操作人", "who"), n.t("变化", "change"),
                n.t("阶段", "stage"), n.t("可能性", "probability"), n.t("说明", "note"));
        Pipeline pipeline = kehu.opportunities().pipelineOf(deal);
        for (StageChange c : kehu.opportunities().history(zhaoMin, deal.id())) {
            String stage = label(pipeline, c.to().stage());
            if (c.kind() == ChangeKind.MOVED) stage = label(pipeline, c.from().stage()) + " → " + stage;
            String probability = c.from() == null || c.from().probability().equals(c.to().probability())
                    ? c.to().probability().toString() : c.from().probability() + " → " + c.to().probability();
            history.row(c.sequence(), time(c.at()), who(c.actor()), c.kind().label(n.locale()), stage, probability,
                    c.note());
        }
        n.print(history);
        n.say("各阶段停留时间：", "Time in each stage:");
        TextTable times = new TextTable(n.t("阶段", "stage"), n.t("停留", "time spent"));
        Duration total = Duration.ZERO;
        for (Map.Entry<String, Duration> e : kehu.opportunities().timeInStages(zhaoMin, deal.id()).entrySet()) {
            times.row(label(pipeline, e.getKey()), n.duration(e.getValue()));
            total = total.plus(e.getValue());
        }
        times.row(n.t("合计", "total"), n.duration(total));
        n.print(times);
        n.say("开发计划的执行效果（O7）：", "Results of the development plan (O7):");
        TextTable steps = new TextTable("#", n.t("步骤", "step"), n.t("计划", "planned"), n.t("完成", "done"),
                n.t("执行效果", "result"));
        for (PlanStep s : kehu.developmentPlans().get(zhaoMin, plan.id()).steps()) {
            steps.row(s.number(), s.what(), s.plannedDate(), s.doneOn(), s.result());
        }
        n.print(steps);
    }

    private void showLost(Opportunity lost) {
        n.heading("13. 开发失败：" + lost.subject(), "13. Lost: " + lost.subject());
        TextTable table = new TextTable(n.t("客户", "customer"), n.t("负责人", "owner"), n.t("金额", "amount"),
                n.t("折合本位币", "in base currency"), n.t("状态", "status"), n.t("失败原因", "reason"),
                n.t("赢单的竞争对手", "competitor who won"));
        Money inYuan = kehu.baseCurrency().convert(lost.expectedAmount(), clock.today());
        table.row(kehu.customers().get(wangWei, lost.customer()).name(), who(lost.owner()),
                Narrator.money(lost.expectedAmount()), Narrator.money(inYuan), lost.status().label(n.locale()),
                lost.lostReason(), lost.winningCompetitor());
        n.print(table);
        n.say("机会上记录的竞争对手（O5）：", "The competitor recorded on the opportunity (O5):");
        TextTable rivals = new TextTable(n.t("类别", "kind"), n.t("名称", "name"), n.t("情况", "details"),
                n.t("优势", "strengths"), n.t("劣势", "weaknesses"));
        for (AttachedRecord r : kehu.opportunities().attachments(wangWei, lost.id())) {
            rivals.row(r.kind().label(n.locale()), r.title(), r.details(), r.strengths(), r.weaknesses());
        }
        n.print(rivals);
    }

    private void showFunnel() {
        Pipeline pipeline = kehu.opportunities().pipelines().get(0);
        n.heading("14. 销售漏斗（" + pipeline.label(n.locale()) + "）", "14. Sales funnel (" + pipeline.label(n.locale()) + ")");
        n.say("本位币 CNY；汇率：1 USD = " + USD_TO_CNY + " CNY（自 " + RATE_FROM + " 起）。",
                "Base currency CNY; rate: 1 USD = " + USD_TO_CNY + " CNY (from " + RATE_FROM + ").");
        Funnel funnel = kehu.forecasts().funnel(supervisor, pipeline, OpportunityQuery.all(), clock.today());
        TextTable table = new TextTable(n.t("阶段", "stage"), n.t("数量", "count"), n.t("预计金额", "expected"),
                n.t("加权金额", "weighted"));
        long count = 0;
        Money amount = Money.zero(Money.CNY);
        Money weighted = Money.zero(Money.CNY);
        for (Funnel.Stage s : funnel.stages()) {
            table.row(label(pipeline, s.stage()), s.count(), Narrator.money(s.amount()), Narrator.money(s.weighted()));
            count += s.count();
            amount = amount.plus(s.amount());
            weighted = weighted.plus(s.weighted());
        }
        table.row(n.t("进行中合计", "open in total"), count, Narrator.money(amount), Narrator.money(weighted));
        table.row(n.t("开发成功", "won"), funnel.won().count(), Narrator.money(funnel.won().amount()), "");
        table.row(n.t("开发失败", "lost"), funnel.lost().count(), Narrator.money(funnel.lost().amount()), "");
        n.print(table);
    }

    private void showForecast() {
        YearMonth from = YearMonth.from(clock.today());
        YearMonth to = from.plusMonths(2);
        n.heading("15. 销售预测（按预计签约月份加权）", "15. Sales forecast (weighted, by expected signing month)");
        Forecast forecast = kehu.forecasts().forecast(supervisor, from, to, OpportunityQuery.all(), clock.today());
        n.say("预计金额 × 可能性；已成功的按 100% 计，失败的不计；按 " + forecast.ratesOn() + " 的汇率折合 CNY。",
                "Expected amount × probability; won deals count at 100%, lost ones not at all; in CNY at the rates of "
                        + forecast.ratesOn() + ".");
        TextTable table = new TextTable(n.t("月份", "month"), n.t("机会数", "opportunities"),
                n.t("预计金额", "expected"), n.t("加权金额", "weighted"), n.t("其中已成功", "of which won"));
        for (Forecast.Month m : forecast.months()) {
            table.row(m.month(), m.count(), Narrator.money(m.amount()), Narrator.money(m.weighted()),
                    Narrator.money(m.won()));
        }
        table.row(n.t("合计", "total"), "", "", Narrator.money(forecast.weightedTotal()), "");
        n.print(table);
        n.say("加权预测合计：" + Narrator.money(forecast.weightedTotal()),
                "Weighted forecast in total: " + Narrator.money(forecast.weightedTotal()));
        n.out().println();
    }

    // --- steps of the story ---

    private Opportunity open(Actor owner, Customer customer, String subject, String source, BigDecimal amount,
                             String currency, LocalDate signing) {
        Opportunity opened = kehu.opportunities().open(owner, OpportunityDetails.of(customer.id(), subject)
                .source(source).expected(amount, currency).expectedSigningDate(signing).build());
        log(owner, opened, n.t("新建机会（", "opened (") + customer.name() + ", "
                + Narrator.money(opened.expectedAmount()) + n.t("）", ")"));
        return opened;
    }

    private Opportunity move(Actor actor, Opportunity deal, String stage, String note) {
        Opportunity moved = kehu.opportunities().moveTo(actor, deal.id(), deal.version(), stage, null, note);
        log(actor, moved, n.t("进入", "to ") + stageLabel(moved, stage) + " " + moved.probability() + n.t("：", ": ") + note);
        return moved;
    }

    private DevelopmentPlan result(DevelopmentPlan plan, int step, String result) {
        DevelopmentPlan done = kehu.developmentPlans().recordResult(zhaoMin, plan.id(), plan.version(),
                new PlanResultDetails(step, result, clock.today()));
        log(zhaoMin, kehu.opportunities().get(zhaoMin, plan.opportunity()),
                n.t("计划第 " + step + " 步完成：", "plan step " + step + " done: ") + result);
        return done;
    }

    /** Tries what the rules refuse and writes the refusal, in the actor's language, in the refusals table. */
    private void refused(Actor actor, String attempt, Supplier<?> action) {
        try {
            action.get();
            throw new IllegalStateException("the rules allowed what the demo expects them to refuse: " + attempt);
        } catch (InvalidInputException e) {
            for (Violation v : e.violations()) {
                refusals.row(now(), who(actor), attempt, e.code() + " / " + v.path(), v.message());
            }
        } catch (KehuException e) {
            refusals.row(now(), who(actor), attempt, e.code(), e.getMessage());
        }
    }

    // --- helpers ---

    private void at(String localTime) {
        clock.advanceTo(LocalDateTime.parse(localTime));
    }

    private Instant instant(String localTime) {
        return LocalDateTime.parse(localTime).atZone(clock.getZone()).toInstant();
    }

    private void log(Actor actor, Opportunity deal, String event) {
        diary.row(now(), who(actor), deal.subject(), event);
    }

    private Customer customer(String number) {
        return kehu.customers().search(wangWei, number, PageRequest.first(1, CustomerSort.NUMBER)).items().get(0);
    }

    private static PlanStepDetails step(String what, String date, String time, String notes) {
        return new PlanStepDetails(what, LocalDate.parse(date), time == null ? null : LocalTime.parse(time), notes);
    }

    private static QuoteLineDetails line(String product, String quantity, String unitPrice, String discount) {
        return new QuoteLineDetails(product, new BigDecimal(quantity), new BigDecimal(unitPrice),
                discount == null ? null : new BigDecimal(discount));
    }

    private String now() {
        return TIME.format(clock.localNow());
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(clock.getZone()));
    }

    private String who(Actor actor) {
        return who(actor.user());
    }

    private String who(UserId user) {
        return n.name(user);
    }

    private String source(String code) {
        return code == null ? "" : kehu.referenceData().list(ReferenceData.OPPORTUNITY_SOURCE).find(code)
                .map(c -> c.label(n.locale())).orElse(code);
    }

    private String stage(Opportunity deal) {
        return stageLabel(deal, deal.stage());
    }

    private String stageLabel(Opportunity deal, String code) {
        return label(kehu.opportunities().pipelineOf(deal), code);
    }

    private String label(Pipeline pipeline, String stage) {
        return pipeline.stage(stage).map(s -> s.label(n.locale())).orElse(stage);
    }

    private static String national(PhoneNumber phone) {
        return phone == null ? "" : phone.national();
    }
}
