package dev.kehu.crm.jdbc;

import dev.kehu.crm.CrmStore;
import dev.kehu.crm.store.tck.OutboxStoreCompatibilityKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The compatibility kit of the outbox on MariaDB through the driver's bulk protocol, whose batches of updates tell
 * no update counts ({@code Statement.SUCCESS_NO_INFO}): {@code saveAll} must still refuse a stale message. Skipped
 * when the server is not reachable, failed when it is not and CI=true.
 */
@Tag("mariadb")
class MariaDbBulkOutboxStoreCompatibilityTest extends OutboxStoreCompatibilityKit {
    private static final TestDatabases.Server DATABASE = TestDatabases.mariaDbBulkStatements();

    @AfterAll
    static void dropSchema() {
        DATABASE.close();
    }

    @Override
    protected CrmStore newStore() {
        return DATABASE.newStore();
    }
}
