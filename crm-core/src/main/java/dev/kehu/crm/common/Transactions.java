package dev.kehu.crm.common;

import java.util.function.Supplier;

/**
 * Port: the transaction boundary of a store. The repositories of the same store take part in the
 * transaction of the calling thread; a nested call joins the outer transaction.
 */
public interface Transactions {
    /** Runs {@code work} in one transaction: commits on return, rolls back on any exception. */
    <T> T inTransaction(Supplier<T> work);

    default void useTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
