package dev.kehu.crm.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What differs between the databases Kehu runs on: where the migrations are, and how an instant is stored.
 * The SQL of the repositories is the same on all of them.
 */
public enum Dialect {
    H2("h2", Map.of()),
    POSTGRESQL("postgresql", Map.of()),
    MARIADB("mariadb", Map.of("collation", "utf8mb4_nopad_bin")),
    /** MySQL 8 runs the MariaDB scripts with its own binary NO PAD collation. */
    MYSQL("mariadb", Map.of("collation", "utf8mb4_0900_bin"));

    private final String folder;
    private final Map<String, String> placeholders;

    Dialect(String folder, Map<String, String> placeholders) {
        this.folder = folder;
        this.placeholders = placeholders;
    }

    /** The database behind {@code connection}; fails for one Kehu has no schema for. */
    public static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        String version = meta.getDatabaseProductVersion();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) return H2;
        if (name.contains("postgresql")) return POSTGRESQL;
        if (name.contains("mariadb") || (version != null && version.toLowerCase(Locale.ROOT).contains("mariadb"))) {
            return MARIADB;
        }
        if (name.contains("mysql")) return MYSQL;
        throw new IllegalArgumentException("Kehu's JDBC store supports H2, PostgreSQL, MariaDB and MySQL, not "
                + product + " " + version);
    }

    /**
     * The condition that one of {@code columns} of {@code table} (aliased {@code alias}, keyed by
     * {@code (tenant_id, id)}) equals the parameter {@code :name}, each column having an index on
     * {@code (tenant_id, column)}. PostgreSQL and MariaDB combine the indexes of an {@code OR} (a bitmap or an index
     * merge); H2 does not, and would read every row of the tenant, so there each column is looked up on its own and
     * the rows found are read by primary key. On H2 the condition names {@code :tenant_id}, which the statement must
     * bind as its own tenant condition does.
     */
    String anyColumnEquals(String table, String alias, List<String> columns, String name) {
        if (this != H2) {
            return "(" + String.join(" OR ", columns.stream().map(c -> alias + "." + c + " = :" + name).toList()) + ")";
        }
        return alias + ".id IN (" + String.join(" UNION ", columns.stream().map(c -> "SELECT id FROM " + table
                + " WHERE tenant_id = :tenant_id AND " + c + " = :" + name).toList()) + ")";
    }

    /** The classpath folder of this database's migration scripts. */
    public String migrationFolder() {
        return "db/kehu/" + folder;
    }

    /** The Flyway placeholders the scripts use. */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    /**
     * An expression that orders {@code column}'s text by Unicode code point, as a binary collation does. The
     * scripts give PostgreSQL and MariaDB such collations; H2 compares Java strings, by UTF-16 unit, which
     * differs above U+FFFF, so there the text's UTF-8 bytes are compared instead.
     */
    public String textOrder(String column) {
        return this == H2 ? "STRINGTOUTF8(" + column + ")" : column;
    }

    /** Binds an instant as a UTC timestamp, truncated to the microseconds every database keeps. */
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, this == POSTGRESQL || this == H2 ? Types.TIMESTAMP_WITH_TIMEZONE : Types.TIMESTAMP);
            return;
        }
        Instant micros = value.truncatedTo(ChronoUnit.MICROS);
        if (this == POSTGRESQL || this == H2) {
            statement.setObject(index, micros.atOffset(ZoneOffset.UTC));
        } else {
            // DATETIME has no zone: the UTC wall-clock time, bound as a LocalDateTime so no driver shifts it.
            statement.setObject(index, LocalDateTime.ofInstant(micros, ZoneOffset.UTC));
        }
    }

    public Instant getInstant(ResultSet row, String column) throws SQLException {
        if (this == POSTGRESQL || this == H2) {
            OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
