package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.OutboxStoreCompatibilityKit;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The compatibility kit of the outbox on H2 behind a driver that tells no update counts for a batch of updates
 * ({@code Statement.SUCCESS_NO_INFO}, as MariaDB's bulk protocol does; see
 * {@link MariaDbBulkOutboxStoreCompatibilityTest}), so that {@code saveAll}'s other way of telling what it wrote
 * is checked on every build.
 */
class H2NoBatchCountsOutboxStoreCompatibilityTest extends OutboxStoreCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        JdbcDataSource h2 = TestDatabases.h2DataSource();
        return JdbcCrmStore.builder(noBatchCounts(h2)).closing(() -> TestDatabases.shutdown(h2)).build();
    }

    private static DataSource noBatchCounts(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) ->
                method.getName().equals("getConnection") ? noBatchCounts((Connection) result) : result);
    }

    private static Connection noBatchCounts(Connection connection) {
        return proxy(Connection.class, connection, (method, args, result) ->
                method.getName().equals("prepareStatement") && ((String) args[0]).strip().startsWith("UPDATE")
                        ? noBatchCounts((PreparedStatement) result) : result);
    }

    private static PreparedStatement noBatchCounts(PreparedStatement statement) {
        return proxy(PreparedStatement.class, statement, (method, args, result) -> {
            if (!method.getName().equals("executeBatch")) return result;
            int[] none = new int[((int[]) result).length];
            Arrays.fill(none, Statement.SUCCESS_NO_INFO);
            return none;
        });
    }

    /** What a proxy returns for a call, given what the target returned. */
    @FunctionalInterface
    private interface Answer {
        Object answer(Method method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, Answer answer) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return answer.answer(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
