package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.KitSupport.assertStored;
import static dev.kehu.crm.store.tck.KitSupport.race;
import static dev.kehu.crm.store.tck.TestRecords.LI;
import static dev.kehu.crm.store.tck.TestRecords.OTHER_TENANT;
import static dev.kehu.crm.store.tck.TestRecords.T0;
import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.WANG;
import static dev.kehu.crm.store.tck.TestRecords.minimalActivity;
import static dev.kehu.crm.store.tck.TestRecords.minimalContact;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static dev.kehu.crm.store.tck.TestRecords.minimalOpportunity;
import static dev.kehu.crm.store.tck.TestRecords.minimalPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.activity.Activity;
import dev.kehu.crm.care.Reminder;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.BirthdayWindow;
import dev.kehu.crm.contact.Contact;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityStatus;
import dev.kehu.crm.opportunity.Probability;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.OverdueStep;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The store side of the care reminders: the {@code Reminders} port (a taken key is an answer, not a failure) and
 * the paged queries the rules read (birthdays in a window, overdue plan steps and activities, quiet opportunities,
 * opportunities past their expected signing date), each against its reference semantics, its order and its
 * keyset paging.
 *
 * <pre>{@code
 * class MyCareStoreCompatibilityTest extends CareStoreCompatibilityKit {
 *     @Override protected CrmStore newStore() { return MyStore.connect(freshDatabaseUrl()); }
 * }
 * }</pre>
 */
public abstract class CareStoreCompatibilityKit extends StorePerTest {
    private static final CustomerId HUAXIA = new CustomerId("c-1");

    @BeforeEach
    void customer() {
        store.customers().save(minimalCustomer(TENANT, HUAXIA.value(), "华夏"));
    }

    private static Reminder reminder(TenantId tenant, String key, LocalDate due, UserId recipient) {
        return new Reminder(tenant, key, "birthday", "contact", "k-1", due, recipient, T0);
    }

    /** Every page of a keyset query, read {@code size} at a time. */
    private static <T> List<T> allPages(int size, Function<T, List<T>> pageAfter) {
        List<T> all = new ArrayList<>();
        T after = null;
        while (true) {
            List<T> page = pageAfter.apply(after);
            assertThat(page.size()).as("page size").isLessThanOrEqualTo(size);
            all.addAll(page);
            if (page.size() < size) return all;
            after = page.get(page.size() - 1);
        }
    }

    @Nested
    @DisplayName("A reminder's key is unique per tenant, and a taken key is an answer, not a failure")
    class Keys {
        @Test
        @DisplayName("a reminder is read back exactly; adding its key again says false and keeps the first")
        void repeat() {
            Reminder first = reminder(TENANT, "birthday:k-1:2026-12-03", LocalDate.of(2026, 12, 3), WANG);
            assertThat(store.reminders().add(first)).isTrue();
            Reminder again = new Reminder(TENANT, first.key(), "other", "contact", "k-2", LocalDate.of(2027, 1, 1), LI,
                    T0.plusSeconds(5));

            assertThat(store.reminders().add(again)).isFalse();

            assertStored(store.reminders().find(TENANT, first.key()), first);
            assertThat(store.reminders().ofRecipient(TENANT, LI, null, 10)).isEmpty();
        }

        @Test
        @DisplayName("a taken key inside a transaction leaves it able to commit its other writes")
        void takenKeyInsideATransaction() {
            Reminder first = reminder(TENANT, "birthday:k-1:2026-12-03", LocalDate.of(2026, 12, 3), WANG);
            store.reminders().add(first);
            Reminder other = reminder(TENANT, "birthday:k-2:2026-12-04", LocalDate.of(2026, 12, 4), WANG);

            boolean[] answers = store.transactions().inTransaction(() -> new boolean[] {
                    store.reminders().add(first), store.reminders().add(other)});

            assertThat(answers).containsExactly(false, true);
            assertStored(store.reminders().find(TENANT, other.key()), other);
        }

