package dev.kehu.crm.store.tck;

import static dev.kehu.crm.store.tck.KitSupport.assertStored;
import static dev.kehu.crm.store.tck.KitSupport.race;
import static dev.kehu.crm.store.tck.TestRecords.LI;
import static dev.kehu.crm.store.tck.TestRecords.OTHER_TENANT;
import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.contract;
import static dev.kehu.crm.store.tck.TestRecords.contractStep;
import static dev.kehu.crm.store.tck.TestRecords.minimalContract;
import static dev.kehu.crm.store.tck.TestRecords.minimalSalesOrder;
import static dev.kehu.crm.store.tck.TestRecords.salesOrder;
import static dev.kehu.crm.store.tck.TestRecords.t0PlusMicros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.common.DuplicateRecordException;
import dev.kehu.crm.common.StaleRecordException;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.contract.Contract;
import dev.kehu.crm.contract.ContractId;
import dev.kehu.crm.contract.ContractStatus;
import dev.kehu.crm.contract.ContractStep;
import dev.kehu.crm.customer.CustomerId;
import dev.kehu.crm.order.CustomerPurchase;
import dev.kehu.crm.order.DormancyRule;
import dev.kehu.crm.order.SalesOrder;
import dev.kehu.crm.order.SalesOrderId;
import dev.kehu.crm.order.SalesOrderStatus;
import dev.kehu.crm.quote.QuoteLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit of the contract and order ports of Kehu stores: {@code Contracts} with their history and
 * {@code SalesOrders} with each customer's last purchase, as their javadoc and the package documentation of
 * {@code dev.kehu.crm.store} say. Extend it beside the other kits:
 * <pre>{@code
 * class MyContractStoreCompatibilityTest extends ContractStoreCompatibilityKit {
 *     @Override
 *     protected CrmStore newStore() { return MyStores.fresh(); }
 * }
 * }</pre>
 * The kit saves a contract before its history, so a store may require that it exists. Ids are binary-ordered on
 * purpose ({@code "B10" < "B9" < "a1"}). Some tests use several threads and wait at most ten seconds for any of them.
 */
public abstract class ContractStoreCompatibilityKit extends StorePerTest {
    private static final CustomerId C1 = new CustomerId("c-1");
    private static final CustomerId C2 = new CustomerId("c-2");
    private static final LocalDate END = LocalDate.of(2025, 6, 30);
    private static final LocalDate DAY = LocalDate.of(2025, 1, 15);

    private Contract save(Contract contract) {
        return store.contracts().save(contract);
    }

    private SalesOrder save(SalesOrder order) {
        return store.salesOrders().save(order);
    }

    private Contract executing(String id, LocalDate end) {
        return contract(TENANT, id, C1, end);
    }

    private static List<String> ids(List<Contract> contracts) {
        return contracts.stream().map(c -> c.id().value()).toList();
    }

    private static List<String> orderIds(List<SalesOrder> orders) {
        return orders.stream().map(o -> o.id().value()).toList();
    }

    @Nested
    @DisplayName("Contracts and orders keep every field, each save adding 1 to the version")
    class RoundTrips {
        @Test
        @DisplayName("a contract with every field filled in, and one with every optional field empty, are read back exactly")
        void contractsRoundTrip() {
            for (Contract contract : List.of(contract(TENANT, "k-1", C1, END), minimalContract(TENANT, "k-2", C1))) {
                Contract saved = save(contract);

                assertThat(saved.version()).isEqualTo(1);
                assertStored(store.contracts().find(TENANT, contract.id()), saved);
                assertStored(store.contracts().findByNumber(TENANT, contract.number()), saved);
            }
        }

        @Test
        @DisplayName("an update can fill in and clear every optional field and replaces the milestones")
        void contractUpdatesReplaceEveryField() {
            Contract full = save(contract(TENANT, "k-1", C1, END));
            Contract cleared = save(minimalContract(TENANT, "k-1", C2).toBuilder().version(full.version()).build());
            assertStored(store.contracts().find(TENANT, full.id()), cleared);
            assertThat(store.contracts().findByNumber(TENANT, full.number())).isEmpty();

            Contract again = save(full.toBuilder().version(cleared.version()).build());
            assertThat(again.version()).isEqualTo(3);
            assertStored(store.contracts().find(TENANT, full.id()), again);
        }

