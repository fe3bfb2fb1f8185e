package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.KitSupport.race;
import static dev.kehu.crm.store.tck.TestRecords.AWKWARD;
import static dev.kehu.crm.store.tck.TestRecords.LI;
import static dev.kehu.crm.store.tck.TestRecords.OTHER_TENANT;
import static dev.kehu.crm.store.tck.TestRecords.T0;
import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.WANG;
import static dev.kehu.crm.store.tck.TestRecords.t0PlusMicros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import dev.kehu.crm.contact.ContactId;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.knowledge.Article;
import dev.kehu.crm.knowledge.ArticleId;
import dev.kehu.crm.knowledge.ArticleSearch;
import dev.kehu.crm.support.CorrectiveMeasure;
import dev.kehu.crm.support.Expense;
import dev.kehu.crm.support.ExpenseCategory;
import dev.kehu.crm.support.ExpenseId;
import dev.kehu.crm.support.ExpenseStatus;
import dev.kehu.crm.support.ListPosition;
import dev.kehu.crm.support.SatisfactionSurvey;
import dev.kehu.crm.support.ServiceTicket;
import dev.kehu.crm.support.ServiceTickets.Due;
import dev.kehu.crm.support.SlaTarget;
import dev.kehu.crm.support.StepKind;
import dev.kehu.crm.support.TicketChannel;
import dev.kehu.crm.support.TicketId;
import dev.kehu.crm.support.TicketKind;
import dev.kehu.crm.support.TicketPriority;
import dev.kehu.crm.support.TicketStatus;
import dev.kehu.crm.support.TicketStep;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of the customer-service ports ({@code ServiceTickets}, {@code Expenses}, {@code Articles}) that
 * every store passes: round trips, versions, the append-only ticket history (also between two transactions),
 * keyset pages, the service-level deadline index, open tickets per agent, article search as
 * {@link ArticleSearch} finds, and tenants kept apart. The kit saves a ticket before its history, so a store may
 * require that it exists; it names customers without saving them.
 */
public abstract class ServiceStoreCompatibilityKit extends StorePerTest {
    private static final CustomerId C1 = new CustomerId("c-1");
    private static final CustomerId C2 = new CustomerId("c-2");
    private static final UserId ZHAO = new UserId("u-zhao");

