package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.jdbc.internal.DriverManagerDataSource;
import dev.kehu.crm.store.CrmStoreProvider;
import dev.kehu.crm.store.StoreConfig;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The {@value #NAME} store, found by {@link java.util.ServiceLoader}: a {@link JdbcCrmStore} on the database
 * the settings name.
 * <ul>
 * <li>{@value #URL} (required): the JDBC URL; its driver must be on the class path.</li>
 * <li>{@value #USER}, {@value #PASSWORD}: the credentials, when the URL does not carry them.</li>
 * <li>{@value #MIGRATE}: {@code false} when the host applies Kehu's scripts itself; {@code true} by default.</li>
 * </ul>
 * The store opens a new connection for each transaction through {@link java.sql.DriverManager}: enough for
 * tools, tests and an embedded H2. A host with a connection pool builds the store from it with
 * {@link JdbcCrmStore#create(javax.sql.DataSource)} instead. An H2 database ({@code jdbc:h2:...}) is held open as
 * long as the store, by one connection the store keeps until it is closed: an in-memory one lives that long, and one
 * in a file keeps writing each commit at once.
 */
public final class JdbcStoreProvider implements CrmStoreProvider {
    public static final String NAME = "jdbc";
    public static final String URL = "kehu.jdbc.url";
    public static final String USER = "kehu.jdbc.user";
    public static final String PASSWORD = "kehu.jdbc.password";
    public static final String MIGRATE = "kehu.jdbc.migrate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public CrmStore open(StoreConfig config) {
        String url = config.require(URL);
        boolean migrate = config.get(MIGRATE).map(JdbcStoreProvider::flag).orElse(true);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url,
                config.get(USER).orElse(null), config.get(PASSWORD).orElse(null));
        JdbcCrmStore.Builder builder = JdbcCrmStore.builder(dataSource).migrate(migrate);
        if (url.startsWith("jdbc:h2:")) {
            builder.closing(keepAlive(dataSource));
        }
        return builder.build();
    }

    private static boolean flag(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("The store setting '" + MIGRATE
                    + "' must be true or false, not '" + value + "'");
        };
    }

    /**
     * H2 closes a database with its last connection: an in-memory one disappears, and one in a file forgets that it
     * is to write each commit at once (see {@link JdbcCrmStore}). This connection keeps it open until the store closes.
     */
    private static Connection keepAlive(DriverManagerDataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new JdbcStoreException("could not open the database: " + e.getMessage(), e);
        }
    }
}
