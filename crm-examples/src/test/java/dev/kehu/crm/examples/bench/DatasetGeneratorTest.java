package dev.kehu.crm.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.examples.TestPostgres;
import dev.kehu.crm.jdbc.JdbcCrmStore;
import dev.kehu.crm.opportunity.Opportunity;
import dev.kehu.crm.order.SalesOrder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {
    private static final long SAVED = 1;

    @Test
    @DisplayName("the standard dataset has the sizes of the issue, and a factor scales them alike")
    void sizes() {
        DatasetSize full = DatasetSize.of(1);
        assertThat(List.of(full.customers(), full.individuals(), full.contacts(), full.opportunities(), full.activities(),
                full.orders())).containsExactly(100_000, 33_333, 300_000, 1_000_000, 2_000_000, 200_000);
        DatasetSize small = DatasetSize.of(0.01);
        assertThat(List.of(small.customers(), small.contacts(), small.opportunities(), small.activities()))
                .containsExactly(1_000, 3_000, 10_000, 20_000);
    }

    @Test
    @DisplayName("the same seed makes the same records, a larger dataset begins with the smaller one, another seed differs")
    void deterministic() {
        DatasetGenerator small = new DatasetGenerator(7, DatasetSize.of(0.001));
        DatasetGenerator large = new DatasetGenerator(7, DatasetSize.of(0.01));
        for (int i = 0; i < small.size().customers(); i += 13) {
            assertThat(large.block(i)).isEqualTo(small.block(i));
        }
        assertThat(new DatasetGenerator(8, DatasetSize.of(0.001)).block(5)).isNotEqualTo(small.block(5));
    }

    @Test
    @DisplayName("the standard dataset's opportunities spread over the seven stages and two years with about five history lines")
    void shapeOfTheFullDataset() {
        // The generator makes each customer's records alone, so a sample of the full dataset's customers shows its shape.
        DatasetGenerator generator = new DatasetGenerator(Workloads.SEED, DatasetSize.of(1));
        Map<String, Integer> stages = new HashMap<>();
        long lines = 0;
        long opportunities = 0;
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (int i = 0; i < 100_000; i += 97) {
            for (List<Opportunity.Change> history : generator.block(i).opportunities()) {
                Opportunity o = history.get(history.size() - 1).opportunity();
                stages.merge(o.stage(), 1, Integer::sum);
                lines += history.size();
                opportunities++;
                first = o.createdAt().isBefore(first) ? o.createdAt() : first;
                last = o.createdAt().isAfter(last) ? o.createdAt() : last;
                assertThat(o.historyLength()).isEqualTo(history.size());
            }
        }
        assertThat(stages.keySet()).containsExactlyInAnyOrderElementsOf(
                StageMoves.PIPELINE.stages().stream().map(s -> s.code()).toList());
        assertThat(lines / (double) opportunities).isBetween(4.5, 5.5);
        assertThat(Duration.between(first, last).toDays()).isGreaterThan(600);
        assertThat(last).isBefore(DatasetGenerator.NOW);
    }

    @Test
    @DisplayName("made once through the store and copied into H2, the dataset reads back through Kehu's repositories as it was made")
    void readsBackFromACopy(@TempDir Path dir) throws SQLException {
        readsBack(dir, BenchDatabase.Kind.H2_MEM, "dataset-test");
    }

    @Test
    @DisplayName("copied into PostgreSQL, the dataset reads back through Kehu's repositories as it was made")
    void readsBackFromACopyInPostgres(@TempDir Path dir) throws SQLException {
        assumeTrue(TestPostgres.reachable(), "no PostgreSQL at " + BenchDatabase.postgresUrl());
        readsBack(dir, BenchDatabase.Kind.POSTGRESQL, "kehu_dataset_test");
    }

    private static void readsBack(Path dir, BenchDatabase.Kind kind, String name) throws SQLException {
        DatasetGenerator generator = new DatasetGenerator(Workloads.SEED, DatasetSize.of(0.001));
        DatasetCache cache = new DatasetCache(dir, generator, new PrintStream(OutputStream.nullOutputStream()));
        DatasetGenerator.Written written = cache.ensure();
        assertThat(cache.ensure()).as("the second time, from the file").isEqualTo(written);
        try (BenchDatabase database = BenchDatabase.open(kind, dir, name, true, 2);
             CrmStore store = JdbcCrmStore.create(database.dataSource())) {
            cache.copyRowsTo(database);

            assertThat(count(database, "SELECT COUNT(*) FROM kehu_customer")).isEqualTo(100);
            assertThat(count(database, "SELECT COUNT(*) FROM kehu_customer WHERE type = 'INDIVIDUAL'")).isEqualTo(33);
            assertThat(count(database, "SELECT COUNT(*) FROM kehu_contact")).isEqualTo(300);
            assertThat(count(database, "SELECT COUNT(*) FROM kehu_opportunity")).isEqualTo(1_000);
            assertThat(count(database, "SELECT COUNT(*) FROM kehu_activity")).isEqualTo(2_000);
            assertThat(count(database, "SELECT COUNT(*) FROM kehu_sales_order")).isEqualTo(200).isEqualTo(written.orders());
            assertThat(count(database, "SELECT COUNT(*) FROM kehu_opportunity_stage_change")).isEqualTo(written.stageChanges());
            assertThat(count(database, "SELECT COUNT(DISTINCT stage) FROM kehu_opportunity")).isEqualTo(7);

            for (int i = 0; i < 100; i++) {
                DatasetGenerator.Block block = generator.block(i);
                // Each record was saved once, as new: it reads back at the version a first save gives it.
                assertThat(store.customers().find(DatasetGenerator.TENANT, block.customer().id()))
                        .contains(block.customer().toBuilder().version(SAVED).build());
                assertThat(store.contacts().ofCustomer(DatasetGenerator.TENANT, block.customer().id()))
                        .containsExactlyInAnyOrderElementsOf(block.contacts().stream()
                                .map(c -> c.toBuilder().version(SAVED).build()).toList());
                for (List<Opportunity.Change> history : block.opportunities()) {
                    Opportunity last = history.get(history.size() - 1).opportunity();
                    assertThat(store.opportunities().find(DatasetGenerator.TENANT, last.id()))
                            .contains(last.toBuilder().version(SAVED).build());
                    assertThat(store.opportunities().history(DatasetGenerator.TENANT, last.id()))
                            .containsExactlyElementsOf(history.stream().map(Opportunity.Change::line).toList());
                }
                for (var activity : block.activities()) {
                    assertThat(store.activities().find(DatasetGenerator.TENANT, activity.id()))
                            .contains(activity.toBuilder().version(SAVED).build());
                }
                for (SalesOrder order : block.orders()) {
                    assertThat(store.salesOrders().find(DatasetGenerator.TENANT, order.id()))
                            .contains(order.toBuilder().version(SAVED).build());
                }
                assertThat(store.salesOrders().lastPurchase(DatasetGenerator.TENANT, block.customer().id()))
                        .isEqualTo(block.orders().stream().filter(SalesOrder::isPurchase).map(SalesOrder::orderDate)
                                .max(Comparator.naturalOrder()));
            }
        }
    }

    private static long count(BenchDatabase database, String sql) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
