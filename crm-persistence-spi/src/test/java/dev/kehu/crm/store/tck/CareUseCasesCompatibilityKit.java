package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.KitSupport.race;
import static dev.kehu.crm.store.tck.TestRecords.LI;
import static dev.kehu.crm.store.tck.TestRecords.T0;
import static dev.kehu.crm.store.tck.TestRecords.WANG;
import static dev.kehu.crm.store.tck.TestRecords.minimalActivity;
import static dev.kehu.crm.store.tck.TestRecords.minimalContact;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static dev.kehu.crm.store.tck.TestRecords.minimalOpportunity;
import static dev.kehu.crm.store.tck.TestRecords.minimalPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.Kehu;
import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.care.CareReport;
import dev.kehu.crm.care.CareReport.RuleReport;
import dev.kehu.crm.care.CareRules;
import dev.kehu.crm.care.CareService;
import dev.kehu.crm.care.Reminder;
import dev.kehu.crm.care.Reminders;
import dev.kehu.crm.common.BusinessRuleException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.notification.Notification;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.outbox.OutboxQuery;
import dev.kehu.crm.security.Actor;
import dev.kehu.crm.security.Role;
import dev.kehu.crm.contract.ContractStatus;
import dev.kehu.crm.customer.CustomerStatus;
import dev.kehu.crm.support.ServiceAgents;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.TicketStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The care run through {@link Kehu} on the store under test: each rule finds what it should and nothing else, a
 * disabled rule finds nothing, running again (also on two hosts at once) stores and sends each reminder once, a
 * rule reads past its first page, and a refused run writes nothing.
 */
public abstract class CareUseCasesCompatibilityKit {
    /** 28 December 2026: the birthday window of 7 days runs over the year end. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 28);
    private static final Instant NOW = Instant.parse("2026-12-28T09:00:00Z");
    private static final CustomerId HUAXIA = new CustomerId("c-1");

    /** A fresh, empty store for each test; the kit closes it afterwards. */
    protected abstract CrmStore newStore();

    private CrmStore store;
    private final WriteMeeting writes = new WriteMeeting();
    private final List<Notification> notified = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong();
    private final List<Kehu> opened = new ArrayList<>();
    private final Actor supervisor = Actor.of("li.na", TestRecords.TENANT.value(), Role.SALES_SUPERVISOR);
    private final Actor system = Actor.of("system", TestRecords.TENANT.value(), Role.ADMINISTRATOR);
    private final Actor rep = Actor.of("wang.wei", TestRecords.TENANT.value(), Role.SALES_REPRESENTATIVE);

    @BeforeEach
    void openStore() {
        store = newStore();
        store.customers().save(minimalCustomer(TestRecords.TENANT, HUAXIA.value(), "华夏"));
    }

    @AfterEach
    void closeStore() {
        opened.forEach(Kehu::close);
        store.close();
    }

    /** A Kehu like a host's, its clock at {@link #NOW} in UTC, its reminder writes able to meet another host's. */
    private Kehu kehu(CareRules rules) {
        Kehu kehu = Kehu.builder().store(new MeetingStore(store, writes)).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .idGenerator(() -> "g-" + ids.incrementAndGet()).notifications(notified::add).careRules(rules)
                .serviceAgents(ServiceAgents.of(List.of(), Map.of(), LI))
                .build();
        opened.add(kehu);
        return kehu;
    }

    private Kehu kehu() {
        return kehu(CareRules.defaults());
    }

    private void contact(String id, LocalDate birthday) {
        store.contacts().save(minimalContact(TestRecords.TENANT, id, HUAXIA, "联系人 " + id).toBuilder()
                .birthday(birthday).build());
    }

    private Opportunity opportunity(String id, Instant updatedAt, LocalDate expected, OpportunityStatus status) {
        Opportunity o = minimalOpportunity(TestRecords.TENANT, id, HUAXIA).toBuilder().owner(LI).updatedAt(updatedAt)
                .expectedSigningDate(expected).build();
        return store.opportunities().save(status == OpportunityStatus.WON ? TestRecords.won(o) : o);
    }

    private void customerWithPurchase(String id, LocalDate purchase, CustomerStatus status) {
        store.customers().save(minimalCustomer(TestRecords.TENANT, id, "客户 " + id).toBuilder().status(status).build());
        if (purchase != null) {
            store.salesOrders().save(TestRecords.minimalSalesOrder(TestRecords.TENANT, "s-" + id, new CustomerId(id),
                    purchase));
        }
    }