        @Test
        @DisplayName("the same key in another tenant is another reminder, and neither tenant sees the other's")
        void tenants() {
            Reminder ours = reminder(TENANT, "birthday:k-1:2026-12-03", LocalDate.of(2026, 12, 3), WANG);
            Reminder theirs = reminder(OTHER_TENANT, ours.key(), ours.due(), WANG);
            assertThat(store.reminders().add(ours)).isTrue();
            assertThat(store.reminders().add(theirs)).isTrue();
            assertThat(store.reminders().ofRecipient(TENANT, WANG, null, 10)).containsExactly(ours);
            assertThat(store.reminders().find(OTHER_TENANT, ours.key())).contains(theirs);
        }

        @Test
        @DisplayName("a rolled-back add leaves nothing")
        void rollback() {
            Reminder r = reminder(TENANT, "birthday:k-1:2026-12-03", LocalDate.of(2026, 12, 3), WANG);
            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                store.reminders().add(r);
                throw new IllegalStateException("undo");
            })).hasMessage("undo");
            assertThat(store.reminders().find(TENANT, r.key())).isEmpty();
        }

        @Test
        @DisplayName("adding a list stores its new reminders in order and skips keys taken in the store or earlier in the list")
        void addAll() {
            Reminder taken = reminder(TENANT, "birthday:k-2:2026-12-04", LocalDate.of(2026, 12, 4), WANG);
            store.reminders().add(taken);
            Reminder first = reminder(TENANT, "birthday:k-1:2026-12-03", LocalDate.of(2026, 12, 3), WANG);
            Reminder third = reminder(TENANT, "birthday:k-3:2026-12-05", LocalDate.of(2026, 12, 5), LI);
            Reminder takenAgain = reminder(TENANT, taken.key(), taken.due(), LI);
            Reminder firstAgain = reminder(TENANT, first.key(), first.due(), LI);

            List<Reminder> stored = store.transactions().inTransaction(() ->
                    store.reminders().addAll(List.of(first, takenAgain, third, firstAgain)));

            assertThat(stored).containsExactly(first, third);
            assertStored(store.reminders().find(TENANT, taken.key()), taken);
            assertStored(store.reminders().find(TENANT, first.key()), first);
            assertStored(store.reminders().find(TENANT, third.key()), third);
            assertThat(store.reminders().addAll(List.of())).isEmpty();
        }

        @Test
        @DisplayName("a list whose key another transaction takes meanwhile stores the rest and does not claim that one")
        void addAllMeetsAConcurrentAdd() throws Exception {
            Reminder theirs = reminder(TENANT, "birthday:k-2:2026-12-04", LocalDate.of(2026, 12, 4), WANG);
            Reminder first = reminder(TENANT, "birthday:k-1:2026-12-03", LocalDate.of(2026, 12, 3), LI);
            Reminder third = reminder(TENANT, "birthday:k-3:2026-12-05", LocalDate.of(2026, 12, 5), LI);

            Object outcome = TwoTransactions.laterWaitsForTheFirst(store, () -> store.reminders().add(theirs),
                    () -> store.reminders().addAll(List.of(first, reminder(TENANT, theirs.key(), theirs.due(), LI),
                            third)));

            assertThat(outcome).isEqualTo(List.of(first, third));
            assertStored(store.reminders().find(TENANT, theirs.key()), theirs);
            assertStored(store.reminders().find(TENANT, third.key()), third);
        }

        @Test
        @DisplayName("of four concurrent adds of one key, one says true and the others false, none fails")
        void concurrentAdds() throws InterruptedException {
            List<Callable<Boolean>> adds = IntStream.range(0, 4).<Callable<Boolean>>mapToObj(i -> () ->
                    store.transactions().inTransaction(() -> store.reminders().add(reminder(TENANT,
                            "birthday:k-1:2026-12-03", LocalDate.of(2026, 12, 3), new UserId("u-" + i))))).toList();

            List<Object> outcomes = race(adds);

            assertThat(outcomes).containsOnly(true, false).containsOnlyOnce(true);
            assertThat(store.reminders().find(TENANT, "birthday:k-1:2026-12-03")).isPresent();
        }
    }

    @Nested
    @DisplayName("A recipient's reminders are listed by due date, then key, page by page")
    class Listing {
        @Test
        @DisplayName("only the recipient's, by due date then key, read on after a given reminder")
        void order() {
            Reminder a = reminder(TENANT, "b:2", LocalDate.of(2026, 12, 3), WANG);
            Reminder b = reminder(TENANT, "a:9", LocalDate.of(2026, 12, 4), WANG);
            Reminder c = reminder(TENANT, "b:10", LocalDate.of(2026, 12, 4), WANG);
            Reminder d = reminder(TENANT, "a:1", LocalDate.of(2027, 1, 1), WANG);
            Reminder someoneElses = reminder(TENANT, "a:0", LocalDate.of(2026, 1, 1), LI);
            for (Reminder r : List.of(d, c, someoneElses, b, a)) store.reminders().add(r);

            assertThat(store.reminders().ofRecipient(TENANT, WANG, null, 10)).containsExactly(a, b, c, d);
            assertThat(store.reminders().ofRecipient(TENANT, WANG, null, 2)).containsExactly(a, b);
            assertThat(store.reminders().ofRecipient(TENANT, WANG, b, 2)).containsExactly(c, d);
            assertThat(store.reminders().ofRecipient(TENANT, WANG, d, 2)).isEmpty();
        }

        @Test
        @DisplayName("a limit outside 1–1000 is refused")
        void limits() {
            assertThatThrownBy(() -> store.reminders().ofRecipient(TENANT, WANG, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.reminders().ofRecipient(TENANT, WANG, null, 1001))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("Birthdays in a window of days, answered from the birthday's month and day")
    class Birthdays {
        private Contact born(String id, LocalDate birthday) {
            return store.contacts().save(minimalContact(TENANT, id, HUAXIA, "联系人 " + id).toBuilder()
                    .birthday(birthday).build());
        }

        private List<String> inWindow(BirthdayWindow window) {
            return store.contacts().birthdaysIn(TENANT, window, null, 1000).stream().map(c -> c.id().value()).toList();
        }

        @Test
        @DisplayName("both ends of the window count, the days around them do not, nor a contact without a birthday")
        void ends() {
            born("k-1", LocalDate.of(1980, 6, 9));
            born("k-2", LocalDate.of(1990, 6, 10));
            born("k-3", LocalDate.of(1975, 6, 17));
            born("k-4", LocalDate.of(1985, 6, 18));
            born("k-5", null);

            assertThat(inWindow(BirthdayWindow.ahead(LocalDate.of(2026, 6, 10), 7))).containsExactly("k-2", "k-3");
        }

        @Test
        @DisplayName("a window over the year end finds December and January birthdays, nothing in between")
        void yearEnd() {
            born("k-1", LocalDate.of(1980, 12, 27));
            born("k-2", LocalDate.of(1980, 12, 28));
            born("k-3", LocalDate.of(1980, 12, 31));
            born("k-4", LocalDate.of(1980, 1, 1));
            born("k-5", LocalDate.of(1980, 1, 4));
            born("k-6", LocalDate.of(1980, 1, 5));
            born("k-7", LocalDate.of(1980, 6, 30));

            assertThat(inWindow(BirthdayWindow.ahead(LocalDate.of(2026, 12, 28), 7)))
                    .containsExactly("k-2", "k-3", "k-4", "k-5");
        }

        @Test
        @DisplayName("29 February counts on the 28th in a year without it, and on the 29th in a leap year")
        void leapDay() {
            born("k-1", LocalDate.of(2000, 2, 29));
            born("k-2", LocalDate.of(2000, 2, 28));

            assertThat(inWindow(new BirthdayWindow(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 2, 28))))
                    .containsExactly("k-1", "k-2");
            assertThat(inWindow(new BirthdayWindow(LocalDate.of(2028, 2, 28), LocalDate.of(2028, 2, 28))))
                    .containsExactly("k-2");
            assertThat(inWindow(new BirthdayWindow(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 1))))
                    .containsExactly("k-1");
            assertThat(inWindow(new BirthdayWindow(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 7)))).isEmpty();
        }

        @Test
        @DisplayName("a changed or removed birthday is found in its new window only")
        void keptUpToDate() {
            Contact k = born("k-1", LocalDate.of(1980, 6, 12));
            Contact moved = store.contacts().save(k.toBuilder().birthday(LocalDate.of(1980, 9, 1)).build());

            assertThat(inWindow(BirthdayWindow.ahead(LocalDate.of(2026, 6, 10), 7))).isEmpty();
            assertThat(inWindow(BirthdayWindow.ahead(LocalDate.of(2026, 8, 30), 7))).containsExactly("k-1");

            store.contacts().save(moved.toBuilder().birthday(null).build());
            assertThat(inWindow(BirthdayWindow.ahead(LocalDate.of(2026, 8, 30), 7))).isEmpty();
        }

        @Test
        @DisplayName("pages by id read every match once; another tenant's contacts are not seen")
        void paging() {
            for (int i = 1; i <= 7; i++) born("k-" + i, LocalDate.of(1980, 6, 10 + i % 3));
            store.contacts().save(minimalContact(OTHER_TENANT, "k-x", HUAXIA, "x").toBuilder()
                    .birthday(LocalDate.of(1980, 6, 11)).build());
            BirthdayWindow window = BirthdayWindow.ahead(LocalDate.of(2026, 6, 10), 7);

            List<Contact> all = allPages(3, after -> store.contacts().birthdaysIn(TENANT, window,
                    after == null ? null : after.id(), 3));

            assertThat(all).extracting(c -> c.id().value())
                    .containsExactly("k-1", "k-2", "k-3", "k-4", "k-5", "k-6", "k-7");
            assertThatThrownBy(() -> store.contacts().birthdaysIn(TENANT, window, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("Overdue development-plan steps of open opportunities")
    class OverdueSteps {
        private final LocalDate today = LocalDate.of(2026, 6, 10);

        private Opportunity opportunity(String id, OpportunityStatus status) {
            Opportunity o = minimalOpportunity(TENANT, id, HUAXIA);
            return store.opportunities().save(status == OpportunityStatus.WON ? TestRecords.won(o) : o);
        }

        private DevelopmentPlan plan(String id, Opportunity o) {
            DevelopmentPlan plan = minimalPlan(TENANT, id, o.id())
                    .addStep("done late", today.minusDays(5), null, null, T0)
                    .recordResult(1, "ok", today.minusDays(1), today, T0)
                    .addStep("yesterday", today.minusDays(1), null, null, T0)
                    .addStep("today", today, null, null, T0)
                    .addStep("long ago", today.minusDays(40), null, null, T0);
            return store.developmentPlans().save(plan);
        }

        @Test
        @DisplayName("steps without a result planned before today, by plan then step; done, today's and closed deals' are not")
        void found() {
            DevelopmentPlan p2 = plan("p-2", opportunity("o-1", OpportunityStatus.OPEN));
            DevelopmentPlan p1 = plan("p-1", opportunity("o-2", OpportunityStatus.OPEN));
            plan("p-3", opportunity("o-3", OpportunityStatus.WON));

            List<OverdueStep> found = store.developmentPlans().overdueSteps(TENANT, today, null, 100);

            assertThat(found).containsExactly(
                    new OverdueStep(p1.id(), p1.opportunity(), p1.owner(), p1.step(2)),
                    new OverdueStep(p1.id(), p1.opportunity(), p1.owner(), p1.step(4)),
                    new OverdueStep(p2.id(), p2.opportunity(), p2.owner(), p2.step(2)),
                    new OverdueStep(p2.id(), p2.opportunity(), p2.owner(), p2.step(4)));
            assertThat(store.developmentPlans().overdueSteps(OTHER_TENANT, today, null, 100)).isEmpty();
        }

        @Test
        @DisplayName("pages read on after a plan and step, also within one plan")
        void paging() {
            for (int i = 1; i <= 4; i++) plan("p-" + i, opportunity("o-" + i, OpportunityStatus.OPEN));

            List<OverdueStep> all = allPages(3, after -> store.developmentPlans().overdueSteps(TENANT, today, after, 3));

            assertThat(all).extracting(s -> s.plan().value() + "#" + s.step().number()).containsExactly(
                    "p-1#2", "p-1#4", "p-2#2", "p-2#4", "p-3#2", "p-3#4", "p-4#2", "p-4#4");
        }
    }

    @Nested
    @DisplayName("Overdue activities: open ones due before a time")
    class OverdueActivities {
        private final Instant before = Instant.parse("2026-06-10T00:00:00Z");

        private void save(String id, Instant due, boolean open) {
            Activity a = minimalActivity(TENANT, id, HUAXIA).toBuilder().due(due).build();
            store.activities().save(open ? a : a.cancel(T0));
        }

        @Test
        @DisplayName("due before the time and open; due at the time, done or cancelled are not; by due time then id, page by page")
        void found() {
            save("a-3", before.minusNanos(1000), true);
            save("a-1", before.minusSeconds(86_400 * 30), true);
            save("a-2", before, true);
            save("a-4", before.minusSeconds(60), false);
            store.activities().save(minimalActivity(TENANT, "a-5", HUAXIA).toBuilder().due(before.minusSeconds(60))
                    .build().complete("done", T0));
            save("a-6", before.minusSeconds(3600), true);

            List<Activity> all = allPages(2, after -> store.activities().overdue(TENANT, before, after, 2));

            assertThat(all).extracting(a -> a.id().value()).containsExactly("a-1", "a-6", "a-3");
            Activity a6 = all.get(1);
            assertThat(store.activities().overdue(TENANT, before, a6, 10))
                    .extracting(a -> a.id().value()).containsExactly("a-3");
        }

        @Test
        @DisplayName("activities due at the same time are ordered by id, and a page ending among them reads on after the last")
        void tiesAcrossPages() {
            Instant due = before.minusSeconds(7200);
            for (String id : List.of("b-5", "b-2", "b-4", "b-1", "b-3")) save(id, due, true);
            save("a-9", due.minusSeconds(1), true);
            save("c-0", due.plusSeconds(1), true);

            List<Activity> all = allPages(2, after -> store.activities().overdue(TENANT, before, after, 2));

            assertThat(all).extracting(a -> a.id().value())
                    .containsExactly("a-9", "b-1", "b-2", "b-3", "b-4", "b-5", "c-0");
        }
    }

    @Nested
    @DisplayName("Open opportunities unchanged since a time, or past their expected signing date")
    class Opportunities {
        private final Instant before = Instant.parse("2026-06-10T00:00:00Z");
        private final LocalDate today = LocalDate.of(2026, 6, 10);

        private void save(String id, Instant updatedAt, LocalDate expected, boolean open) {
            Opportunity o = minimalOpportunity(TENANT, id, HUAXIA).toBuilder().updatedAt(updatedAt)
                    .expectedSigningDate(expected).build();
            if (!open) {
                o = o.toBuilder().status(OpportunityStatus.LOST).probability(Probability.ZERO).lostReason("price")
                        .closedAt(T0).build();
            }
            store.opportunities().save(o);
        }

        @Test
        @DisplayName("unchanged: open and last changed before the time, by that time then id; at the time or closed are not")
        void unchanged() {
            save("o-3", before.minusNanos(1000), null, true);
            save("o-1", before.minusSeconds(86_400 * 100), null, true);
            save("o-2", before, null, true);
            save("o-4", before.minusSeconds(86_400), null, false);
            save("o-5", before.minusSeconds(60), null, true);
            save("o-6", before.minusSeconds(60), null, true);
            save("o-0", before.minusSeconds(60), null, true);

            List<Opportunity> all = allPages(2, after -> store.opportunities().openUnchangedSince(TENANT, before,
                    after, 2));

            assertThat(all).extracting(o -> o.id().value()).containsExactly("o-1", "o-0", "o-5", "o-6", "o-3");
            assertThat(store.opportunities().openUnchangedSince(OTHER_TENANT, before, null, 10)).isEmpty();
        }

        @Test
        @DisplayName("past signing: open and expected before the day, by that day then id; on the day, without a date or closed are not")
        void pastSigning() {
            save("o-2", before, today.minusDays(1), true);
            save("o-1", before, today.minusYears(1), true);
            save("o-3", before, today, true);
            save("o-4", before, null, true);
            save("o-5", before, today.minusDays(3), false);
            save("o-6", before, today.minusDays(2), true);
            save("o-0", before, today.minusDays(1), true);
            save("o-7", before, today.minusDays(2), true);

            List<Opportunity> all = allPages(2, after -> store.opportunities().openExpectedBefore(TENANT, today,
                    after, 2));

            assertThat(all).extracting(o -> o.id().value()).containsExactly("o-1", "o-6", "o-7", "o-0", "o-2");
            Opportunity o7 = all.get(2);
            assertThat(store.opportunities().openExpectedBefore(TENANT, today, o7, 10))
                    .extracting(o -> o.id().value()).containsExactly("o-0", "o-2");
        }
    }
}