        @Test
        @DisplayName("an order with every field filled in, and a minimal one, are read back exactly; an update replaces its lines")
        void ordersRoundTrip() {
            SalesOrder full = save(salesOrder(TENANT, "so-1", C1, DAY));
            SalesOrder minimal = save(minimalSalesOrder(TENANT, "so-2", C1, DAY));
            assertThat(full.version()).isEqualTo(1);
            assertStored(store.salesOrders().find(TENANT, full.id()), full);
            assertStored(store.salesOrders().find(TENANT, minimal.id()), minimal);
            assertStored(store.salesOrders().findByNumber(TENANT, full.number()), full);

            List<QuoteLine> lines = new ArrayList<>(full.lines());
            lines.add(0, TestRecords.quoteLine("新产品", "3", "7.5", full.currency(), "0"));
            SalesOrder updated = save(full.toBuilder().lines(lines).quote(null).status(SalesOrderStatus.CANCELLED).build());
            assertThat(updated.version()).isEqualTo(2);
            assertStored(store.salesOrders().find(TENANT, full.id()), updated);
        }

        @Test
        @DisplayName("nothing is found for an id or a number that was never saved, nor for a number in another case")
        void unknownIsNotFound() {
            Contract saved = save(contract(TENANT, "k-1", C1, END));
            save(salesOrder(TENANT, "so-1", C1, DAY));

            assertThat(store.contracts().find(TENANT, new ContractId("k-9"))).isEmpty();
            assertThat(store.contracts().findByNumber(TENANT, saved.number().toLowerCase(Locale.ROOT))).isEmpty();
            assertThat(store.salesOrders().find(TENANT, new SalesOrderId("so-9"))).isEmpty();
            assertThat(store.salesOrders().findByNumber(TENANT, "so-so-1 订单 %_")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Optimistic locking never lets a save overwrite a change it has not seen")
    class OptimisticLocking {
        @Test
        @DisplayName("a save with a stale version, an insert over a taken id and an update of a missing record are refused; nothing is written")
        void staleSavesWriteNothing() {
            Contract contract = save(contract(TENANT, "k-1", C1, END));
            SalesOrder order = save(salesOrder(TENANT, "so-1", C1, DAY));

            assertThatThrownBy(() -> save(contract.toBuilder().terms("改").version(0).build()))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> save(contract.toBuilder().terms("改").version(2).build()))
                    .isInstanceOf(StaleRecordException.class).hasMessageContaining("k-1");
            assertThatThrownBy(() -> save(minimalContract(TENANT, "k-2", C1).toBuilder().version(1).build()))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> save(order.toBuilder().orderDate(DAY.plusDays(9)).version(0).build()))
                    .isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> save(order.toBuilder().orderDate(DAY.plusDays(9)).version(5).build()))
                    .isInstanceOf(StaleRecordException.class).hasMessageContaining("so-1");
            assertThatThrownBy(() -> save(minimalSalesOrder(TENANT, "so-2", C1, DAY.plusDays(9)).toBuilder().version(1)
                    .build())).isInstanceOf(StaleRecordException.class);

            assertStored(store.contracts().find(TENANT, contract.id()), contract);
            assertThat(store.contracts().find(TENANT, new ContractId("k-2"))).isEmpty();
            assertStored(store.salesOrders().find(TENANT, order.id()), order);
            assertThat(store.salesOrders().find(TENANT, new SalesOrderId("so-2"))).isEmpty();
            assertThat(store.salesOrders().lastPurchase(TENANT, C1)).contains(DAY);
        }

        @Test
        @DisplayName("of several threads updating the same version of a contract or an order at once, exactly one succeeds")
        void concurrentUpdatesOfOneVersion() throws InterruptedException {
            Contract contract = save(contract(TENANT, "k-1", C1, END));
            SalesOrder order = save(salesOrder(TENANT, "so-1", C1, DAY));
            List<Callable<Object>> saves = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String terms = "thread " + i;
                saves.add(() -> save(contract.toBuilder().terms(terms).build()));
                saves.add(() -> save(order.toBuilder().orderDate(DAY.plusDays(terms.length())).build()));
            }

