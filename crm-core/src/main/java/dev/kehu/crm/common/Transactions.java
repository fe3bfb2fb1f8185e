package dev.kehu.crm.common;

import java.util.function.Supplier;

/**
 * Port: the transaction boundary of a store. The repositories of the same store take part in the
 * transaction of the calling thread; a nested call joins the outer transaction.
 */
public interface Transactions {
    /**
     * Runs {@code work} in one transaction: commits on return, rolls back on anything thrown. A nested call
     * joins the outer transaction, and the outermost call decides. A transaction whose store call failed is
     * not to be continued (PostgreSQL refuses to): let the exception end it.
     */
    <T> T inTransaction(Supplier<T> work);

    /** Whether the calling thread is inside a transaction of this store. */
    boolean isActive();

    default void useTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