    private void ticket(String id, UserId agent, Instant deadline) {
        ServiceTicket ticket = ServiceStoreCompatibilityKit.minimalTicket(TestRecords.TENANT, id, HUAXIA, NOW);
        if (agent != null) ticket = ticket.toBuilder().status(TicketStatus.ASSIGNED).assignee(agent).build();
        store.serviceTickets().save(ticket, deadline);
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (UserId user : List.of(WANG, LI)) {
            store.reminders().ofRecipient(TestRecords.TENANT, user, null, 1000).forEach(r -> keys.add(r.key()));
        }
        return keys;
    }

    private List<OutboxMessage> notifications() {
        return store.outbox().list(TestRecords.TENANT, new OutboxQuery(OutboxKind.NOTIFICATION, null, null, 1000));
    }

    @Nested
    @DisplayName("Each rule finds what it should, and nothing else")
    class Rules {
        @Test
        @DisplayName("birthdays from today to exactly 7 days ahead, over the year end; the account manager is told")
        void birthdays() {
            contact("k-1", LocalDate.of(1980, 12, 28));
            contact("k-2", LocalDate.of(1985, 1, 4));
            contact("k-3", LocalDate.of(1985, 1, 5));
            contact("k-4", LocalDate.of(1990, 12, 27));
            contact("k-5", null);

            CareReport report = kehu(CareRules.defaults().disable(CareRules.SIGNING_OVERDUE))
                    .care().run(supervisor, TODAY);

            assertThat(report.rule(CareRules.BIRTHDAYS)).isEqualTo(new RuleReport(CareRules.BIRTHDAYS, 2, 2, 0));
            assertThat(keys()).containsExactly("birthday:k-1:2026-12-28", "birthday:k-2:2027-01-04");
            Reminder r = store.reminders().find(TestRecords.TENANT, "birthday:k-2:2027-01-04").orElseThrow();
            assertThat(r).isEqualTo(new Reminder(TestRecords.TENANT, "birthday:k-2:2027-01-04", CareRules.BIRTHDAYS,
                    "contact", "k-2", LocalDate.of(2027, 1, 4), WANG, NOW));
            assertThat(notified).extracting(Notification::topic, Notification::recipient, Notification::recordId)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("care.birthday", WANG, "k-1"),
                            org.assertj.core.groups.Tuple.tuple("care.birthday", WANG, "k-2"));
            assertThat(notified.get(0).details()).containsEntry("subject", "联系人 k-1");
        }

        @Test
        @DisplayName("someone born on 29 February is remembered on the 28th in a year without the 29th")
        void leapDay() {
            contact("k-1", LocalDate.of(2000, 2, 29));

            kehu(CareRules.defaults().birthdaysAhead(3)).care().run(system, LocalDate.of(2027, 2, 25));
            kehu(CareRules.defaults().birthdaysAhead(3)).care().run(system, LocalDate.of(2028, 2, 26));

            assertThat(keys()).containsExactly("birthday:k-1:2027-02-28", "birthday:k-1:2028-02-29");
        }

        @Test
        @DisplayName("plan steps planned before today without a result, of open opportunities; not today's, done or closed")
        void planSteps() {
            Opportunity open = opportunity("o-1", NOW, null, OpportunityStatus.OPEN);
            Opportunity won = opportunity("o-2", NOW, null, OpportunityStatus.WON);
            store.developmentPlans().save(minimalPlan(TestRecords.TENANT, "p-1", open.id())
                    .addStep("done", TODAY.minusDays(3), null, null, T0)
                    .recordResult(1, "ok", TODAY.minusDays(2), TODAY, T0)
                    .addStep("yesterday", TODAY.minusDays(1), null, null, T0)
                    .addStep("today", TODAY, null, null, T0));
            store.developmentPlans().save(minimalPlan(TestRecords.TENANT, "p-2", won.id())
                    .addStep("closed deal", TODAY.minusDays(1), null, null, T0));

            CareReport report = kehu().care().run(supervisor, TODAY);

            assertThat(report.rule(CareRules.OVERDUE_PLAN_STEPS).created()).isEqualTo(1);
            assertThat(keys()).containsExactly("plan-step-overdue:p-1:2:2026-12-27");
        }

