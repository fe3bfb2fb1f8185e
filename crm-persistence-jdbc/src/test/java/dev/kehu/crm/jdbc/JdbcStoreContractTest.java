package dev.kehu.crm.jdbc;

import static dev.kehu.crm.store.tck.TestRecords.T0;
import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.WANG;
import static dev.kehu.crm.store.tck.TestRecords.customer;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.CrmStore;
import dev.kehu.crm.common.Address;
import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.Money;
import dev.kehu.crm.common.PageRequest;
import dev.kehu.crm.common.PageRequest.Direction;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.customer.CustomerQuery;
import dev.kehu.crm.customer.CustomerSort;
import dev.kehu.crm.jdbc.internal.Dialect;
import dev.kehu.crm.jdbc.internal.Migrations;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.opportunity.OpportunityId;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityTotals;
import dev.kehu.crm.opportunity.Pipeline;
import dev.kehu.crm.opportunity.Probability;
import dev.kehu.crm.opportunity.StageChange;
import dev.kehu.crm.outbox.OutboxKind;
import dev.kehu.crm.outbox.OutboxMessage;
import dev.kehu.crm.plan.DevelopmentPlan;
import dev.kehu.crm.plan.DevelopmentPlanId;
import dev.kehu.crm.quote.Quote;
import dev.kehu.crm.quote.QuoteId;
import dev.kehu.crm.quote.QuoteLine;
import dev.kehu.crm.store.tck.TwoTransactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the JDBC store promises beyond the compatibility kit, checked on each database: migrations, the
 * connection pool, text order and search keys where databases differ from Java, the limits of the columns, and
 * the unique keys of the stage history and of the outbox.
 */
abstract class JdbcStoreContractTest {
    private static final Pipeline PIPELINE = Pipeline.standard();
    private static final CustomerId CUSTOMER = new CustomerId("c-1");

    private HikariDataSource pool;
    private CrmStore store;

    /** A pool on a migrated schema whose tables are empty; the tests close the stores they build, not the pool. */
    protected abstract HikariDataSource emptyPool();

    @BeforeEach
    final void openStore() {
        pool = emptyPool();
        store = JdbcCrmStore.builder(pool).migrate(false).build();
    }

    @AfterEach
    final void closeStore() {
        if (store != null) store.close();
    }

    @Test
    @DisplayName("migrating an up-to-date schema again applies nothing and keeps every row")
    void migratingAgainChangesNothing() throws SQLException {
        Customer saved = store.customers().save(customer(TENANT, "c-1", "华夏"));

        Dialect dialect;
        try (Connection connection = pool.getConnection()) {
            dialect = Dialect.of(connection);
        }
        assertThat(Migrations.migrate(pool, dialect)).isZero();
        try (JdbcCrmStore again = JdbcCrmStore.create(pool)) {
            assertThat(again.customers().find(TENANT, saved.id())).contains(saved);
        }
    }

