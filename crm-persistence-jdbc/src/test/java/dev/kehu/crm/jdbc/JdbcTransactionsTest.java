package dev.kehu.crm.jdbc;

import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kehu.crm.customer.CustomerId;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a store uses the connections of a pool (H2 behind HikariCP). */
class JdbcTransactionsTest {
    private final JdbcDataSource database = TestDatabases.h2DataSource();
    private HikariDataSource pool;
    private JdbcCrmStore store;

    @BeforeEach
    void openStore() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(database);
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        store = JdbcCrmStore.create(pool);
    }

    @AfterEach
    void closeStore() throws SQLException {
        store.close();
        pool.close();
        TestDatabases.shutdown(database);
    }

    private int active() {
        return pool.getHikariPoolMXBean().getActiveConnections();
    }

    @Test
    @DisplayName("a rolled back transaction gives its connection back to the pool in auto-commit mode")
    void rollbackReturnsTheConnection() throws SQLException {
        RuntimeException failure = new IllegalStateException("fails");

        assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
            store.customers().save(minimalCustomer(TENANT, "c-1", "Rolled back"));
            assertThat(active()).isEqualTo(1);
            throw failure;
        })).isSameAs(failure);

        assertThat(active()).isZero();
        try (Connection connection = pool.getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isEmpty();
    }

    @Test
    @DisplayName("an Error thrown by the work rolls back too, and reaches the caller unchanged")
    void errorRollsBack() {
        AssertionError failure = new AssertionError("an error, not an exception");

        assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
            store.customers().save(minimalCustomer(TENANT, "c-1", "Rolled back"));
            throw failure;
        })).isSameAs(failure);

        assertThat(active()).isZero();
        assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isEmpty();
    }

    @Test
    @DisplayName("when the rollback fails as well, the connection is aborted: switching auto-commit back on would commit "
            + "the half-done work")
    void failedRollbackAbortsTheConnection() {
        FaultInjectingDataSource faults = new FaultInjectingDataSource(database);
        HikariConfig config = new HikariConfig();
        config.setDataSource(faults);
        config.setMaximumPoolSize(2);
        try (HikariDataSource faulty = new HikariDataSource(config);
             JdbcCrmStore other = JdbcCrmStore.builder(faulty).migrate(false).build()) {
            faults.countOnly();
            other.customers().save(minimalCustomer(TENANT, "c-0", "Counted"));
            int oneSave = faults.statements();
            faults.arm(FaultInjectingDataSource.Fault.STATEMENT_AND_ROLLBACK_FAIL, oneSave + 1);

            assertThatThrownBy(() -> other.transactions().useTransaction(() -> {
                other.customers().save(minimalCustomer(TENANT, "c-1", "Half done"));
                other.customers().save(minimalCustomer(TENANT, "c-2", "Fails"));
            })).isInstanceOf(JdbcStoreException.class).hasRootCauseMessage("injected fault: the statement failed");

            assertThat(faults.disarm()).as("the fault fired").isNotNull();
            assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).as("the half-done work").isEmpty();
            assertThat(faults.dropped()).as("connections aborted").isEqualTo(1);
            assertThat(faulty.getHikariPoolMXBean().getActiveConnections()).isZero();
            assertThat(other.customers().find(TENANT, new CustomerId("c-0"))).as("the store works on").isPresent();
        }
    }

    @Test
    @DisplayName("a committed transaction gives its connection back; a nested one uses the same connection")
    void nestedTransactionsShareOneConnection() {
        store.transactions().useTransaction(() -> {
            store.customers().save(minimalCustomer(TENANT, "c-1", "Outer"));
            store.transactions().useTransaction(() -> {
                store.customers().save(minimalCustomer(TENANT, "c-2", "Inner"));
                assertThat(active()).isEqualTo(1);
            });
            assertThat(active()).isEqualTo(1);
        });

        assertThat(active()).isZero();
        assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isPresent();
    }

    @Test
    @DisplayName("a repository call outside a transaction takes a connection for the call only")
    void callsOutsideTransactionsReturnTheirConnection() {
        store.customers().save(minimalCustomer(TENANT, "c-1", "Alone"));

        assertThat(active()).isZero();
        assertThat(store.customers().find(TENANT, new CustomerId("c-1"))).isPresent();
        assertThat(active()).isZero();
    }

    @Test
    @DisplayName("two stores on one thread have transactions of their own")
    void storesDoNotShareTransactions() {
        try (JdbcCrmStore other = JdbcCrmStore.builder(pool).migrate(false).build()) {
            assertThatThrownBy(() -> store.transactions().useTransaction(() -> {
                other.customers().save(minimalCustomer(TENANT, "c-1", "Committed by the other store"));
                store.customers().save(minimalCustomer(TENANT, "c-2", "Rolled back"));
                assertThat(active()).isEqualTo(1);
                throw new IllegalStateException("rolls back this store's transaction only");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(other.customers().find(TENANT, new CustomerId("c-1"))).isPresent();
            assertThat(store.customers().find(TENANT, new CustomerId("c-2"))).isEmpty();
        }
    }

    @Test
    @DisplayName("a closed store refuses new work and leaves the host's pool open")
    void closedStoreRefusesWork() {
        store.close();

        assertThatThrownBy(() -> store.customers().find(TENANT, new CustomerId("c-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(pool.isClosed()).isFalse();
    }

    @Test
    @DisplayName("a database that cannot be reached is reported when the store is built")
    void unreachableDatabaseIsReported() {
        var nowhere = new dev.kehu.crm.jdbc.internal.DriverManagerDataSource("jdbc:h2:mem:x;IFEXISTS=TRUE", null, null);

        assertThatThrownBy(() -> JdbcCrmStore.create(nowhere))
                .isInstanceOf(JdbcStoreException.class).hasMessageContaining("could not reach the database");
    }
}