    static ServiceTicket fullTicket(TenantId tenant, String id, CustomerId customer) {
        return ServiceTicket.builder().id(new TicketId(id)).tenant(tenant).number("FW-" + id).customer(customer)
                .contact(new ContactId("k-1")).kind(TicketKind.COMPLAINT).channel(TicketChannel.IVR)
                .priority(TicketPriority.URGENT).subject("打印机卡纸 " + AWKWARD).description("第三次了\n" + AWKWARD)
                .status(TicketStatus.RESOLVED).assignee(LI).skill("printer 100%_a").firstResponseAt(t0PlusMicros(7))
                .resolution("更换搓纸轮 " + AWKWARD).resolvedAt(t0PlusMicros(90))
                .measures(List.of(new CorrectiveMeasure(1, "培训 " + AWKWARD, ZHAO, LocalDate.of(2024, 3, 10),
                                t0PlusMicros(80), "已完成 " + AWKWARD),
                        new CorrectiveMeasure(2, "回访", LI, LocalDate.of(2024, 3, 31), null, null)))
                .survey(new SatisfactionSurvey(4, "还行 " + AWKWARD, t0PlusMicros(95)))
                .escalated(Set.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)).escalatedTo(ZHAO)
                .historyLength(12).createdAt(T0).updatedAt(t0PlusMicros(99)).build();
    }

    static ServiceTicket minimalTicket(TenantId tenant, String id, CustomerId customer, Instant createdAt) {
        return ServiceTicket.builder().id(new TicketId(id)).tenant(tenant).number(id).customer(customer)
                .kind(TicketKind.INQUIRY).channel(TicketChannel.PHONE).subject("咨询").createdAt(createdAt)
                .updatedAt(createdAt).build();
    }

    private static ServiceTicket assignedTo(ServiceTicket ticket, UserId agent) {
        return ticket.toBuilder().status(TicketStatus.ASSIGNED).assignee(agent).build();
    }

    private static TicketStep step(TicketId ticket, int sequence) {
        return sequence == 1
                ? new TicketStep(ticket, 1, T0, WANG, StepKind.CREATED, null, TicketStatus.NEW, null, null)
                : new TicketStep(ticket, sequence, t0PlusMicros(sequence), LI, StepKind.RESPONDED,
                TicketStatus.ASSIGNED, TicketStatus.ASSIGNED, LI, "第" + sequence + "次回复 " + AWKWARD);
    }

    static Expense expense(TenantId tenant, String id, CustomerId customer, Instant createdAt, boolean full) {
        if (!full) {
            return new Expense(new ExpenseId(id), tenant, customer, null, ExpenseCategory.OTHER, Money.of("0.01", "CNY"),
                    null, LocalDate.of(2024, 2, 1), WANG, ExpenseStatus.SUBMITTED, null, null, null, createdAt,
                    createdAt, 0);
        }
        return new Expense(new ExpenseId(id), tenant, customer, new TicketId("t-1"), ExpenseCategory.ENTERTAINMENT,
                Money.of("123456789012345.67", "CNY"), "招待 " + AWKWARD, LocalDate.of(2024, 2, 28), WANG,
                ExpenseStatus.REJECTED, LI, t0PlusMicros(5), "发票缺失 " + AWKWARD, createdAt, t0PlusMicros(5), 0);
    }

    static Article article(TenantId tenant, String id, String title, String body, List<String> keywords,
                           boolean published) {
        return new Article(new ArticleId(id), tenant, title, body, keywords, Set.of(), published, T0, T0, 0);
    }

    private ServiceTicket save(ServiceTicket ticket) {
        return store.serviceTickets().save(ticket, null);
    }

    @Nested
    @DisplayName("Tickets, expenses and articles keep every field, each save adding 1 to the version")
    class RoundTrips {
        @Test
        @DisplayName("a ticket with every field filled in, measures in order, survey and escalations, is read back exactly")
        void fullTicket() {
            ServiceTicket ticket = ServiceStoreCompatibilityKit.fullTicket(TENANT, "t-1", C1);
            ServiceTicket saved = store.serviceTickets().save(ticket, null);
            assertThat(saved.version()).isEqualTo(1);
            KitSupport.assertStored(store.serviceTickets().find(TENANT, ticket.id()), saved);
        }

        @Test
        @DisplayName("a ticket with every optional field empty keeps them empty, and an update fills them in and clears them")
        void minimalTicketAndUpdates() {
            ServiceTicket minimal = save(minimalTicket(TENANT, "t-1", C1, T0));
            KitSupport.assertStored(store.serviceTickets().find(TENANT, minimal.id()), minimal);
            ServiceTicket full = ServiceStoreCompatibilityKit.fullTicket(TENANT, "t-1", C1).toBuilder().version(1).build();
            ServiceTicket filled = save(full);
            KitSupport.assertStored(store.serviceTickets().find(TENANT, minimal.id()), filled);
            ServiceTicket cleared = save(minimalTicket(TENANT, "t-1", C1, T0).toBuilder().version(2).build());
            assertThat(cleared.version()).isEqualTo(3);
            KitSupport.assertStored(store.serviceTickets().find(TENANT, minimal.id()), cleared);
        }

        @Test
        @DisplayName("an expense with every field, and one with none of the optional ones, are read back exactly")
        void expenses() {
            Expense full = store.expenses().save(expense(TENANT, "e-1", C1, T0, true));
            Expense minimal = store.expenses().save(expense(TENANT, "e-2", C1, T0, false));
            KitSupport.assertStored(store.expenses().find(TENANT, full.id()), full);
            KitSupport.assertStored(store.expenses().find(TENANT, minimal.id()), minimal);
            assertThat(full.version()).isEqualTo(1);
        }

        @Test
        @DisplayName("an article keeps its keywords in order and its linked tickets; an update replaces them")
        void articles() {
            Article written = article(TENANT, "a-1", "ＶＰＮ 连不上 " + AWKWARD, "重启客户端\n" + AWKWARD,
                    List.of("VPN", "远程办公", AWKWARD), false)
                    .link(new TicketId("t-2"), T0).link(new TicketId("t-1"), t0PlusMicros(1));
            Article saved = store.articles().save(written);
            KitSupport.assertStored(store.articles().find(TENANT, written.id()), saved);
            Article edited = store.articles().save(saved.edit("VPN", "换端口", List.of("端口"), t0PlusMicros(2))
                    .publish(t0PlusMicros(3)));
            assertThat(edited.version()).isEqualTo(2);
            KitSupport.assertStored(store.articles().find(TENANT, written.id()), edited);
        }

        @Test
        @DisplayName("nothing is found for an id that was never saved")
        void unknownIds() {
            assertThat(store.serviceTickets().find(TENANT, new TicketId("t-9"))).isEmpty();
            assertThat(store.expenses().find(TENANT, new ExpenseId("e-9"))).isEmpty();
            assertThat(store.articles().find(TENANT, new ArticleId("a-9"))).isEmpty();
            assertThat(store.serviceTickets().history(TENANT, new TicketId("t-9"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("A stale save is refused and writes nothing")
    class Versions {
        @Test
        @DisplayName("an update with another version, an insert over a taken id and an update of a missing record are stale")
        void staleSaves() {
            ServiceTicket ticket = store.serviceTickets().save(minimalTicket(TENANT, "t-1", C1, T0), t0PlusMicros(50));
            Expense expense = store.expenses().save(expense(TENANT, "e-1", C1, T0, false));
            Article article = store.articles().save(article(TENANT, "a-1", "标题", "正文", List.of("甲"), true));

            assertThatThrownBy(() -> store.serviceTickets().save(ticket.toBuilder().subject("改").version(0).build(), null))
                    .isInstanceOf(StaleRecordException.class).hasMessageContaining("t-1");
            assertThatThrownBy(() -> store.serviceTickets().save(ticket.toBuilder().version(5).build(), null))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.serviceTickets().save(minimalTicket(TENANT, "t-2", C1, T0).toBuilder()
                    .version(1).build(), null)).isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.expenses().save(expense(TENANT, "e-1", C1, T0, true)))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.articles().save(article(TENANT, "a-1", "新", "新", List.of("乙"), true)))
                    .isInstanceOf(StaleRecordException.class);

            assertThat(store.serviceTickets().find(TENANT, ticket.id())).contains(ticket);
            assertThat(store.serviceTickets().find(TENANT, new TicketId("t-2"))).isEmpty();
            assertThat(store.expenses().find(TENANT, expense.id())).contains(expense);
            assertThat(store.articles().find(TENANT, article.id())).contains(article);
            assertThat(store.articles().search(TENANT, "乙", 10)).isEmpty();
            assertThat(store.serviceTickets().slaDue(TENANT, t0PlusMicros(51), null, 10))
                    .extracting(Due::deadline).containsExactly(t0PlusMicros(50));
        }

        @Test
        @DisplayName("of several threads saving the same version of a ticket at once, exactly one succeeds")
        void concurrentSaves() throws InterruptedException {
            ServiceTicket ticket = save(minimalTicket(TENANT, "t-1", C1, T0));
            List<Callable<ServiceTicket>> saves = IntStream.range(0, 4).<Callable<ServiceTicket>>mapToObj(i ->
                    () -> store.serviceTickets().save(ticket.toBuilder().subject("线程 " + i).build(), null)).toList();
            List<Object> outcomes = race(saves);
            assertThat(outcomes).filteredOn(StaleRecordException.class::isInstance).hasSize(3);
            assertThat(store.serviceTickets().find(TENANT, ticket.id())).get()
                    .isIn(outcomes.stream().filter(ServiceTicket.class::isInstance).toList());
        }
    }

    @Nested
    @DisplayName("A ticket's history is append-only and comes back by sequence number")
    class History {
        @Test
        @DisplayName("lines come back by number (2 before 10), only the ticket's own")
        void order() {
            TicketId t1 = save(minimalTicket(TENANT, "t-1", C1, T0)).id();
            TicketId t2 = save(minimalTicket(TENANT, "t-2", C1, T0)).id();
            List<TicketStep> lines = new ArrayList<>();
            for (int i = 1; i <= 10; i++) lines.add(step(t1, i));
            for (int i : new int[] {10, 2, 1, 9, 3, 4, 8, 5, 7, 6}) store.serviceTickets().append(TENANT, lines.get(i - 1));
            store.serviceTickets().append(TENANT, step(t2, 1));
            assertThat(store.serviceTickets().history(TENANT, t1)).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(lines);
            assertThat(store.serviceTickets().history(TENANT, t2)).containsExactly(step(t2, 1));
        }

        @Test
        @DisplayName("a second line with a taken number is stale, names the ticket, and writes nothing")
        void takenNumber() {
            TicketId id = save(minimalTicket(TENANT, "t-1", C1, T0)).id();
            store.serviceTickets().append(TENANT, step(id, 1));
            TicketStep other = new TicketStep(id, 1, T0, LI, StepKind.CREATED, null, TicketStatus.NEW, null, "另一个");
            assertThatThrownBy(() -> store.serviceTickets().append(TENANT, other))
                    .isInstanceOf(StaleRecordException.class).hasMessageContaining("t-1");
            assertThat(store.serviceTickets().history(TENANT, id)).containsExactly(step(id, 1));
        }

        @Test
        @DisplayName("two transactions appending the same line number: the later waits for the first, then is refused")
        void twoTransactionsMeetOnTheNumber() throws Exception {
            TicketId id = save(minimalTicket(TENANT, "t-1", C1, T0)).id();
            store.serviceTickets().append(TENANT, step(id, 1));
            TicketStep second = step(id, 2);
            // The first line is not committed when the later transaction looks, so only a unique key on
            // (tenant, ticket, sequence) stops the later insert.
            Object later = TwoTransactions.laterWaitsForTheFirst(store, () -> store.serviceTickets().append(TENANT, second), () -> {
                store.serviceTickets().append(TENANT, new TicketStep(id, 2, t0PlusMicros(3), WANG, StepKind.RESPONDED,
                        TicketStatus.ASSIGNED, TicketStatus.ASSIGNED, LI, "later"));
                return null;
            });
            assertThat(later).isInstanceOf(StaleRecordException.class);
            assertThat(store.serviceTickets().history(TENANT, id)).containsExactly(step(id, 1), second);
        }
    }

    @Nested
    @DisplayName("A customer's tickets and expenses come newest first, a page at a time")
    class Paging {
        @Test
        @DisplayName("pages by creation time then id, descending, continue after the position given and skip nothing")
        void ticketsNewestFirst() {
            // Two at the same instant: the greater id comes first. Binary order: "B10" < "B9" < "a1".
            save(minimalTicket(TENANT, "B9", C1, t0PlusMicros(1)));
            save(minimalTicket(TENANT, "B10", C1, t0PlusMicros(1)));
            save(minimalTicket(TENANT, "a1", C1, t0PlusMicros(2)));
            save(minimalTicket(TENANT, "c9", C1, T0));
            save(minimalTicket(TENANT, "x", C2, t0PlusMicros(3)));
            List<ServiceTicket> first = store.serviceTickets().ofCustomer(TENANT, C1, null, 2);
            assertThat(first).extracting(t -> t.id().value()).containsExactly("a1", "B9");
            ServiceTicket last = first.get(1);
            List<ServiceTicket> second = store.serviceTickets().ofCustomer(TENANT, C1,
                    new ListPosition(last.createdAt(), last.id().value()), 2);
            assertThat(second).extracting(t -> t.id().value()).containsExactly("B10", "c9");
            assertThat(store.serviceTickets().ofCustomer(TENANT, C1, new ListPosition(T0, "c9"), 2)).isEmpty();
        }

        @Test
        @DisplayName("a customer's expenses page the same way")
        void expensesNewestFirst() {
            store.expenses().save(expense(TENANT, "B9", C1, t0PlusMicros(1), false));
            store.expenses().save(expense(TENANT, "B10", C1, t0PlusMicros(1), true));
            store.expenses().save(expense(TENANT, "a1", C1, T0, false));
            store.expenses().save(expense(TENANT, "z", C2, t0PlusMicros(9), false));
            assertThat(store.expenses().ofCustomer(TENANT, C1, null, 10)).extracting(e -> e.id().value())
                    .containsExactly("B9", "B10", "a1");
            assertThat(store.expenses().ofCustomer(TENANT, C1, new ListPosition(t0PlusMicros(1), "B9"), 1))
                    .extracting(e -> e.id().value()).containsExactly("B10");
        }

        @Test
        @DisplayName("a limit outside 1–1000 is refused")
        void limits() {
            assertThatThrownBy(() -> store.serviceTickets().ofCustomer(TENANT, C1, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.expenses().ofCustomer(TENANT, C1, null, 1001))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.serviceTickets().slaDue(TENANT, T0, null, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.articles().search(TENANT, "x", 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("Open tickets are counted per agent, for the least-loaded choice")
    class Load {
        @Test
        @DisplayName("only open tickets of the agents asked for count; resolved and closed ones do not")
        void openCounts() {
            save(assignedTo(minimalTicket(TENANT, "t-1", C1, T0), LI));
            save(assignedTo(minimalTicket(TENANT, "t-2", C1, T0), LI).toBuilder().status(TicketStatus.WAITING_FOR_CUSTOMER)
                    .firstResponseAt(T0).build());
            save(assignedTo(minimalTicket(TENANT, "t-3", C1, T0), WANG));
            save(assignedTo(minimalTicket(TENANT, "t-4", C1, T0), ZHAO));
            save(ServiceStoreCompatibilityKit.fullTicket(TENANT, "t-5", C1)); // resolved, LI's
            save(minimalTicket(TENANT, "t-6", C1, T0)); // new, nobody's
            save(assignedTo(minimalTicket(OTHER_TENANT, "t-7", C1, T0), LI));
            assertThat(store.serviceTickets().openCounts(TENANT, List.of(LI, WANG, new UserId("u-nobody"))))
                    .isEqualTo(Map.of(LI, 2, WANG, 1));
            assertThat(store.serviceTickets().openCounts(TENANT, List.of())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Tickets due against their service level are listed by deadline from the stored deadlines")
    class SlaDue {
        @Test
        @DisplayName("only deadlines strictly before the instant, by deadline then id, continuing after a position, at most the limit")
        void boundaries() {
            store.serviceTickets().save(minimalTicket(TENANT, "B9", C1, T0), t0PlusMicros(10));
            store.serviceTickets().save(minimalTicket(TENANT, "B10", C1, T0), t0PlusMicros(10));
            store.serviceTickets().save(minimalTicket(TENANT, "a1", C1, T0), t0PlusMicros(5));
            store.serviceTickets().save(minimalTicket(TENANT, "at", C1, T0), t0PlusMicros(20));
            store.serviceTickets().save(minimalTicket(TENANT, "none", C1, T0), null);
            store.serviceTickets().save(minimalTicket(OTHER_TENANT, "other", C1, T0), t0PlusMicros(1));

            List<Due> due = store.serviceTickets().slaDue(TENANT, t0PlusMicros(20), null, 10);
            assertThat(due).extracting(d -> d.ticket().id().value()).containsExactly("a1", "B10", "B9");
            assertThat(due.get(0).deadline()).isEqualTo(t0PlusMicros(5));
            KitSupport.assertStored(java.util.Optional.of(due.get(1).ticket()),
                    store.serviceTickets().find(TENANT, new TicketId("B10")).orElseThrow());
            assertThat(store.serviceTickets().slaDue(TENANT, t0PlusMicros(20), null, 2))
                    .extracting(d -> d.ticket().id().value()).containsExactly("a1", "B10");
            assertThat(store.serviceTickets().slaDue(TENANT, t0PlusMicros(21), due.get(1).position(), 10))
                    .extracting(d -> d.ticket().id().value()).containsExactly("B9", "at");
            assertThat(store.serviceTickets().slaDue(TENANT, t0PlusMicros(5), null, 10)).isEmpty();
        }

        @Test
        @DisplayName("a save with a new deadline moves the ticket in the list, and one without takes it out")
        void deadlinesFollowSaves() {
            ServiceTicket ticket = store.serviceTickets().save(minimalTicket(TENANT, "t-1", C1, T0), t0PlusMicros(10));
            ServiceTicket later = store.serviceTickets().save(ticket, t0PlusMicros(30));
            assertThat(store.serviceTickets().slaDue(TENANT, t0PlusMicros(20), null, 10)).isEmpty();
            assertThat(store.serviceTickets().slaDue(TENANT, t0PlusMicros(31), null, 10))
                    .extracting(Due::deadline).containsExactly(t0PlusMicros(30));
            store.serviceTickets().save(later, null);
            assertThat(store.serviceTickets().slaDue(TENANT, t0PlusMicros(1_000_000), null, 10)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Articles are searched as ArticleSearch finds them, published only, best first")
    class Search {
        private List<String> search(String query) {
            return store.articles().search(TENANT, query, 100).stream().map(a -> a.id().value()).toList();
        }

        @Test
        @DisplayName("every term must occur in the title, body or a keyword, across case, width and Chinese text")
        void matching() {
            store.articles().save(article(TENANT, "a-1", "VPN 连不上", "检查网络", List.of("远程办公"), true));
            store.articles().save(article(TENANT, "a-2", "打印机卡纸", "打开后盖 vpn", List.of("打印机"), true));
            store.articles().save(article(TENANT, "a-3", "Vpn 草稿", "未发布", List.of("VPN"), false));
            store.articles().save(article(TENANT, "a-4", "100% 与 a_b", "literal", List.of(), true));
            store.articles().save(article(OTHER_TENANT, "a-5", "VPN", "VPN", List.of("VPN"), true));

            assertThat(search("ＶＰＮ")).containsExactly("a-1", "a-2");
            assertThat(search("vpn 网络")).containsExactly("a-1");
            assertThat(search("远程、vpn")).containsExactly("a-1");
            assertThat(search("卡纸")).containsExactly("a-2");
            assertThat(search("%")).containsExactly("a-4");
            assertThat(search("a_b")).containsExactly("a-4");
            assertThat(search("ab")).isEmpty();
            assertThat(search("草稿")).isEmpty();
            assertThat(search("  ")).containsExactly("a-4", "a-1", "a-2"); // by title: "1" < "V" < "打"
        }

        @Test
        @DisplayName("the order is that of ArticleSearch.search: exact keyword, keyword, title, body; then title and id")
        void relevance() {
            List<Article> articles = List.of(
                    article(TENANT, "a-1", "正文里才有", "关于 wifi 的说明", List.of(), true),
                    article(TENANT, "a-2", "wifi 标题", "无", List.of(), true),
                    article(TENANT, "a-3", "其他", "无", List.of("WiFi"), true),
                    article(TENANT, "a-4", "其他", "无", List.of("wifi 信号"), true),
                    article(TENANT, "a-0", "其他", "无", List.of("WIFI"), true));
            articles.forEach(store.articles()::save);
            List<String> expected = ArticleSearch.search(articles, "Wifi").stream().map(a -> a.id().value()).toList();
            assertThat(expected).containsExactly("a-0", "a-3", "a-4", "a-2", "a-1");
            assertThat(search("Wifi")).isEqualTo(expected);
            assertThat(store.articles().search(TENANT, "Wifi", 2)).extracting(a -> a.id().value())
                    .containsExactly("a-0", "a-3");
        }

        @Test
        @DisplayName("an edit changes what an article is found by; a withdrawn article is no longer found")
        void keysFollowSaves() {
            Article saved = store.articles().save(article(TENANT, "a-1", "旧标题", "旧正文", List.of("旧"), true));
            Article edited = store.articles().save(saved.edit("新标题", "新正文", List.of("新"), t0PlusMicros(1)));
            assertThat(search("旧")).isEmpty();
            assertThat(search("新")).containsExactly("a-1");
            store.articles().save(edited.withdraw(t0PlusMicros(2)));
            assertThat(search("新")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Tenants are kept apart and rolled-back work leaves nothing")
    class TenantsAndTransactions {
        @Test
        @DisplayName("no ticket, history line, expense or article of one tenant is seen or changed through another")
        void tenants() {
            ServiceTicket ticket = save(minimalTicket(TENANT, "t-1", C1, T0));
            store.serviceTickets().append(TENANT, step(ticket.id(), 1));
            Expense expense = store.expenses().save(expense(TENANT, "e-1", C1, T0, false));
            Article article = store.articles().save(article(TENANT, "a-1", "标题", "正文", List.of(), true));
            assertThat(store.serviceTickets().find(OTHER_TENANT, ticket.id())).isEmpty();
            assertThat(store.serviceTickets().history(OTHER_TENANT, ticket.id())).isEmpty();
            assertThat(store.serviceTickets().ofCustomer(OTHER_TENANT, C1, null, 10)).isEmpty();
            assertThat(store.expenses().find(OTHER_TENANT, expense.id())).isEmpty();
            assertThat(store.expenses().ofCustomer(OTHER_TENANT, C1, null, 10)).isEmpty();
            assertThat(store.articles().find(OTHER_TENANT, article.id())).isEmpty();
            assertThat(store.articles().search(OTHER_TENANT, "", 10)).isEmpty();
            assertThatThrownBy(() -> store.serviceTickets().save(ticket.toBuilder().tenant(OTHER_TENANT).build(), null))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.articles().save(new Article(article.id(), OTHER_TENANT, "x", "y", List.of(),
                    Set.of(), true, T0, T0, 1))).isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.expenses().save(new Expense(expense.id(), OTHER_TENANT, C1, null,
                    ExpenseCategory.OTHER, Money.of("1", "CNY"), null, LocalDate.of(2024, 2, 1), WANG,
                    ExpenseStatus.SUBMITTED, null, null, null, T0, T0, 1))).isInstanceOf(StaleRecordException.class);
            assertThat(store.articles().find(TENANT, article.id())).contains(article);
        }

        @Test
        @DisplayName("an exception rolls back a ticket's save, its history line and an expense written with it")
        void rollback() {
            ServiceTicket ticket = minimalTicket(TENANT, "t-1", C1, T0);
            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                store.serviceTickets().save(ticket, t0PlusMicros(9));
                store.serviceTickets().append(TENANT, step(ticket.id(), 1));
                store.expenses().save(expense(TENANT, "e-1", C1, T0, false));
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(store.serviceTickets().find(TENANT, ticket.id())).isEmpty();
            assertThat(store.serviceTickets().history(TENANT, ticket.id())).isEmpty();
            assertThat(store.serviceTickets().slaDue(TENANT, t0PlusMicros(10), null, 10)).isEmpty();
            assertThat(store.expenses().find(TENANT, new ExpenseId("e-1"))).isEmpty();
        }
    }
}
