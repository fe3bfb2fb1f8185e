-- Kehu CRM schema 4 for PostgreSQL: contracts and sales orders. Contracts with their payment milestones and
-- their append-only approval and execution history; sales orders with their lines; each customer's last purchase,
-- for the dormant-customer watch. Every key and index starts with tenant_id, and each index names the query of the
-- port it serves; ids and numbers use the "C" collation, as in schemas 1 to 3. Contract and order numbers are
-- unique per tenant. Amounts are exact, as in schema 2: money numeric(65, 4) beside its currency code, quantities
-- numeric(65, 30), discounts numeric(33, 30).

CREATE TABLE kehu_contract (
    tenant_id          varchar(64) COLLATE "C" NOT NULL,
    id                 varchar(64) COLLATE "C" NOT NULL,
    number             varchar(200) COLLATE "C" NOT NULL,
    customer_id        varchar(64) COLLATE "C" NOT NULL,
    owner              varchar(64) COLLATE "C" NOT NULL,
    our_party          text,
    their_party        text,
    opportunity_id     varchar(64) COLLATE "C",
    quote_id           varchar(64) COLLATE "C",
    signing_date       date,
    start_date         date,
    end_date           date,
    currency           varchar(3) NOT NULL,
    amount             numeric(65, 4),
    terms              text,
    status             varchar(20) NOT NULL,
    rejection_reason   text,
    termination_reason text,
    predecessor_id     varchar(64) COLLATE "C",
    history_length     integer NOT NULL,
    created_at         timestamp(6) with time zone NOT NULL,
    updated_at         timestamp(6) with time zone NOT NULL,
    version            bigint NOT NULL,
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
    tenant_id       varchar(64) COLLATE "C" NOT NULL,
    contract_id     varchar(64) COLLATE "C" NOT NULL,
    milestone_index integer NOT NULL,
    due_on          date NOT NULL,
    amount          numeric(65, 4) NOT NULL,
    description     text,
    paid_on         date,
    paid_amount     numeric(65, 4),
    CONSTRAINT kehu_contract_milestone_pk PRIMARY KEY (tenant_id, contract_id, milestone_index),
    CONSTRAINT kehu_contract_milestone_contract_fk FOREIGN KEY (tenant_id, contract_id)
        REFERENCES kehu_contract (tenant_id, id) ON DELETE CASCADE
);

-- Append-only, read by its primary key (history: one contract's lines by sequence). The primary key is the unique
-- (tenant, contract, sequence): two transactions that append the same line cannot both commit. No cascade:
-- deleting a contract never takes its history silently.
CREATE TABLE kehu_contract_step (
    tenant_id   varchar(64) COLLATE "C" NOT NULL,
    contract_id varchar(64) COLLATE "C" NOT NULL,
    sequence_no integer NOT NULL,
    changed_at  timestamp(6) with time zone NOT NULL,
    actor       varchar(64) COLLATE "C" NOT NULL,
    from_status varchar(20),
    to_status   varchar(20) NOT NULL,
    note        text,
    CONSTRAINT kehu_contract_step_pk PRIMARY KEY (tenant_id, contract_id, sequence_no),
    CONSTRAINT kehu_contract_step_contract_fk FOREIGN KEY (tenant_id, contract_id)
        REFERENCES kehu_contract (tenant_id, id)
);

CREATE TABLE kehu_sales_order (
    tenant_id   varchar(64) COLLATE "C" NOT NULL,
    id          varchar(64) COLLATE "C" NOT NULL,
    number      varchar(200) COLLATE "C" NOT NULL,
    customer_id varchar(64) COLLATE "C" NOT NULL,
    quote_id    varchar(64) COLLATE "C",
    order_date  date NOT NULL,
    currency    varchar(3) NOT NULL,
    status      varchar(20) NOT NULL,
    created_at  timestamp(6) with time zone NOT NULL,
    updated_at  timestamp(6) with time zone NOT NULL,
    version     bigint NOT NULL,
    CONSTRAINT kehu_sales_order_pk PRIMARY KEY (tenant_id, id)
);
-- findByNumber, and the number's uniqueness per tenant.
CREATE UNIQUE INDEX kehu_sales_order_number_uk ON kehu_sales_order (tenant_id, number);
-- ofCustomer (by order date then id, read on after one), and a customer's last purchase: the latest order date of
-- that customer's orders, recomputed at each save of one of them.
CREATE INDEX kehu_sales_order_customer_ix ON kehu_sales_order (tenant_id, customer_id, order_date, id);

-- The unit price is in the order's currency.
CREATE TABLE kehu_sales_order_line (
    tenant_id        varchar(64) COLLATE "C" NOT NULL,
    order_id         varchar(64) COLLATE "C" NOT NULL,
    line_index       integer NOT NULL,
    product          text NOT NULL,
    quantity         numeric(65, 30) NOT NULL,
    unit_price       numeric(65, 4) NOT NULL,
    discount_percent numeric(33, 30) NOT NULL,
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
    tenant_id        varchar(64) COLLATE "C" NOT NULL,
    customer_id      varchar(64) COLLATE "C" NOT NULL,
    last_purchase_on date,
    version          bigint NOT NULL,
    CONSTRAINT kehu_customer_purchase_pk PRIMARY KEY (tenant_id, customer_id)
);
CREATE INDEX kehu_customer_purchase_date_ix ON kehu_customer_purchase (tenant_id, last_purchase_on, customer_id);