            List<Object> outcomes = race(saves);

            assertThat(outcomes).filteredOn(Contract.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(SalesOrder.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(StaleRecordException.class::isInstance).hasSize(4);
            assertThat(store.contracts().find(TENANT, contract.id()).orElseThrow().version()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("Contract and order numbers are unique per tenant")
    class Numbers {
        @Test
        @DisplayName("a second contract or order with a taken number is refused and nothing is written; keeping one's own number is fine")
        void takenNumberIsRefused() {
            Contract first = save(contract(TENANT, "k-1", C1, END));
            SalesOrder order = save(salesOrder(TENANT, "so-1", C1, DAY));

            assertThatThrownBy(() -> save(minimalContract(TENANT, "k-2", C2).toBuilder().number(first.number()).build()))
                    .isInstanceOf(DuplicateRecordException.class);
            Contract other = save(minimalContract(TENANT, "k-3", C2));
            assertThatThrownBy(() -> save(other.toBuilder().number(first.number()).build()))
                    .isInstanceOf(DuplicateRecordException.class);
            assertThatThrownBy(() -> save(minimalSalesOrder(TENANT, "so-2", C2, DAY).toBuilder().number(order.number())
                    .build())).isInstanceOf(DuplicateRecordException.class);

            assertThat(store.contracts().find(TENANT, new ContractId("k-2"))).isEmpty();
            assertStored(store.contracts().find(TENANT, other.id()), other);
            assertThat(store.salesOrders().find(TENANT, new SalesOrderId("so-2"))).isEmpty();
            assertThat(store.salesOrders().lastPurchase(TENANT, C2)).isEmpty();
            assertThat(save(first.toBuilder().terms("改").build()).number()).isEqualTo(first.number());
        }

        @Test
        @DisplayName("another tenant may use the same numbers, and finds only its own")
        void numbersOfTenantsAreApart() {
            Contract ours = save(contract(TENANT, "k-1", C1, END));
            Contract theirs = save(contract(OTHER_TENANT, "k-2", C1, END).toBuilder().number(ours.number()).build());
            SalesOrder order = save(salesOrder(TENANT, "so-1", C1, DAY));
            SalesOrder theirOrder = save(salesOrder(OTHER_TENANT, "so-2", C1, DAY).toBuilder().number(order.number()).build());

            assertStored(store.contracts().findByNumber(TENANT, ours.number()), ours);
            assertStored(store.contracts().findByNumber(OTHER_TENANT, ours.number()), theirs);
            assertStored(store.salesOrders().findByNumber(OTHER_TENANT, order.number()), theirOrder);
        }
    }

    @Nested
    @DisplayName("The contract history is append-only and comes back by sequence number")
    class History {
        @Test
        @DisplayName("lines come back with every field, by sequence number (2 before 10), and histories are kept apart")
        void linesComeBackBySequence() {
            ContractId id = save(minimalContract(TENANT, "k-1", C1)).id();
            ContractId other = save(minimalContract(TENANT, "k-2", C1)).id();
            List<ContractStep> lines = IntStream.rangeClosed(1, 11).mapToObj(n -> contractStep(id, n)).toList();
            for (int n : List.of(11, 2, 10, 1, 3, 4, 5, 6, 7, 8, 9)) {
                store.contracts().append(TENANT, lines.get(n - 1));
            }
            store.contracts().append(TENANT, contractStep(other, 1));

            assertThat(store.contracts().history(TENANT, id)).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(lines);
            assertThat(store.contracts().history(TENANT, other)).containsExactly(contractStep(other, 1));
            assertThat(store.contracts().history(TENANT, new ContractId("k-9"))).isEmpty();
            assertThat(store.contracts().history(OTHER_TENANT, id)).isEmpty();
        }

        @Test
        @DisplayName("a line with a taken sequence number is refused as stale, and rolls back what its transaction appended")
        void takenNumberIsStale() {
            ContractId id = save(minimalContract(TENANT, "k-1", C1)).id();
            store.contracts().append(TENANT, contractStep(id, 1));
            ContractStep other = new ContractStep(id, 1, t0PlusMicros(99), LI, null, ContractStatus.DRAFT, "again");

            assertThatThrownBy(() -> store.contracts().append(TENANT, other)).isInstanceOf(StaleRecordException.class);
            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                store.contracts().append(TENANT, contractStep(id, 2));
                store.contracts().append(TENANT, contractStep(id, 1));
            })).isInstanceOf(StaleRecordException.class);

            assertThat(store.contracts().history(TENANT, id)).containsExactly(contractStep(id, 1));
        }

        @Test
        @DisplayName("of several threads appending the same line number at once, exactly one succeeds")
        void concurrentAppends() throws InterruptedException {
            ContractId id = save(minimalContract(TENANT, "k-1", C1)).id();
            store.contracts().append(TENANT, contractStep(id, 1));
            List<Callable<ContractStep>> appends = IntStream.range(0, 4).<Callable<ContractStep>>mapToObj(i -> () -> {
                ContractStep line = new ContractStep(id, 2, t0PlusMicros(i), LI, ContractStatus.DRAFT,
                        ContractStatus.SUBMITTED, "thread " + i);
                store.contracts().append(TENANT, line);
                return line;
            }).toList();

            List<Object> outcomes = race(appends);

            assertThat(outcomes).filteredOn(StaleRecordException.class::isInstance).hasSize(3);
            assertThat(store.contracts().history(TENANT, id)).hasSize(2).last()
                    .isIn(outcomes.stream().filter(ContractStep.class::isInstance).toList());
        }

        @Test
        @DisplayName("a transaction appending a line another has appended but not committed waits for it, then is refused: "
                + "a look-up before the insert cannot see the first line, only a unique key stops the second")
        void twoTransactionsMeetOnTheKey() throws Exception {
            ContractId id = save(minimalContract(TENANT, "k-1", C1)).id();
            store.contracts().append(TENANT, contractStep(id, 1));
            ContractStep first = contractStep(id, 2);
            ContractStep second = new ContractStep(id, 2, t0PlusMicros(50), LI, ContractStatus.DRAFT,
                    ContractStatus.SUBMITTED, "the later one");

            Object later = TwoTransactions.laterWaitsForTheFirst(store, () -> store.contracts().append(TENANT, first),
                    () -> {
                        store.contracts().append(TENANT, second);
                        return second;
                    });

            assertThat(later).isInstanceOf(StaleRecordException.class);
            assertThat(store.contracts().history(TENANT, id)).containsExactly(contractStep(id, 1), first);
        }
    }