    @Test
    @DisplayName("a refusal inside a transaction rolls it back and gives its connection back to the pool, still usable")
    void refusedTransactionReturnsItsConnection() {
        store.customers().save(customer(TENANT, "c-1", "First").toBuilder().number("KH-1").build());

        assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
            store.customers().save(minimalCustomer(TENANT, "c-2", "Second"));
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
            store.customers().save(customer(TENANT, "c-3", "Third").toBuilder().number("KH-1").build());
        })).isInstanceOf(DuplicateRecordException.class);

        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isEmpty();
        store.transactions().useTransaction(() -> store.customers().save(minimalCustomer(TENANT, "c-4", "Fourth")));
        assertThat(store.customers().find(TENANT, new CustomerId("c-4"))).isPresent();
    }

    @Test
    @DisplayName("names and numbers sort by code point on every database, characters above U+FFFF included")
    void textSortsByCodePoint() {
        // UTF-16 order (String.compareTo) puts U+1F600 before U+FF21; code point order puts it after.
        saveAll(minimalCustomer(TENANT, "c-1", "x").toBuilder().mnemonic("\uFF21").number("\uFF21").build(),
                minimalCustomer(TENANT, "c-2", "x").toBuilder().mnemonic("\uD83D\uDE00").number("\uD83D\uDE00").build(),
                minimalCustomer(TENANT, "c-3", "x").toBuilder().mnemonic("z").number("z").build(),
                minimalCustomer(TENANT, "c-4", "x").toBuilder().mnemonic("é").number("é").build());

        for (CustomerSort sort : List.of(CustomerSort.NAME, CustomerSort.NUMBER)) {
            assertThat(ids(store.customers().page(TENANT, CustomerQuery.all(),
                    new PageRequest<>(0, 10, sort, Direction.ASCENDING)).items()))
                    .as("%s", sort).containsExactly("c-3", "c-4", "c-1", "c-2");
        }
    }

    @Test
    @DisplayName("text search lower-cases as Java does, whatever the database's own LOWER does")
    void searchKeysFollowJava() {
        saveAll(minimalCustomer(TENANT, "c-1", "İSTANBUL TİCARET"), minimalCustomer(TENANT, "c-2", "ΟΔΥΣΣΕΥΣ"),
                minimalCustomer(TENANT, "c-3", "STRASSE Straße"));

        assertThat(search("İstanbul")).containsExactly("c-1");
        assertThat(search("i\u0307stanbul")).containsExactly("c-1");
        assertThat(search("οδυσσευς")).containsExactly("c-2");
        assertThat(search("ΟΔΥΣΣΕΥΣ")).containsExactly("c-2");
        assertThat(search("straße")).containsExactly("c-3");
        assertThat(search("se straß")).containsExactly("c-3");
    }

    @Test
    @DisplayName("long texts of 4-byte characters, and instants from 1900 to 2999, are kept exactly")
    void limitsRoundTrip() {
        Customer big = customer(TENANT, "c-1", "🚀".repeat(200)).toBuilder()
                .notes("重要 🚀 notes ".repeat(400))
                .address(new Address("🌏".repeat(100), "省".repeat(100), "市".repeat(100),
                        "9".repeat(20), "路".repeat(300)))
                .tags(Set.of("\uD83C\uDFF7".repeat(50), "标签".repeat(25)))
                .createdAt(Instant.parse("1900-01-01T00:00:00.000001Z"))
                .updatedAt(Instant.parse("2999-12-31T23:59:59.999999Z"))
                .build();

        store.customers().save(big);

        assertThat(store.customers().find(TENANT, big.id())).contains(big.toBuilder().version(1).build());
    }

    @Test
    @DisplayName("digits below a microsecond are dropped, never rounded up")
    void nanosecondsAreTruncated() {
        Customer customer = minimalCustomer(TENANT, "c-1", "Nano").toBuilder()
                .createdAt(T0.plusNanos(999)).updatedAt(Instant.parse("2024-12-31T23:59:59.999999999Z")).build();

        store.customers().save(customer);

        Customer found = store.customers().find(TENANT, customer.id()).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(found.updatedAt()).isEqualTo("2024-12-31T23:59:59.999999Z");
    }

    @Test
    @DisplayName("two transactions appending the same history line cannot both commit: the later waits on the key, then is refused")
    void concurrentAppendsOfOneLineMeetOnTheKey() throws Exception {
        Opportunity.Change opened = Opportunity.open(new OpportunityId("o-1"), TENANT, PIPELINE, "ERP", CUSTOMER,
                LocalDate.of(2024, 3, 1), WANG, WANG, T0);
        store.opportunities().save(opened.opportunity());
        store.opportunities().append(TENANT, opened.line());
        StageChange second = opened.opportunity().estimate(PIPELINE, Probability.of(20), "budget confirmed", WANG,
                T0.plusSeconds(60)).line();
        // The first line is not committed, so the look-up before the insert cannot see it: only the key stops the
        // later insert, which waits for the first transaction to end.
        Object later = TwoTransactions.laterWaitsForTheFirst(store, () -> store.opportunities().append(TENANT, second), () -> {
            store.opportunities().append(TENANT, second);
            return null;
        });

        assertThat(later).isInstanceOf(StaleRecordException.class);
        assertThat(store.opportunities().history(TENANT, opened.opportunity().id()))
                .containsExactly(opened.line(), second);
    }

    @ParameterizedTest(name = "same id: {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("an append of a key another transaction has just appended waits for it, then writes nothing, and its own transaction commits the rest")
    void concurrentAppendsOfOneKeyMeetOnTheKey(boolean sameId) throws Exception {
        // With the same id too, it is the same message appended twice: still a taken key, not an error.
        OutboxMessage first = event("m-1", "event:a-1");
        OutboxMessage second = event(sameId ? "m-1" : "m-2", "event:a-1");
        Object later = TwoTransactions.laterWaitsForTheFirst(store, () -> assertThat(store.outbox().append(first)).isTrue(), () -> {
            boolean written = store.outbox().append(second);
            store.customers().save(minimalCustomer(TENANT, "c-1", "Saved after the refused append"));
            return written;
        });

        assertThat(later).isEqualTo(false);
        assertThat(store.outbox().find(TENANT, "m-1")).contains(first);
        if (!sameId) assertThat(store.outbox().find(TENANT, "m-2")).isEmpty();
        assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isPresent();
    }

    @Test
    @DisplayName("an outbox id taken by a message with another key is refused, and nothing is written")
    void takenOutboxIdIsRefused() {
        OutboxMessage first = event("m-1", "event:a-1");
        store.outbox().append(first);

        assertThatThrownBy(() -> store.outbox().append(event("m-1", "event:a-2")))
                .isInstanceOf(DuplicateRecordException.class).hasMessageContaining("m-1");

        assertThat(store.outbox().find(TENANT, "m-1")).contains(first);
        assertThat(store.outbox().append(event("m-2", "event:a-2"))).isTrue();
    }

    @Test
    @DisplayName("an outbox message's last error keeps 1000 characters; a longer one is refused and nothing is written")
    void lastErrorIsKeptOrRefused() {
        OutboxMessage appended = event("m-1", "event:a-1");
        store.outbox().append(appended);
        OutboxMessage failed = appended.claimed(T0.plusSeconds(300)).failed("错".repeat(1000), T0.plusSeconds(30));

        OutboxMessage saved = store.outbox().save(failed);
        assertThat(store.outbox().find(TENANT, "m-1")).contains(saved);

        assertThatThrownBy(() -> store.outbox().save(saved.failed("x".repeat(1001), T0.plusSeconds(60))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.outbox().saveAll(List.of(saved.failed("x".repeat(1001), T0.plusSeconds(60)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.outbox().find(TENANT, "m-1")).contains(saved);
    }

    @Test
    @DisplayName("saveAll records the deliveries of many messages with one statement, a batch, and reads nothing back "
            + "when the driver counts each update")
    void outboxSaveAllIsOneBatch() {
        List<OutboxMessage> claimed = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            OutboxMessage message = event("m-" + i, "event:a-" + i).claimed(T0.plusSeconds(300));
            store.outbox().append(message);
            claimed.add(message);
        }
        FaultInjectingDataSource counting = new FaultInjectingDataSource(pool);
        try (CrmStore over = JdbcCrmStore.builder(counting).migrate(false).build()) {
            counting.countOnly();
            List<OutboxMessage> saved = over.transactions().inTransaction(() -> over.outbox().saveAll(
                    claimed.stream().map(m -> m.delivered(T0.plusSeconds(1))).toList()));

            assertThat(counting.statements()).isEqualTo(1);
            assertThat(counting.commits()).isEqualTo(1);
            assertThat(store.outbox().find(TENANT, "m-249")).contains(saved.get(249));
        }
    }

    @Test
    @DisplayName("amounts, quantities and discounts as wide as their columns are kept exactly; one digit more is refused and nothing is written")
    void decimalsAreKeptExactlyOrRefused() {
        Currency unidad = Currency.getInstance("CLF"); // four minor digits, the most of any currency
        QuoteLine widest = new QuoteLine("吨", new BigDecimal("9".repeat(35) + "." + "0".repeat(29) + "1"),
                Money.of(new BigDecimal("9".repeat(61) + ".9999"), unidad),
                new BigDecimal("99." + "9".repeat(30)));
        Quote quote = Quote.builder().id(new QuoteId("q-1")).tenant(TENANT).customer(CUSTOMER)
                .date(LocalDate.of(2024, 3, 1)).currency(unidad).lines(List.of(widest)).createdAt(T0).updatedAt(T0)
                .build();
        Quote saved = store.quotes().save(quote);
        assertThat(store.quotes().find(TENANT, quote.id())).contains(saved);

        QuoteLine finer = new QuoteLine("吨", new BigDecimal("0." + "0".repeat(30) + "1"), Money.of("1", "CLF"), null);
        QuoteLine longer = QuoteLine.of("吨", BigDecimal.ONE, Money.of(new BigDecimal("1" + "0".repeat(61)), unidad));
        QuoteLine deeper = new QuoteLine("吨", BigDecimal.ONE, Money.of("1", "CLF"), new BigDecimal("0." + "0".repeat(30) + "1"));
        for (QuoteLine line : List.of(finer, longer, deeper)) {
            assertThatThrownBy(() -> store.quotes().save(saved.toBuilder().lines(List.of(line)).build()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        Opportunity huge = Opportunity.open(new OpportunityId("o-1"), TENANT, PIPELINE, "ERP", CUSTOMER,
                LocalDate.of(2024, 3, 1), WANG, WANG, T0).opportunity().toBuilder()
                .expectedAmount(Money.of(new BigDecimal("1" + "0".repeat(61)), Money.CNY)).build();
        assertThatThrownBy(() -> store.opportunities().save(huge)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.quotes().find(TENANT, quote.id())).contains(saved);
        assertThat(store.opportunities().find(TENANT, huge.id())).isEmpty();
    }

    @Test
    @DisplayName("the weighted amount the database computes is the domain's in every currency the JDK knows, and for "
            + "the widest amount")
    void weightedAmountsAsTheDomainRoundsThem() {
        // 25 minor units at 50 % is a tie: 12 units rounded half-even, 13 half-up, 12.5 at a wrong number of digits.
        List<Opportunity> opportunities = new ArrayList<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            opportunities.add(opportunity("o-" + currency.getCurrencyCode(),
                    Money.of(BigDecimal.valueOf(25, Money.minorUnits(currency)), currency), 50));
        }
        opportunities.add(opportunity("o-widest", Money.of(new BigDecimal("9".repeat(61) + ".05"), Money.CNY), 70));
        List<Opportunity> saved = store.transactions().inTransaction(() ->
                opportunities.stream().map(store.opportunities()::save).toList());

        assertThat(store.opportunities().totals(TENANT, OpportunityQuery.all(), OpportunityTotals.Grouping.STAGE))
                .containsExactlyInAnyOrderElementsOf(OpportunityTotals.of(saved, OpportunityTotals.Grouping.STAGE));
    }

    private static Opportunity opportunity(String id, Money amount, int percent) {
        return Opportunity.open(new OpportunityId(id), TENANT, PIPELINE, "ERP", CUSTOMER, LocalDate.of(2024, 3, 1),
                WANG, WANG, T0).opportunity().toBuilder().expectedAmount(amount).probability(Probability.of(percent))
                .build();
    }

    @Test
    @DisplayName("a plan step's time of day keeps its microseconds; digits below are dropped, as for instants")
    void timesOfDayKeepMicroseconds() {
        DevelopmentPlan plan = DevelopmentPlan.create(new DevelopmentPlanId("p-1"), TENANT, new OpportunityId("o-1"),
                WANG, T0).addStep("拜访", LocalDate.of(2024, 3, 1), LocalTime.of(23, 59, 59, 999_999_999), null, T0);

        store.developmentPlans().save(plan);

        assertThat(store.developmentPlans().find(TENANT, plan.id()).orElseThrow().steps().get(0).plannedTime())
                .isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
    }

    private static OutboxMessage event(String id, String key) {
        return OutboxMessage.pending(id, TENANT, OutboxKind.EVENT, key, "customer.create", "customer", "c-1", null,
                WANG, T0, Map.of("name", "华夏"));
    }

    private void saveAll(Customer... customers) {
        for (Customer customer : customers) store.customers().save(customer);
    }

    private List<String> search(String text) {
        return ids(store.customers().page(TENANT, CustomerQuery.text(text), PageRequest.first(10, CustomerSort.NAME)).items());
    }

    private static List<String> ids(List<Customer> customers) {
        return customers.stream().map(c -> c.id().value()).toList();
    }
}
