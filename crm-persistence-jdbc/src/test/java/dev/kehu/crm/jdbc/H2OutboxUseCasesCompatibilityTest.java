package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.OutboxUseCasesCompatibilityKit;

/** The outbox use cases on H2, each test on a new in-memory database. */
class H2OutboxUseCasesCompatibilityTest extends OutboxUseCasesCompatibilityKit {
    @Override
    protected CrmStore newStore() {
        return TestDatabases.h2();
    }
}
