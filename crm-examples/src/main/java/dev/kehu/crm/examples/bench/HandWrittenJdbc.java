package dev.kehu.crm.examples.bench;

import dev.kehu.crm.common.IdGenerator;
import dev.kehu.crm.common.TenantId;
import dev.kehu.crm.common.UserId;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * What every hand-written JDBC baseline works with: the run's database, and the same clock, id generator, tenant and
 * acting user as Kehu, so that making times and ids costs them alike.
 */
abstract class HandWrittenJdbc {
    final DataSource dataSource;
    final Clock clock;
    final IdGenerator ids;
    final TenantId tenant;
    final UserId actor;

    HandWrittenJdbc(DataSource dataSource, Clock clock, IdGenerator ids, TenantId tenant, UserId actor) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.ids = ids;
        this.tenant = tenant;
        this.actor = actor;
    }
}