    @Nested
    @DisplayName("A customer's contracts and orders are read page by page")
    class Paging {
        @Test
        @DisplayName("a customer's contracts come by id, after the one named, at most the limit; other customers' never")
        void contractsOfCustomer() {
            for (String id : List.of("k-a1", "k-B9", "k-B10", "k-C")) save(minimalContract(TENANT, id, C1));
            save(minimalContract(TENANT, "k-A0", C2));
            save(minimalContract(OTHER_TENANT, "k-A1", C1));

            assertThat(ids(store.contracts().ofCustomer(TENANT, C1, null, 10))).containsExactly("k-B10", "k-B9", "k-C", "k-a1");
            assertThat(ids(store.contracts().ofCustomer(TENANT, C1, null, 2))).containsExactly("k-B10", "k-B9");
            assertThat(ids(store.contracts().ofCustomer(TENANT, C1, new ContractId("k-B9"), 2))).containsExactly("k-C", "k-a1");
            assertThat(ids(store.contracts().ofCustomer(TENANT, C1, new ContractId("k-a1"), 2))).isEmpty();
            assertThat(store.contracts().ofCustomer(TENANT, C1, new ContractId("k-none"), 2)).isEmpty();
            assertThat(ids(store.contracts().ofCustomer(OTHER_TENANT, C1, null, 10))).containsExactly("k-A1");
            assertThatIllegalArgumentException().isThrownBy(() -> store.contracts().ofCustomer(TENANT, C1, null, 0));
            assertThatIllegalArgumentException().isThrownBy(() -> store.contracts().ofCustomer(TENANT, C1, null, 1001));
        }

