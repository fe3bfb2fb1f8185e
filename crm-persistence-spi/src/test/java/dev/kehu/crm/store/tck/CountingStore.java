package dev.kehu.crm.store.tck;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.common.Transactions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A store whose outermost transactions are counted (a nested one joins its outer transaction and is not counted),
 * to show how many transactions a use case runs; it can also run something of the test's just before the n-th
 * transaction from now begins, such as another relay's write.
 */
class CountingStore extends ForwardingCrmStore {
    private final AtomicInteger begun = new AtomicInteger();
    private volatile int hookAt;
    private volatile Runnable hook;

    private final Transactions counting = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (!store.transactions().isActive()) beginning();
            return store.transactions().inTransaction(work);
        }

        @Override
        public boolean isActive() {
            return store.transactions().isActive();
        }
    };

    CountingStore(CrmStore store) {
        super(store);
    }

    @Override
    public Transactions transactions() {
        return counting;
    }

    /** Counts from 0 again, and forgets a hook not run yet. */
    void reset() {
        begun.set(0);
        hook = null;
    }

    /** The outermost transactions begun since the last {@link #reset()}. */
    int transactionsBegun() {
        return begun.get();
    }

    /** Runs {@code work}, outside any transaction, just before the {@code nth} transaction from now begins. */
    void beforeTransaction(int nth, Runnable work) {
        hookAt = begun.get() + nth;
        hook = work;
    }

    private void beginning() {
        Runnable due = hook;
        if (due != null && begun.get() + 1 == hookAt) {
            hook = null;
            due.run();
        }
        begun.incrementAndGet();
    }
}
