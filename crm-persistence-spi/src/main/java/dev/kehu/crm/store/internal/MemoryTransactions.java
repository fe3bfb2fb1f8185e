package dev.kehu.crm.store.internal;

import static java.util.Objects.requireNonNull;

import dev.kehu.crm.common.Transactions;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serialisable transactions over copy-on-write {@link Tables}: a transaction holds the store's one lock from
 * start to end and writes to its own copy of the tables, made at its first write; returning publishes the copy,
 * an exception drops it. Reads outside a transaction take no lock: they see the last committed tables.
 */
public final class MemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Working> current = new ThreadLocal<>();
    private volatile Tables committed = Tables.EMPTY;
    private volatile boolean closed;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get(); // joins the transaction open on this thread
        }
        checkOpen();
        lock.lock();
        try {
            Working working = new Working(committed);
            current.set(working);
            T result = work.get();
            committed = working.tables;
            return result;
        } finally {
            current.remove();
            lock.unlock();
        }
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    /** Runs a query on the tables this thread sees. */
    <T> T read(Function<Tables, T> query) {
        checkOpen();
        Working working = current.get();
        return query.apply(working != null ? working.tables : committed);
    }

    /** Runs a change in this thread's transaction, or in one of its own. The change checks before it writes. */
    <T> T write(Function<Tables, T> change) {
        return inTransaction(() -> change.apply(current.get().forWriting()));
    }

    public void close() {
        closed = true;
        committed = Tables.EMPTY;
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("This in-memory store is closed");
    }

    private static final class Working {
        private Tables tables;
        private boolean copied;

        Working(Tables committed) {
            tables = committed;
        }

        Tables forWriting() {
            if (!copied) {
                tables = tables.copy();
                copied = true;
            }
            return tables;
        }
    }
}
