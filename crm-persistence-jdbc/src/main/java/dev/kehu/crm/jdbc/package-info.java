/**
 * Kehu's store on a relational database through JDBC: H2 (embedded), PostgreSQL, MariaDB and MySQL.
 * {@link dev.kehu.crm.jdbc.JdbcCrmStore} builds one from a host's {@link javax.sql.DataSource};
 * {@link dev.kehu.crm.jdbc.JdbcStoreProvider} opens one from settings as the {@code jdbc} store. Everything
 * else is in {@code internal} and not API.
 *
 * <h2>Schema and migrations</h2>
 * Building a store migrates Kehu's tables ({@code kehu_*}) with Flyway, from the scripts under
 * {@code db/kehu/h2}, {@code db/kehu/postgresql} and {@code db/kehu/mariadb} (MariaDB and MySQL) on the class
 * path, recording them in the history table {@code kehu_schema_history}. Neither the scripts (outside
 * {@code db/migration}) nor the history table collide with a host's own Flyway. A host that manages schemas
 * with another tool applies those scripts itself, in the order of their versions ({@code V1__…}, {@code V2__…},
 * {@code V3__…}), and builds the store with {@code migrate(false)}.
 *
 * <h2>Transactions</h2>
 * A transaction holds one connection, bound to its thread, from start to end; repositories called inside it
 * use that connection, a nested transaction joins it, and calls outside any transaction run in short
 * transactions of their own. Every record that changes has a version: an update names the version it read and
 * is refused with {@link dev.kehu.crm.common.StaleRecordException} when the stored row has moved on (optimistic
 * locking; no rows stay locked between a read and the write). Records written once (stage-history lines,
 * attached records) are refused when their key is taken, by a look-up before the insert and by the key itself
 * against a concurrent transaction. Outbox messages are the exception: an append whose idempotency key is taken
 * is not an error but writes nothing and returns {@code false}, and the transaction goes on.
 */
package dev.kehu.crm.jdbc;
