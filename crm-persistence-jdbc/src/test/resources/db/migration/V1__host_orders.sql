-- A host application's own migration, run by the host's own Flyway in JdbcMigrationTest.
CREATE TABLE host_order (id BIGINT PRIMARY KEY, customer_id VARCHAR(64) NOT NULL);