        @Test
        @DisplayName("the renewal of a contract is found by its predecessor, in its tenant only")
        void renewalOf() {
            Contract renewal = save(minimalContract(TENANT, "k-2", C1).toBuilder().predecessor(new ContractId("k-1")).build());

            assertStored(store.contracts().renewalOf(TENANT, new ContractId("k-1")), renewal);
            assertThat(store.contracts().renewalOf(TENANT, new ContractId("k-2"))).isEmpty();
            assertThat(store.contracts().renewalOf(OTHER_TENANT, new ContractId("k-1"))).isEmpty();
        }

        @Test
        @DisplayName("a customer's orders come by order date then id, after the one named, at most the limit")
        void ordersOfCustomer() {
            save(minimalSalesOrder(TENANT, "so-B9", C1, DAY));
            save(minimalSalesOrder(TENANT, "so-B10", C1, DAY));
            save(minimalSalesOrder(TENANT, "so-A", C1, DAY.plusDays(1)));
            save(minimalSalesOrder(TENANT, "so-z", C1, DAY.minusDays(1)).cancel(t0PlusMicros(5)));
            save(minimalSalesOrder(TENANT, "so-other", C2, DAY));

            assertThat(orderIds(store.salesOrders().ofCustomer(TENANT, C1, null, 10)))
                    .containsExactly("so-z", "so-B10", "so-B9", "so-A");
            assertThat(orderIds(store.salesOrders().ofCustomer(TENANT, C1, new SalesOrderId("so-B10"), 2)))
                    .containsExactly("so-B9", "so-A");
            assertThat(store.salesOrders().ofCustomer(TENANT, C1, new SalesOrderId("so-none"), 2)).isEmpty();
            assertThat(store.salesOrders().ofCustomer(OTHER_TENANT, C1, null, 10)).isEmpty();
            assertThatIllegalArgumentException().isThrownBy(() -> store.salesOrders().ofCustomer(TENANT, C1, null, 0));
        }
    }

    @Nested
    @DisplayName("Expiring contracts are a range of end dates of the contracts in execution")
    class Expiry {
        @Test
        @DisplayName("from and to are both included; only contracts in execution; by end date then id; read on after one")
        void expiringBoundaries() {
            LocalDate from = LocalDate.of(2025, 7, 1);
            LocalDate to = LocalDate.of(2025, 7, 31);
            save(executing("k-before", from.minusDays(1)));
            save(executing("k-first", from));
            save(executing("k-B9", from.plusDays(10)));
            save(executing("k-B10", from.plusDays(10)));
            save(executing("k-last", to));
            save(executing("k-after", to.plusDays(1)));
            save(executing("k-approved", from.plusDays(3)).toBuilder().status(ContractStatus.APPROVED).signingDate(null)
                    .milestones(List.of()).build());
            save(executing("k-completed", from.plusDays(4)).toBuilder().status(ContractStatus.COMPLETED).build());
            save(minimalContract(TENANT, "k-draft", C1));
            save(contract(OTHER_TENANT, "k-theirs", C1, from.plusDays(5)));

            assertThat(ids(store.contracts().expiring(TENANT, from, to, null, 10)))
                    .containsExactly("k-first", "k-B10", "k-B9", "k-last");
            assertThat(ids(store.contracts().expiring(TENANT, from, to, null, 2))).containsExactly("k-first", "k-B10");
            assertThat(ids(store.contracts().expiring(TENANT, from, to, new ContractId("k-B10"), 2)))
                    .containsExactly("k-B9", "k-last");
            assertThat(ids(store.contracts().expiring(TENANT, from, to, new ContractId("k-approved"), 10)))
                    .as("read on from where a contract stands, whatever its status").containsExactly("k-B10", "k-B9", "k-last");
            assertThat(store.contracts().expiring(TENANT, from, to, new ContractId("k-draft"), 10)).isEmpty();
            assertThat(store.contracts().expiring(TENANT, from, to, new ContractId("k-none"), 10)).isEmpty();
            assertThat(ids(store.contracts().expiring(TENANT, from, from, null, 10))).containsExactly("k-first");
            assertThat(ids(store.contracts().expiring(OTHER_TENANT, from, to, null, 10))).containsExactly("k-theirs");
            assertThatIllegalArgumentException().isThrownBy(() -> store.contracts().expiring(TENANT, from, to, null, 0));
        }

