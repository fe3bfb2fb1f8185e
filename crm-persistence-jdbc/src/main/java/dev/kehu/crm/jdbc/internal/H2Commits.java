package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Makes an H2 database in a file keep every commit when its process dies. By default H2 writes committed
 * transactions to the file in the background, up to {@code WRITE_DELAY} (500 ms) later: a process killed in that
 * time comes back without transactions that had committed, and a use case that returned would be lost. With the
 * delay at 0 each commit reaches the file (the operating system's cache, which outlives the process) before it
 * returns. H2 does not keep the setting when it opens the file again, so it is set while the database is open; a
 * host that lets every connection close, so that H2 closes the database, puts {@code ;WRITE_DELAY=0} in its URL.
 * In-memory databases have nothing to lose to a crash and are left alone.
 */
public final class H2Commits {
    private static final String DELAYED = """
            SELECT COUNT(*) FROM INFORMATION_SCHEMA.SETTINGS
            WHERE SETTING_NAME = 'WRITE_DELAY' AND SETTING_VALUE <> '0'
            """;

    private H2Commits() {
    }

    /**
     * Sets H2's write delay to 0 when the database is a file and the delay is not 0 already.
     *
     * @throws JdbcStoreException when H2 refuses (only an administrator may change it), naming the URL setting
     */
    public static void writeAtOnce(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String file;
            try (ResultSet path = statement.executeQuery("SELECT DATABASE_PATH()")) {
                path.next();
                file = path.getString(1);
            }
            if (file == null || !delayed(statement)) return;
            statement.execute("SET WRITE_DELAY 0");
            LoggerFactory.getLogger(H2Commits.class).info("H2 database {} now writes each commit to its file before the"
                    + " commit returns (WRITE_DELAY 0); put ;WRITE_DELAY=0 in its URL to keep it so when H2 opens it"
                    + " again", file);
        } catch (SQLException e) {
            throw new JdbcStoreException("H2 writes commits to the database file up to half a second late, so a crash"
                    + " would lose transactions that had committed, and it could not be told not to: " + e.getMessage()
                    + " — put ;WRITE_DELAY=0 in the URL, as a user with administrator rights", e);
        }
    }

    private static boolean delayed(Statement statement) throws SQLException {
        // Two rows may name the delay: the value stored with the database and the one in force. Both must be 0.
        try (ResultSet delayed = statement.executeQuery(DELAYED)) {
            delayed.next();
            return delayed.getInt(1) > 0;
        }
    }
}
