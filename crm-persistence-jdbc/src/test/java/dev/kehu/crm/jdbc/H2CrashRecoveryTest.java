package dev.kehu.crm.jdbc;

import java.util.UUID;

/**
 * Crash recovery on an H2 file database, opened with the default settings a host would write: the killed child's
 * database file must open again for the next one.
 */
class H2CrashRecoveryTest extends CrashRecoveryContractTest {

    @Override
    protected String emptyDatabase() {
        return "jdbc:h2:file:" + WORK.resolve("h2-" + UUID.randomUUID());
    }
}
