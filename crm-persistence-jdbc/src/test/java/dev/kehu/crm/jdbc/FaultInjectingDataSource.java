package dev.kehu.crm.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source in front of a real one that counts what its connections do and fails one of those things on
 * request, as a database or a network would. It counts statement executions ({@code execute…} of statements,
 * prepared statements and calls, a batch counting once) and commits, over every connection it hands out, from the
 * moment it is {@linkplain #arm armed}; the {@code k}-th of them then fails with a {@link Fault}, once.
 *
 * <p>Put it between a pool and the database ({@link TestDatabases.Server#poolOver}), where the network is: the pool
 * then sees a failure as it would see a real one, and a dropped connection fails with an SQL state of class
 * {@code 08} (connection exception), on which pools such as HikariCP evict it.
 */
final class FaultInjectingDataSource implements DataSource {
    /** What goes wrong at the chosen statement or commit. */
    enum Fault {
        /** The statement fails (a timeout, a full disk); the connection stays healthy. */
        STATEMENT_FAILS(false, true),
        /**
         * The statement fails, and so does the rollback after it, the connection still up: the transaction may still
         * be open, and only the end of the connection ends it for sure.
         */
        STATEMENT_AND_ROLLBACK_FAIL(false, false),
        /** The connection is cut just before the statement: it fails, and so does every later call on the connection. */
        CONNECTION_DROPS(false, false),
        /** The commit fails and nothing is committed; the connection stays healthy. */
        COMMIT_FAILS(true, true),
        /** The connection is cut just before the commit: nothing is committed and the database rolls back. */
        CONNECTION_DROPS_AT_COMMIT(true, false),
        /**
         * The commit happens, then the connection is cut before the answer arrives: the client gets an error for a
         * transaction that did commit, and cannot know it did.
         */
        COMMIT_OUTCOME_UNKNOWN(true, false);

        private final boolean atCommit;
        private final boolean connectionServesAgain;

        Fault(boolean atCommit, boolean connectionServesAgain) {
            this.atCommit = atCommit;
            this.connectionServesAgain = connectionServesAgain;
        }

        /** Whether {@code k} counts commits (otherwise statements). */
        boolean atCommit() {
            return atCommit;
        }

        /** Whether the connection is fit to go back to its pool and serve again (otherwise it must be discarded). */
        boolean connectionServesAgain() {
            return connectionServesAgain;
        }
    }

    /** SQL state of a general error: not about the connection, so a pool keeps the connection. */
    private static final String GENERAL_ERROR = "HY000";
    private static final String CONNECTION_FAILURE = "08006";
    private static final String CONNECTION_DOES_NOT_EXIST = "08003";
    private static final String TRANSACTION_RESOLUTION_UNKNOWN = "08007";

    private final DataSource target;
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Link> handedOut = new CopyOnWriteArrayList<>();
    private volatile Fault fault;
    private volatile int at;
    private volatile SQLException injected;
    private volatile int loginTimeout;

    FaultInjectingDataSource(DataSource target) {
        this.target = requireNonNull(target, "target");
    }

    /** From now on counts statements and commits from zero, and fails the {@code k}-th with {@code fault}. */
    synchronized void arm(Fault fault, int k) {
        if (k < 1) throw new IllegalArgumentException("k counts from 1, got " + k);
        restartCounts();
        this.at = k;
        this.fault = requireNonNull(fault, "fault");
    }

    /** From now on counts statements and commits from zero, failing nothing. */
    synchronized void countOnly() {
        restartCounts();
        fault = null;
    }

    private void restartCounts() {
        statements.set(0);
        commits.set(0);
        dropped.set(0);
        injected = null;
    }

    /**
     * Stops failing; returns the exception the fault raised, or {@code null} when it did not fire (a {@link Throwable},
     * as assertions take an {@link SQLException} for the iterable it also is).
     */
    synchronized Throwable disarm() {
        fault = null;
        return injected;
    }

    int statements() {
        return statements.get();
    }

    int commits() {
        return commits.get();
    }

    /** How many connections were cut, by the fault or by their user's {@code abort}, since armed. */
    int dropped() {
        return dropped.get();
    }

    /** Whether every connection that was cut has since been closed (a pool retires broken connections). */
    boolean droppedConnectionsClosed() {
        return handedOut.stream().noneMatch(link -> link.dropped && !link.closed);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return link(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return link(target.getConnection(username, password));
    }

    private Connection link(Connection real) {
        handedOut.removeIf(link -> link.closed);
        Link link = new Link(real);
        handedOut.add(link);
        return (Connection) proxy(Connection.class, real, link);
    }

    /** Whether the fault is to fire at this statement or commit, the {@code count}-th; it fires only once. */
    private synchronized boolean firesAt(boolean commit, int count) {
        Fault armed = fault;
        return armed != null && armed.atCommit() == commit && count == at && injected == null;
    }

    private synchronized SQLException fired(String message, String state) {
        injected = new SQLException("injected fault: " + message, state);
        return injected;
    }

    /** One connection handed out: the real one behind it, and whether it was dropped or closed. */
    private final class Link implements InvocationHandler {
        private final Connection real;
        private volatile boolean dropped;
        private volatile boolean closed;
        /** Whether the next rollback of the whole transaction fails. */
        private volatile boolean rollbackFails;

        Link(Connection real) {
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    closed = true;
                    if (!dropped) real.close();
                    return null;
                case "isClosed":
                    return closed || dropped || real.isClosed();
                case "isValid":
                    return !dropped && real.isValid((Integer) args[0]);
                case "abort":
                    if (!dropped) drop();
                    return null;
                case "commit":
                    checkNotDropped();
                    commit();
                    return null;
                case "rollback":
                    checkNotDropped();
                    if (args == null && rollbackFails) {
                        rollbackFails = false;
                        throw new SQLException("injected fault: the rollback failed as well", GENERAL_ERROR);
                    }
                    return call(real, method, args);
                default:
                    checkNotDropped();
                    Object result = call(real, method, args);
                    if (result instanceof Statement statement) return statement(method.getReturnType(), statement, proxy);
                    return result;
            }
        }

        private void commit() throws SQLException {
            if (!firesAt(true, commits.incrementAndGet())) {
                real.commit();
                return;
            }
            switch (fault) {
                case COMMIT_FAILS:
                    throw fired("the commit failed; nothing was committed", GENERAL_ERROR);
                case CONNECTION_DROPS_AT_COMMIT:
                    drop();
                    throw fired("the connection was cut before the commit", CONNECTION_FAILURE);
                case COMMIT_OUTCOME_UNKNOWN:
                    real.commit();
                    drop();
                    throw fired("the connection was cut after the commit, before its answer",
                            TRANSACTION_RESOLUTION_UNKNOWN);
                default:
                    throw new IllegalStateException("not a fault at commit: " + fault);
            }
        }

        private void execute() throws SQLException {
            checkNotDropped();
            if (!firesAt(false, statements.incrementAndGet())) return;
            if (fault == Fault.CONNECTION_DROPS) {
                drop();
                throw fired("the connection was cut", CONNECTION_FAILURE);
            }
            rollbackFails = fault == Fault.STATEMENT_AND_ROLLBACK_FAIL;
            throw fired("the statement failed", GENERAL_ERROR);
        }

        /**
         * Cuts the connection as a network failure would: the database rolls back what was not committed. Aborting
         * closes the socket of a client-server driver; H2's embedded one ignores it, so closing ends its session.
         */
        private void drop() throws SQLException {
            dropped = true;
            FaultInjectingDataSource.this.dropped.incrementAndGet();
            try {
                real.abort(Runnable::run);
            } finally {
                real.close();
            }
        }

        private void checkNotDropped() throws SQLException {
            if (dropped) throw new SQLException("the connection was cut earlier", CONNECTION_DOES_NOT_EXIST);
        }

        private Object statement(Class<?> type, Statement real, Object connection) {
            Class<?> api = type == CallableStatement.class || type == PreparedStatement.class ? type : Statement.class;
            return proxy(api, real, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "close":
                        if (!dropped) real.close();
                        return null;
                    case "getConnection":
                        return connection;
                    default:
                        if (method.getName().startsWith("execute")) execute();
                        else checkNotDropped();
                        return call(real, method, args);
                }
            });
        }
    }

    /** A proxy of {@code api} for {@code real}, equal only to itself, that passes every other call to {@code calls}. */
    private static Object proxy(Class<?> api, Object real, InvocationHandler calls) {
        return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    return "with faults: " + real;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return calls.invoke(proxy, method, args);
            }
        });
    }

    /** Calls {@code method} on {@code target}, throwing what it throws (not wrapped). */
    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    /** Kept here, as the driver's data source ignores it; a pool waits that long for its threads when it closes. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
