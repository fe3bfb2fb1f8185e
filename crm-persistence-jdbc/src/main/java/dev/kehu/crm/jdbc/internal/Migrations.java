package dev.kehu.crm.jdbc.internal;

import dev.kehu.crm.jdbc.JdbcStoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings Kehu's tables up to date with Flyway. Kehu keeps its own history table
 * ({@value #HISTORY_TABLE}) and its scripts outside {@code db/migration}, so it lives beside a host that
 * runs Flyway for its own tables: neither sees the other's scripts or history.
 */
public final class Migrations {
    public static final String HISTORY_TABLE = "kehu_schema_history";

    private Migrations() {
    }

    /** Applies the scripts not yet applied; returns how many ran (0 when the schema is current). */
    public static int migrate(DataSource dataSource, Dialect dialect) {
        try {
            return flyway(dataSource, dialect).migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new JdbcStoreException("could not migrate Kehu's tables: " + e.getMessage(), e);
        }
    }

    private static Flyway flyway(DataSource dataSource, Dialect dialect) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + dialect.migrationFolder())
                .table(HISTORY_TABLE)
                .placeholders(dialect.placeholders())
                // The host's schema usually holds its own tables already: start Kehu's history at version 0 then.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("Kehu baseline")
                .failOnMissingLocations(true)
                .cleanDisabled(true)
                .load();
    }
}