        @Test
        @DisplayName("open activities due before today; not today's, nor done ones")
        void activities() {
            Instant startOfToday = Instant.parse("2026-12-28T00:00:00Z");
            store.activities().save(minimalActivity(TestRecords.TENANT, "a-1", HUAXIA).toBuilder()
                    .due(startOfToday.minusSeconds(1)).build());
            store.activities().save(minimalActivity(TestRecords.TENANT, "a-2", HUAXIA).toBuilder()
                    .due(startOfToday).build());
            Activity done = minimalActivity(TestRecords.TENANT, "a-3", HUAXIA).toBuilder()
                    .due(startOfToday.minusSeconds(86_400)).build();
            store.activities().save(done.complete("called", T0));

            kehu().care().run(supervisor, TODAY);

            assertThat(keys()).containsExactly("activity-overdue:a-1:2026-12-27");
        }

        @Test
        @DisplayName("open opportunities unchanged for exactly 14 days or more; not 13 days, nor closed ones")
        void quiet() {
            opportunity("o-1", Instant.parse("2026-12-14T23:59:59Z"), null, OpportunityStatus.OPEN);
            opportunity("o-2", Instant.parse("2026-12-15T00:00:00Z"), null, OpportunityStatus.OPEN);
            opportunity("o-3", Instant.parse("2026-10-01T00:00:00Z"), null, OpportunityStatus.WON);
            opportunity("o-4", Instant.parse("2026-10-01T00:00:00Z"), null, OpportunityStatus.OPEN);

            kehu().care().run(supervisor, TODAY);

            assertThat(keys()).containsExactly("opportunity-quiet:o-4:2026-10-15", "opportunity-quiet:o-1:2026-12-28");
        }

        @Test
        @DisplayName("open opportunities whose expected signing date has passed; not today's, nor closed ones")
        void signing() {
            opportunity("o-1", NOW, TODAY.minusDays(1), OpportunityStatus.OPEN);
            opportunity("o-2", NOW, TODAY, OpportunityStatus.OPEN);
            opportunity("o-3", NOW, TODAY.minusDays(5), OpportunityStatus.WON);

            kehu().care().run(supervisor, TODAY);

            assertThat(keys()).containsExactly("opportunity-signing-overdue:o-1:2026-12-27");
        }

        @Test
        @DisplayName("contracts in execution ending within 90 days get the reminder of the shortest notice period "
                + "that holds them; not those ending later, nor contracts no longer in execution")
        void contractExpiry() {
            store.contracts().save(TestRecords.contract(TestRecords.TENANT, "k-1", HUAXIA, TODAY.plusDays(20)));
            store.contracts().save(TestRecords.contract(TestRecords.TENANT, "k-2", HUAXIA, TODAY.plusDays(60)));
            store.contracts().save(TestRecords.contract(TestRecords.TENANT, "k-3", HUAXIA, TODAY.plusDays(61)));
            store.contracts().save(TestRecords.contract(TestRecords.TENANT, "k-4", HUAXIA, TODAY.plusDays(91)));
            store.contracts().save(TestRecords.contract(TestRecords.TENANT, "k-5", HUAXIA, TODAY));
            store.contracts().save(TestRecords.contract(TestRecords.TENANT, "k-6", HUAXIA, TODAY.plusDays(10))
                    .toBuilder().status(ContractStatus.COMPLETED).build());

            kehu().care().run(supervisor, TODAY);

            assertThat(keys()).containsExactly("contract-expiry:k-5:30:2026-12-28", "contract-expiry:k-1:30:2027-01-17",
                    "contract-expiry:k-2:60:2027-02-26", "contract-expiry:k-3:90:2027-02-27");
        }

        @Test
        @DisplayName("a contract is reminded again as it enters each shorter notice period, once each; the periods "
                + "are configurable")
        void contractNoticePeriods() {
            store.contracts().save(TestRecords.contract(TestRecords.TENANT, "k-1", HUAXIA, TODAY.plusDays(61)));
            Kehu kehu = kehu(CareRules.defaults().contractNotice(90, 60, 60, 30));

            kehu.care().run(supervisor, TODAY);
            kehu.care().run(supervisor, TODAY.plusDays(1));
            kehu.care().run(supervisor, TODAY.plusDays(1));
            kehu(CareRules.defaults().contractNotice(7)).care().run(supervisor, TODAY.plusDays(50));

            assertThat(keys()).containsExactly("contract-expiry:k-1:60:2027-02-27", "contract-expiry:k-1:90:2027-02-27");
            assertThat(notifications()).hasSize(2);
        }

