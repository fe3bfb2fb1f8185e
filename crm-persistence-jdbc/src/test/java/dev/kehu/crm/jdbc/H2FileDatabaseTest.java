package dev.kehu.crm.jdbc;

import static dev.kehu.crm.store.tck.TestRecords.TENANT;
import static dev.kehu.crm.store.tck.TestRecords.minimalCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.CrmStores;
import dev.kehu.crm.store.StoreConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 database in a file keeps every commit when the process dies: the store has H2 write each commit before it
 * returns. {@link H2CrashRecoveryTest} shows what is lost otherwise; these tests show the setting is made, kept and,
 * where it cannot be made, refused with a message.
 */
class H2FileDatabaseTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a store built on an H2 file database has H2 write each commit to the file before it returns")
    void commitsAreWrittenAtOnce() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url());
        try (Connection open = dataSource.getConnection()) { // keeps the database open, as a pool does
            assertThat(writeDelays(open)).as("H2's default").contains("500");
            JdbcCrmStore.create(dataSource).close();
            assertThat(writeDelays(open)).as("once a store was built on it").containsOnly("0");
        }
    }

    @Test
    @DisplayName("a store opened by the provider on an H2 file keeps the database open, and each commit written at"
            + " once, between its transactions")
    void theProviderKeepsTheSetting() throws SQLException {
        String url = url();
        try (CrmStore store = CrmStores.open(JdbcStoreProvider.NAME, StoreConfig.of(Map.of(JdbcStoreProvider.URL, url)))) {
            store.transactions().useTransaction(() -> store.customers().save(minimalCustomer(TENANT, "c-1", "华夏")));
            try (Connection connection = DriverManager.getConnection(url)) {
                assertThat(writeDelays(connection)).containsOnly("0");
            }
        }
    }

    @Test
    @DisplayName("a store whose user may not change H2's write delay is refused, naming the URL setting, and writes"
            + " nothing")
    void aUserWhoMayNotIsRefused() throws SQLException {
        String url = url();
        try (Connection admin = DriverManager.getConnection(url, "sa", "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER clerk PASSWORD 'clerk'");
            statement.execute("GRANT ALL ON SCHEMA PUBLIC TO clerk");
            JdbcDataSource clerk = new JdbcDataSource();
            clerk.setURL(url);
            clerk.setUser("clerk");
            clerk.setPassword("clerk");

            assertThatThrownBy(() -> JdbcCrmStore.create(clerk)).isInstanceOf(JdbcStoreException.class)
                    .hasMessageContaining(";WRITE_DELAY=0");
            try (ResultSet tables = statement.executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                tables.next();
                assertThat(tables.getInt(1)).as("tables created").isZero();
            }
        }
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("crm");
    }

    /** Every value H2 shows for its write delay: the one stored with the database and the one in force. */
    private static List<String> writeDelays(Connection connection) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            while (rows.next()) values.add(rows.getString(1));
        }
        return values;
    }
}