        @Test
        @DisplayName("contracts of a status ended before a day: strictly before it, by end date then id")
        void endedBefore() {
            LocalDate today = LocalDate.of(2025, 7, 1);
            save(executing("k-yesterday", today.minusDays(1)));
            save(executing("k-today", today));
            save(executing("k-old", today.minusYears(1)));
            save(executing("k-approved", today.minusDays(2)).toBuilder().status(ContractStatus.APPROVED).signingDate(null)
                    .milestones(List.of()).build());
            save(contract(OTHER_TENANT, "k-theirs", C1, today.minusDays(1)));

            assertThat(ids(store.contracts().endedBefore(TENANT, ContractStatus.IN_EXECUTION, today, null, 10)))
                    .containsExactly("k-old", "k-yesterday");
            assertThat(ids(store.contracts().endedBefore(TENANT, ContractStatus.IN_EXECUTION, today,
                    new ContractId("k-old"), 10))).containsExactly("k-yesterday");
            assertThat(ids(store.contracts().endedBefore(TENANT, ContractStatus.APPROVED, today, null, 10)))
                    .containsExactly("k-approved");
            assertThat(ids(store.contracts().endedBefore(OTHER_TENANT, ContractStatus.IN_EXECUTION, today, null, 10)))
                    .containsExactly("k-theirs");
        }
    }

    @Nested
    @DisplayName("Each customer's last purchase follows their orders, and the dormant ones are a range of it")
    class Purchases {
        @Test
        @DisplayName("the last purchase is the latest order date of an order not cancelled; cancelling moves it back")
        void lastPurchaseFollowsOrders() {
            assertThat(store.salesOrders().lastPurchase(TENANT, C1)).as("never bought").isEmpty();
            SalesOrder early = save(salesOrder(TENANT, "so-1", C1, DAY));
            SalesOrder late = save(minimalSalesOrder(TENANT, "so-2", C1, DAY.plusMonths(2)));
            save(minimalSalesOrder(TENANT, "so-3", C1, DAY.plusMonths(3)).cancel(t0PlusMicros(1)));
            assertThat(store.salesOrders().lastPurchase(TENANT, C1)).contains(DAY.plusMonths(2));

            save(late.cancel(t0PlusMicros(2)));
            assertThat(store.salesOrders().lastPurchase(TENANT, C1)).contains(DAY);
            save(early.cancel(t0PlusMicros(3)));
            assertThat(store.salesOrders().lastPurchase(TENANT, C1)).as("every order cancelled").isEmpty();
            assertThat(store.salesOrders().lastPurchase(OTHER_TENANT, C1)).isEmpty();
        }

        @Test
        @DisplayName("an order moved to another customer moves its purchase with it")
        void movedOrderMovesThePurchase() {
            save(salesOrder(TENANT, "so-1", C1, DAY));
            SalesOrder moved = save(minimalSalesOrder(TENANT, "so-2", C1, DAY.plusDays(5)));

            save(moved.toBuilder().customer(C2).build());

            assertThat(store.salesOrders().lastPurchase(TENANT, C1)).contains(DAY);
            assertThat(store.salesOrders().lastPurchase(TENANT, C2)).contains(DAY.plusDays(5));
        }

        @Test
        @DisplayName("an order saved in a transaction that rolls back leaves the last purchase as it was")
        void rollbackLeavesTheLastPurchase() {
            save(salesOrder(TENANT, "so-1", C1, DAY));

            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                save(minimalSalesOrder(TENANT, "so-2", C1, DAY.plusDays(9)));
                throw new IllegalStateException("rolled back");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(store.salesOrders().lastPurchase(TENANT, C1)).contains(DAY);
        }