        @Test
        @DisplayName("active customers whose last purchase is more than 6 months ago, keyed by their first dormant "
                + "day; not exactly 6 months, nor inactive customers or those who never bought")
        void dormantCustomers() {
            store.salesOrders().save(TestRecords.minimalSalesOrder(TestRecords.TENANT, "s-1", HUAXIA,
                    LocalDate.of(2026, 6, 27)));
            customerWithPurchase("c-2", LocalDate.of(2026, 6, 28), CustomerStatus.ACTIVE);
            customerWithPurchase("c-3", LocalDate.of(2025, 1, 1), CustomerStatus.INACTIVE);
            customerWithPurchase("c-4", null, CustomerStatus.ACTIVE);
            customerWithPurchase("c-5", LocalDate.of(2026, 1, 1), CustomerStatus.ACTIVE);

            kehu().care().run(supervisor, TODAY);

            assertThat(keys()).containsExactly("customer-dormant:c-5:2026-07-02", "customer-dormant:c-1:2026-12-28");
        }

        @Test
        @DisplayName("the dormancy period is configurable")
        void dormancyPeriod() {
            store.salesOrders().save(TestRecords.minimalSalesOrder(TestRecords.TENANT, "s-1", HUAXIA,
                    LocalDate.of(2026, 9, 27)));

            kehu(CareRules.defaults().dormantAfter(Period.ofMonths(3))).care().run(supervisor, TODAY);

            assertThat(keys()).containsExactly("customer-dormant:c-1:2026-12-28");
        }

        @Test
        @DisplayName("open tickets whose deadline falls by the end of tomorrow, or has passed: their agent is told, or "
                + "the head of the desk for a ticket nobody holds; not a deadline the day after, nor a paused ticket")
        void ticketsNearBreach() {
            ticket("t-1", WANG, Instant.parse("2026-12-28T12:00:00Z"));
            ticket("t-2", null, Instant.parse("2026-12-29T23:59:59.999999Z"));
            ticket("t-3", WANG, Instant.parse("2026-12-30T00:00:00Z"));
            ticket("t-4", WANG, null);
            ticket("t-5", WANG, Instant.parse("2026-12-20T10:00:00Z"));

            CareReport report = kehu().care().run(supervisor, TODAY);

            assertThat(report.rule(CareRules.TICKETS_NEAR_BREACH))
                    .isEqualTo(new RuleReport(CareRules.TICKETS_NEAR_BREACH, 3, 3, 0));
            assertThat(keys()).containsExactly("ticket-near-breach:t-5:2026-12-20", "ticket-near-breach:t-1:2026-12-28",
                    "ticket-near-breach:t-2:2026-12-29");
            assertThat(store.reminders().find(TestRecords.TENANT, "ticket-near-breach:t-2:2026-12-29").orElseThrow()
                    .recipient()).isEqualTo(LI);
        }

        @Test
        @DisplayName("how far ahead ticket deadlines are looked for is configurable: 0 days is today's only")
        void ticketsDueToday() {
            ticket("t-1", WANG, Instant.parse("2026-12-28T23:59:59Z"));
            ticket("t-2", WANG, Instant.parse("2026-12-29T00:00:00Z"));

            kehu(CareRules.defaults().ticketsDueWithin(0)).care().run(supervisor, TODAY);

            assertThat(keys()).containsExactly("ticket-near-breach:t-1:2026-12-28");
        }

