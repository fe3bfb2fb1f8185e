-- Kehu CRM schema 3 for MariaDB (10.2+) and MySQL (8+): the transactional outbox. One row per notification or
-- domain event, written in the transaction of the change that caused it and updated by the relay at each delivery
-- attempt (its version makes two relays meet on one row). The primary key is the tenant and the idempotency key:
-- an append whose key is taken is refused by the key itself, also between concurrent transactions, and InnoDB
-- rolls back only that insert, so the transaction goes on. InnoDB checks the primary key before the other unique
-- indexes, so a message whose key and id are both taken counts as a taken key; the id is unique per tenant too.
-- The relay's look-up of due messages spans every tenant, so its index starts with the status. data holds the
-- message's values as one JSON object in their order (see OutboxData). utf8mb4 with the binary, NO PAD collation
-- ${collation}, as in schemas 1 and 2, so keys compare exactly; instants are DATETIME(6) in UTC. last_error keeps
-- 1000 characters, as much as the relay writes.

CREATE TABLE kehu_outbox_message (
    tenant_id       VARCHAR(64)   NOT NULL,
    id              VARCHAR(64)   NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    idempotency_key VARCHAR(200)  NOT NULL,
    topic           VARCHAR(64)   NOT NULL,
    record_type     VARCHAR(64)   NOT NULL,
    record_id       VARCHAR(64)   NOT NULL,
    recipient       VARCHAR(64),
    actor           VARCHAR(64)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    data            LONGTEXT      NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(1000),
    delivered_at    DATETIME(6),
    version         BIGINT        NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
CREATE UNIQUE INDEX kehu_outbox_message_id_uk ON kehu_outbox_message (tenant_id, id);
CREATE INDEX kehu_outbox_message_due_ix ON kehu_outbox_message (status, next_attempt_at, created_at, id, tenant_id);
CREATE INDEX kehu_outbox_message_created_ix ON kehu_outbox_message (tenant_id, created_at, id);
