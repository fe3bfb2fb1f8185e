-- Kehu CRM schema 3 for PostgreSQL: the transactional outbox. One row per notification or domain event, written
-- in the transaction of the change that caused it and updated by the relay at each delivery attempt (its version
-- makes two relays meet on one row). The primary key is the tenant and the idempotency key: an append whose key
-- is taken does nothing (INSERT ... ON CONFLICT (tenant_id, idempotency_key) DO NOTHING, since a failed statement
-- would abort the transaction), also when a concurrent transaction holds the key. The id is unique per tenant
-- too. The relay's look-up of due messages spans every tenant, so its index starts with the status. data holds
-- the message's values as one JSON object in their order (see OutboxData); it is text, not jsonb, which would
-- reorder them. Ids, keys and topics use the "C" collation, as in schemas 1 and 2. last_error keeps 1000
-- characters, as much as the relay writes.

CREATE TABLE kehu_outbox_message (
    tenant_id       varchar(64)  COLLATE "C" NOT NULL,
    id              varchar(64)  COLLATE "C" NOT NULL,
    kind            varchar(20)  NOT NULL,
    idempotency_key varchar(200) COLLATE "C" NOT NULL,
    topic           varchar(64)  COLLATE "C" NOT NULL,
    record_type     varchar(64)  COLLATE "C" NOT NULL,
    record_id       varchar(64)  COLLATE "C" NOT NULL,
    recipient       varchar(64)  COLLATE "C",
    actor           varchar(64)  COLLATE "C" NOT NULL,
    created_at      timestamp(6) with time zone NOT NULL,
    data            text         NOT NULL,
    status          varchar(20)  NOT NULL,
    attempts        integer      NOT NULL,
    next_attempt_at timestamp(6) with time zone NOT NULL,
    last_error      varchar(1000),
    delivered_at    timestamp(6) with time zone,
    version         bigint       NOT NULL,
    CONSTRAINT kehu_outbox_message_pk PRIMARY KEY (tenant_id, idempotency_key),
    CONSTRAINT kehu_outbox_message_id_uk UNIQUE (tenant_id, id)
);
CREATE INDEX kehu_outbox_message_due_ix ON kehu_outbox_message (status, next_attempt_at, created_at, id, tenant_id);
CREATE INDEX kehu_outbox_message_created_ix ON kehu_outbox_message (tenant_id, created_at, id);