        @Test
        @DisplayName("dormant customers bought last before the cutoff (not on it), by date then customer; read on after one")
        void dormantIsARange() {
            LocalDate cutoff = LocalDate.of(2025, 7, 1);
            save(salesOrder(TENANT, "so-1", new CustomerId("c-B9"), cutoff.minusDays(1)));
            save(salesOrder(TENANT, "so-2", new CustomerId("c-B10"), cutoff.minusDays(1)));
            save(salesOrder(TENANT, "so-3", new CustomerId("c-old"), cutoff.minusYears(1)));
            save(salesOrder(TENANT, "so-4", new CustomerId("c-on"), cutoff));
            save(salesOrder(TENANT, "so-5", new CustomerId("c-back"), cutoff.minusYears(2)));
            save(salesOrder(TENANT, "so-6", new CustomerId("c-back"), cutoff.plusDays(3)));
            save(salesOrder(TENANT, "so-7", new CustomerId("c-gone"), cutoff.minusDays(9)).cancel(t0PlusMicros(1)));
            save(salesOrder(OTHER_TENANT, "so-8", new CustomerId("c-theirs"), cutoff.minusDays(2)));

            assertThat(store.salesOrders().dormant(TENANT, cutoff, null, 10)).containsExactly(
                    new CustomerPurchase(new CustomerId("c-old"), cutoff.minusYears(1)),
                    new CustomerPurchase(new CustomerId("c-B10"), cutoff.minusDays(1)),
                    new CustomerPurchase(new CustomerId("c-B9"), cutoff.minusDays(1)));
            assertThat(store.salesOrders().dormant(TENANT, cutoff, new CustomerId("c-old"), 1))
                    .extracting(p -> p.customer().value()).containsExactly("c-B10");
            assertThat(store.salesOrders().dormant(TENANT, cutoff, new CustomerId("c-B9"), 10)).isEmpty();
            assertThat(store.salesOrders().dormant(TENANT, cutoff, new CustomerId("c-gone"), 10)).isEmpty();
            assertThat(store.salesOrders().dormant(OTHER_TENANT, cutoff, null, 10))
                    .extracting(p -> p.customer().value()).containsExactly("c-theirs");
            assertThatIllegalArgumentException().isThrownBy(() -> store.salesOrders().dormant(TENANT, cutoff, null, 0));
        }

        @Test
        @DisplayName("a cancellation and a new order of one customer in two transactions at once cannot leave a wrong last purchase: "
                + "the later waits for the first, then either sees it or is refused as stale")
        void concurrentChangesMeetOnTheCustomer() throws Exception {
            SalesOrder latest = save(salesOrder(TENANT, "so-1", C1, DAY.plusMonths(2)));
            save(salesOrder(TENANT, "so-2", C1, DAY));
            SalesOrder placed = minimalSalesOrder(TENANT, "so-3", C1, DAY.plusMonths(1));

            Object later = TwoTransactions.laterWaitsForTheFirst(store, () -> save(latest.cancel(t0PlusMicros(9))),
                    () -> save(placed));

            List<SalesOrder> stored = store.salesOrders().ofCustomer(TENANT, C1, null, 10);
            if (!(later instanceof SalesOrder)) {
                assertThat(later).isInstanceOf(StaleRecordException.class);
                assertThat(orderIds(stored)).doesNotContain("so-3");
            }
            assertThat(store.salesOrders().lastPurchase(TENANT, C1)).isEqualTo(DormancyRule.lastPurchase(stored))
                    .isEqualTo(Optional.of(later instanceof SalesOrder ? DAY.plusMonths(1) : DAY));
        }
    }

    @Test
    @DisplayName("a contract or an order of one tenant is not found, listed or updated through another")
    void tenantsAreApart() {
        Contract ours = save(contract(TENANT, "k-1", C1, END));
        SalesOrder order = save(salesOrder(TENANT, "so-1", C1, DAY));
        TenantId other = OTHER_TENANT; // the same ids, another tenant

        assertThat(store.contracts().find(other, ours.id())).isEmpty();
        assertThat(store.salesOrders().find(other, order.id())).isEmpty();
        assertThat(store.contracts().ofCustomer(other, C1, null, 10)).isEmpty();
        assertThatThrownBy(() -> save(ours.toBuilder().tenant(other).build())).isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> save(order.toBuilder().tenant(other).build())).isInstanceOf(StaleRecordException.class);
        assertStored(store.contracts().find(TENANT, ours.id()), ours);
        assertStored(store.salesOrders().find(TENANT, order.id()), order);
        assertThat(store.salesOrders().lastPurchase(other, C1)).isEmpty();
    }
}