        @Test
        @DisplayName("a disabled rule creates nothing and is not reported; the others still run")
        void disabled() {
            contact("k-1", TODAY);
            opportunity("o-1", NOW, TODAY.minusDays(1), OpportunityStatus.OPEN);

            CareReport report = kehu(CareRules.defaults().disable(CareRules.BIRTHDAYS)).care().run(supervisor, TODAY);

            assertThat(report.rules()).extracting(RuleReport::rule).doesNotContain(CareRules.BIRTHDAYS);
            assertThat(keys()).containsExactly("opportunity-signing-overdue:o-1:2026-12-27");
        }
    }

    @Nested
    @DisplayName("Each reminder is made and sent once")
    class Once {
        @Test
        @DisplayName("running again the same day creates nothing new and sends nothing new")
        void rerun() {
            contact("k-1", TODAY);
            opportunity("o-1", NOW, TODAY.minusDays(1), OpportunityStatus.OPEN);
            kehu().care().run(supervisor, TODAY);
            List<String> before = keys();
            int messages = notifications().size();
            int sent = notified.size();

            CareReport again = kehu().care().run(supervisor, TODAY);

            assertThat(again.created()).isZero();
            assertThat(again.rule(CareRules.BIRTHDAYS)).isEqualTo(new RuleReport(CareRules.BIRTHDAYS, 1, 0, 1));
            assertThat(keys()).isEqualTo(before);
            assertThat(notifications()).hasSize(messages);
            assertThat(notified).hasSize(sent);
            assertThat(sent).isEqualTo(2);
        }

        /**
         * Two hosts (two Kehu on one store) run at once, their first reminder writes meeting after both have read
         * the candidates. The unique key makes one of them find every key taken. An in-memory store runs one
         * transaction at a time, so there this test cannot fail; on a database it fails without the unique key.
         */
        @Test
        @DisplayName("two hosts running at once create each reminder exactly once")
        void twoHosts() throws InterruptedException {
            for (int i = 1; i <= 3; i++) contact("k-" + i, TODAY.plusDays(i));
            Kehu first = kehu();
            Kehu second = kehu();
            writes.meetBeforeFirstWrite(2);

            List<Object> outcomes = race(List.<Callable<CareReport>>of(
                    () -> first.care().run(supervisor, TODAY), () -> second.care().run(system, TODAY)));

            assertThat(outcomes).allMatch(CareReport.class::isInstance);
            int created = outcomes.stream().mapToInt(o -> ((CareReport) o).rule(CareRules.BIRTHDAYS).created()).sum();
            assertThat(created).isEqualTo(3);
            assertThat(keys()).containsExactly("birthday:k-1:2026-12-29", "birthday:k-2:2026-12-30",
                    "birthday:k-3:2026-12-31");
            assertThat(notifications()).hasSize(3);
        }

        @Test
        @DisplayName("a rule with more candidates than one page finds all of them")
        void pages() {
            for (int i = 1; i <= 7; i++) contact("k-" + i, TODAY.plusDays(i % 4));

            CareReport report = kehu(CareRules.defaults().pageSize(2)).care().run(supervisor, TODAY);

            assertThat(report.rule(CareRules.BIRTHDAYS)).isEqualTo(new RuleReport(CareRules.BIRTHDAYS, 7, 7, 0));
            assertThat(keys()).hasSize(7);
        }
    }

    @Nested
    @DisplayName("Who may run it, and bad input")
    class Refusals {
        @Test
        @DisplayName("a sales representative may not run it, and nothing is written")
        void notASupervisor() {
            contact("k-1", TODAY);

            assertThatThrownBy(() -> kehu().care().run(rep, TODAY))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo(CareService.RUN_REFUSED))
                    .hasMessageContaining("wang.wei");

            assertThat(keys()).isEmpty();
            assertThat(notifications()).isEmpty();
        }

        @Test
        @DisplayName("a run without a day, and configuration out of range, are refused clearly")
        void badInput() {
            contact("k-1", TODAY);
            assertThatThrownBy(() -> kehu().care().run(supervisor, null)).hasMessageContaining("today");
            assertThatThrownBy(() -> CareRules.defaults().birthdaysAhead(181))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CareRules.defaults().quietAfter(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CareRules.defaults().pageSize(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CareRules.defaults().disable("dormant"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CareRules.BIRTHDAYS);
            assertThat(keys()).isEmpty();
            assertThat(notifications()).isEmpty();
        }
    }

    @Test
    @DisplayName("a person's reminders are listed by due date, page by page")
    void inbox() {
        for (int i = 1; i <= 3; i++) contact("k-" + i, TODAY.plusDays(3 - i));
        Kehu kehu = kehu();
        kehu.care().run(system, TODAY);

        List<Reminder> firstPage = kehu.care().reminders(rep, WANG, null, 2);
        List<Reminder> rest = kehu.care().reminders(rep, WANG, firstPage.get(1), 2);

        assertThat(firstPage).extracting(Reminder::subjectId).containsExactly("k-3", "k-2");
        assertThat(rest).extracting(Reminder::subjectId).containsExactly("k-1");
    }

    /** The store under test with its reminders' adds able to meet those of another thread. */
    private static final class MeetingStore extends ForwardingCrmStore {
        private final WriteMeeting writes;

        MeetingStore(CrmStore store, WriteMeeting writes) {
            super(store);
            this.writes = writes;
        }

        @Override
        public Reminders reminders() {
            Reminders delegate = store.reminders();
            return new Reminders() {
                @Override
                public boolean add(Reminder reminder) {
                    writes.beforeWrite();
                    return delegate.add(reminder);
                }

                @Override public Optional<Reminder> find(TenantId t, String key) { return delegate.find(t, key); }
                @Override public List<Reminder> ofRecipient(TenantId t, UserId recipient, Reminder after, int limit) {
                    return delegate.ofRecipient(t, recipient, after, limit);
                }
            };
        }
    }
}
