-- Kehu CRM schema 4 for H2: contracts and sales orders. Contracts with their payment milestones and their
-- append-only approval and execution history; sales orders with their lines; each customer's last purchase, for
-- the dormant-customer watch. Every key and index starts with tenant_id, and each index names the query of the
-- port it serves. Contract and order numbers are unique per tenant. Amounts are exact, as in schema 2: money
-- DECIMAL(65, 4) beside its currency code, quantities DECIMAL(65, 30), discounts DECIMAL(33, 30).

CREATE TABLE kehu_contract (
    tenant_id          VARCHAR(64) NOT NULL,
    id                 VARCHAR(64) NOT NULL,
    number             VARCHAR(200) NOT NULL,
    customer_id        VARCHAR(64) NOT NULL,
    owner              VARCHAR(64) NOT NULL,
    our_party          CHARACTER VARYING,
    their_party        CHARACTER VARYING,
    opportunity_id     VARCHAR(64),
    quote_id           VARCHAR(64),
    signing_date       DATE,
    start_date         DATE,
    end_date           DATE,
    currency           VARCHAR(3) NOT NULL,
    amount             DECIMAL(65, 4),
    terms              CHARACTER VARYING,
    status             VARCHAR(20) NOT NULL,
    rejection_reason   CHARACTER VARYING,
    termination_reason CHARACTER VARYING,
    predecessor_id     VARCHAR(64),
    history_length     INTEGER NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT kehu_contract_pk PRIMARY KEY (tenant_id, id)
);
-- findByNumber, and the number's uniqueness per tenant.
CREATE UNIQUE INDEX kehu_contract_number_uk ON kehu_contract (tenant_id, number);
-- ofCustomer: a customer's contracts by id, read on after one.
CREATE INDEX kehu_contract_customer_ix ON kehu_contract (tenant_id, customer_id, id);
-- expiring and endedBefore: one status, a range of end dates, by end date then id.
CREATE INDEX kehu_contract_status_end_ix ON kehu_contract (tenant_id, status, end_date, id);
-- renewalOf.
CREATE INDEX kehu_contract_predecessor_ix ON kehu_contract (tenant_id, predecessor_id);

-- The amounts are in the contract's currency; read with their contract.
CREATE TABLE kehu_contract_milestone (
    tenant_id       VARCHAR(64) NOT NULL,
    contract_id     VARCHAR(64) NOT NULL,
    milestone_index INTEGER NOT NULL,
    due_on          DATE NOT NULL,
    amount          DECIMAL(65, 4) NOT NULL,
    description     CHARACTER VARYING,
    paid_on         DATE,
    paid_amount     DECIMAL(65, 4),
    CONSTRAINT kehu_contract_milestone_pk PRIMARY KEY (tenant_id, contract_id, milestone_index),
    CONSTRAINT kehu_contract_milestone_contract_fk FOREIGN KEY (tenant_id, contract_id)
        REFERENCES kehu_contract (tenant_id, id) ON DELETE CASCADE
);

-- Append-only, read by its primary key (history: one contract's lines by sequence). The primary key is the unique
-- (tenant, contract, sequence): two transactions that append the same line cannot both commit. No cascade:
-- deleting a contract never takes its history silently.
CREATE TABLE kehu_contract_step (
    tenant_id   VARCHAR(64) NOT NULL,
    contract_id VARCHAR(64) NOT NULL,
    sequence_no INTEGER NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    from_status VARCHAR(20),
    to_status   VARCHAR(20) NOT NULL,
    note        CHARACTER VARYING,
    CONSTRAINT kehu_contract_step_pk PRIMARY KEY (tenant_id, contract_id, sequence_no),
    CONSTRAINT kehu_contract_step_contract_fk FOREIGN KEY (tenant_id, contract_id)
        REFERENCES kehu_contract (tenant_id, id)
);

CREATE TABLE kehu_sales_order (
    tenant_id   VARCHAR(64) NOT NULL,
    id          VARCHAR(64) NOT NULL,
    number      VARCHAR(200) NOT NULL,
    customer_id VARCHAR(64) NOT NULL,
    quote_id    VARCHAR(64),
    order_date  DATE NOT NULL,
    currency    VARCHAR(3) NOT NULL,
    status      VARCHAR(20) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT kehu_sales_order_pk PRIMARY KEY (tenant_id, id)
);
-- findByNumber, and the number's uniqueness per tenant.
CREATE UNIQUE INDEX kehu_sales_order_number_uk ON kehu_sales_order (tenant_id, number);
-- ofCustomer (by order date then id, read on after one), and a customer's last purchase: the latest order date of
-- that customer's orders, recomputed at each save of one of them.
CREATE INDEX kehu_sales_order_customer_ix ON kehu_sales_order (tenant_id, customer_id, order_date, id);

-- The unit price is in the order's currency.
CREATE TABLE kehu_sales_order_line (
    tenant_id        VARCHAR(64) NOT NULL,
    order_id         VARCHAR(64) NOT NULL,
    line_index       INTEGER NOT NULL,
    product          CHARACTER VARYING NOT NULL,
    quantity         DECIMAL(65, 30) NOT NULL,
    unit_price       DECIMAL(65, 4) NOT NULL,
    discount_percent DECIMAL(33, 30) NOT NULL,
    CONSTRAINT kehu_sales_order_line_pk PRIMARY KEY (tenant_id, order_id, line_index),
    CONSTRAINT kehu_sales_order_line_order_fk FOREIGN KEY (tenant_id, order_id)
        REFERENCES kehu_sales_order (tenant_id, id) ON DELETE CASCADE
);

-- One row per customer who ever had an order: the date of their last purchase (NULL once every order is
-- cancelled), written with every save of one of their orders, in its transaction. Its version makes two
-- transactions that change one customer's orders at once meet on this row. lastPurchase reads it by its primary
-- key; dormant is a range of kehu_customer_purchase_date_ix (last purchase before a day, by date then customer),
-- never a grouping of the orders.
CREATE TABLE kehu_customer_purchase (
    tenant_id        VARCHAR(64) NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    last_purchase_on DATE,
    version          BIGINT NOT NULL,
    CONSTRAINT kehu_customer_purchase_pk PRIMARY KEY (tenant_id, customer_id)
);
CREATE INDEX kehu_customer_purchase_date_ix ON kehu_customer_purchase (tenant_id, last_purchase_on, customer_id);
