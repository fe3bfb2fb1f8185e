package dev.kehu.crm.jdbc;

import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kehu.crm.common.Money;
import dev.kehu.crm.contact.BirthdayWindow;
import dev.kehu.crm.customer.Customer;
import dev.kehu.crm.opportunity.OpportunityQuery;
import dev.kehu.crm.opportunity.OpportunityTotals;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kehu's migrations on an H2 database, alone and beside a host that runs Flyway for its own tables. */
class JdbcMigrationTest {
    private final JdbcDataSource database = TestDatabases.h2DataSource();

    @AfterEach
    void dropDatabase() throws SQLException {
        TestDatabases.shutdown(database);
    }

    @Test
    @DisplayName("building a store twice migrates once and keeps the rows")
    void migrationRunsOnce() throws SQLException {
        Customer saved;
        try (JdbcCrmStore store = JdbcCrmStore.create(database)) {
            saved = store.customers().save(customer(TENANT, "c-1", "华夏"));
        }
        try (JdbcCrmStore store = JdbcCrmStore.create(database)) {
            assertThat(store.customers().find(TENANT, saved.id())).contains(saved);
        }

        assertThat(query("SELECT \"version\", \"success\" FROM \"kehu_schema_history\""
                + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                .containsExactly("1 TRUE", "2 TRUE", "3 TRUE", "4 TRUE", "5 TRUE", "6 TRUE", "7 TRUE", "8 TRUE",
                        "9 TRUE");
    }

    @Test
    @DisplayName("Kehu migrates beside the host's own Flyway: neither sees the other's scripts or history")
    void coexistsWithTheHostsFlyway() throws SQLException {
        Flyway host = Flyway.configure().dataSource(database).load(); // the defaults: db/migration, flyway_schema_history
        assertThat(host.migrate().migrationsExecuted).isEqualTo(1);

        try (JdbcCrmStore store = JdbcCrmStore.create(database)) {
            store.customers().save(customer(TENANT, "c-1", "华夏"));
        }

        assertThat(host.migrate().migrationsExecuted).as("host scripts run again").isZero();
        host.validate();
        assertThat(query("SELECT \"version\", \"description\" FROM \"flyway_schema_history\""
                + " WHERE \"version\" IS NOT NULL"))
                .containsExactly("1 host orders");
        assertThat(query("SELECT \"version\", \"description\" FROM \"kehu_schema_history\""
                + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                .containsExactly("0 Kehu baseline", "1 customers contacts audit", "2 sales", "3 outbox",
                        "4 contracts orders", "5 service", "6 care reminders", "7 outbox purge",
                        "8 opportunity totals", "9 care index order");
        assertThat(query("SELECT COUNT(*) FROM host_order")).containsExactly("0");
    }

    @Test
    @DisplayName("schema 6 gives contacts stored before it their birthday's month-day, so the birthday rule finds them")
    void birthdaysOfExistingContacts() throws SQLException {
        try (Connection connection = migratedTo("3"); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO kehu_contact (tenant_id, id, customer_id, name, name_lc, mnemonic,"
                    + " category, is_primary, birthday, created_at, updated_at, version) VALUES"
                    + " ('tenant-a', 'k-1', 'c-1', '李娜', '李娜', 'ln', 'ORDINARY', FALSE, DATE '1980-12-30',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE"
                    + " '2026-01-01 00:00:00+00', 1),"
                    + " ('tenant-a', 'k-2', 'c-1', '王伟', '王伟', 'ww', 'ORDINARY', FALSE, DATE '2000-02-29',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE"
                    + " '2026-01-01 00:00:00+00', 1)");
        }

        try (JdbcCrmStore store = JdbcCrmStore.create(database)) {
            assertThat(store.contacts().birthdaysIn(TENANT, BirthdayWindow.ahead(LocalDate.of(2026, 12, 28), 7),
                    null, 10)).extracting(c -> c.id().value()).containsExactly("k-1");
            assertThat(store.contacts().birthdaysIn(TENANT, BirthdayWindow.ahead(LocalDate.of(2027, 2, 27), 1),
                    null, 10)).extracting(c -> c.id().value()).containsExactly("k-2");
        }
    }

    @Test
    @DisplayName("schema 8 gives opportunities stored before it their weighted amount, rounded as the domain rounds it")
    void weightedAmountsOfExistingOpportunities() throws SQLException {
        try (Connection connection = migratedTo("7"); Statement statement = connection.createStatement()) {
            for (String[] row : List.of(new String[] {"o-1", "0.05", "CNY"}, new String[] {"o-2", "0.05", "CNY"},
                    new String[] {"o-3", "5", "JPY"})) {
                statement.executeUpdate("INSERT INTO kehu_opportunity (tenant_id, id, pipeline_id, subject,"
                        + " customer_id, discovered_on, owner, expected_amount, expected_currency, stage, probability,"
                        + " status, stage_entered_at, history_length, created_at, updated_at, version) VALUES"
                        + " ('tenant-a', '" + row[0] + "', 'standard', 'ERP', 'c-1', DATE '2026-01-01', 'u-wang', "
                        + row[1] + ", '" + row[2] + "', 'TENDER', 50, 'OPEN', TIMESTAMP WITH TIME ZONE"
                        + " '2026-01-01 00:00:00+00', 1, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00',"
                        + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 1)");
            }
        }

        try (JdbcCrmStore store = JdbcCrmStore.create(database)) {
            // 0.025 → 0.02 twice (half-even, one by one: not 0.05 rounded once); 2.5 JPY → 2
            assertThat(store.opportunities().totals(TENANT, OpportunityQuery.all(), OpportunityTotals.Grouping.STAGE))
                    .extracting(OpportunityTotals::weighted)
                    .containsExactlyInAnyOrder(Money.of("0.04", "CNY"), Money.of("2", "JPY"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    @DisplayName("the scripts of every database are on the class path, for hosts that run them with another tool")
    void scriptsAreOnTheClassPath(String database) {
        for (String script : List.of("V1__customers_contacts_audit.sql", "V2__sales.sql", "V3__outbox.sql",
                "V4__contracts_orders.sql", "V5__service.sql", "V6__care_reminders.sql", "V7__outbox_purge.sql",
                "V8__opportunity_totals.sql")) {
            assertThat(getClass().getClassLoader().getResource("db/kehu/" + database + "/" + script)).as(script)
                    .isNotNull();
        }
    }

    /** A connection to the database migrated by Kehu's scripts up to {@code version}, as an older Kehu left it. */
    private Connection migratedTo(String version) throws SQLException {
        Flyway.configure().dataSource(database).locations("classpath:db/kehu/h2").table("kehu_schema_history")
                .target(version).load().migrate();
        return database.getConnection();
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) row.append(i > 1 ? " " : "").append(rows.getString(i));
                result.add(row.toString());
            }
            return result;
        }
    }
}
