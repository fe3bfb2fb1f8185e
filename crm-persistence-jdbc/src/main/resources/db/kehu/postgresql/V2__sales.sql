-- Kehu CRM schema 2 for PostgreSQL: the sales records. Leads; opportunities with their stage history and
-- attached records; quotes with their lines; development plans with their steps; activities; each team's
-- round-robin position. Every key and index starts with tenant_id; ids and codes use the "C" collation, as in
-- schema 1. Amounts are exact: money numeric(65, 4) (no currency has more than four minor digits), quote-line
-- quantities numeric(65, 30) and discounts numeric(33, 30), the same limits as on MariaDB; the store refuses a
-- value that does not fit rather than let the database round it.

CREATE TABLE kehu_lead (
    tenant_id                varchar(64) COLLATE "C" NOT NULL,
    id                       varchar(64) COLLATE "C" NOT NULL,
    source                   text,
    company                  text,
    person                   text,
    phone                    varchar(16) COLLATE "C",
    email                    text,
    notes                    text,
    owner                    varchar(64) COLLATE "C",
    status                   varchar(20) NOT NULL,
    discard_reason           text,
    converted_customer_id    varchar(64) COLLATE "C",
    converted_contact_id     varchar(64) COLLATE "C",
    converted_opportunity_id varchar(64) COLLATE "C",
    created_at               timestamp(6) with time zone NOT NULL,
    updated_at               timestamp(6) with time zone NOT NULL,
    version                  bigint NOT NULL,
    CONSTRAINT kehu_lead_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_lead_owner_ix ON kehu_lead (tenant_id, owner, id);
CREATE INDEX kehu_lead_status_ix ON kehu_lead (tenant_id, status, id);

CREATE TABLE kehu_opportunity (
    tenant_id             varchar(64) COLLATE "C" NOT NULL,
    id                    varchar(64) COLLATE "C" NOT NULL,
    pipeline_id           varchar(64) COLLATE "C" NOT NULL,
    subject               text NOT NULL,
    customer_id           varchar(64) COLLATE "C" NOT NULL,
    discovered_on         date NOT NULL,
    source                text,
    owner                 varchar(64) COLLATE "C" NOT NULL,
    informant             text,
    customer_needs        text,
    expected_signing_date date,
    expected_amount       numeric(65, 4),
    expected_currency     varchar(3),
    stage                 varchar(64) COLLATE "C" NOT NULL,
    probability           integer NOT NULL,
    stage_note            text,
    status                varchar(20) NOT NULL,
    lost_reason           text,
    winning_competitor    text,
    stage_entered_at      timestamp(6) with time zone NOT NULL,
    closed_at             timestamp(6) with time zone,
    history_length        integer NOT NULL,
    created_at            timestamp(6) with time zone NOT NULL,
    updated_at            timestamp(6) with time zone NOT NULL,
    version               bigint NOT NULL,
    CONSTRAINT kehu_opportunity_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_opportunity_owner_ix ON kehu_opportunity (tenant_id, owner, id);
CREATE INDEX kehu_opportunity_customer_ix ON kehu_opportunity (tenant_id, customer_id, id);
CREATE INDEX kehu_opportunity_status_ix ON kehu_opportunity (tenant_id, status, expected_signing_date);
CREATE INDEX kehu_opportunity_pipeline_ix ON kehu_opportunity (tenant_id, pipeline_id, id);

-- Append-only. The primary key is the unique (tenant, opportunity, sequence): two transactions that append the
-- same line cannot both commit. No cascade: deleting an opportunity never takes its history silently.
CREATE TABLE kehu_opportunity_stage_change (
    tenant_id        varchar(64) COLLATE "C" NOT NULL,
    opportunity_id   varchar(64) COLLATE "C" NOT NULL,
    sequence_no      integer NOT NULL,
    changed_at       timestamp(6) with time zone NOT NULL,
    actor            varchar(64) COLLATE "C" NOT NULL,
    kind             varchar(20) NOT NULL,
    from_stage       varchar(64) COLLATE "C",
    from_probability integer,
    from_status      varchar(20),
    to_stage         varchar(64) COLLATE "C" NOT NULL,
    to_probability   integer NOT NULL,
    to_status        varchar(20) NOT NULL,
    note             text,
    CONSTRAINT kehu_opportunity_stage_change_pk PRIMARY KEY (tenant_id, opportunity_id, sequence_no),
    CONSTRAINT kehu_opportunity_stage_change_opportunity_fk FOREIGN KEY (tenant_id, opportunity_id)
        REFERENCES kehu_opportunity (tenant_id, id)
);

CREATE TABLE kehu_opportunity_record (
    tenant_id      varchar(64) COLLATE "C" NOT NULL,
    id             varchar(64) COLLATE "C" NOT NULL,
    opportunity_id varchar(64) COLLATE "C" NOT NULL,
    kind           varchar(20) NOT NULL,
    title          text NOT NULL,
    details        text,
    strengths      text,
    weaknesses     text,
    author         varchar(64) COLLATE "C" NOT NULL,
    created_at     timestamp(6) with time zone NOT NULL,
    CONSTRAINT kehu_opportunity_record_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT kehu_opportunity_record_opportunity_fk FOREIGN KEY (tenant_id, opportunity_id)
        REFERENCES kehu_opportunity (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX kehu_opportunity_record_opportunity_ix ON kehu_opportunity_record (tenant_id, opportunity_id, created_at, id);

CREATE TABLE kehu_quote (
    tenant_id      varchar(64) COLLATE "C" NOT NULL,
    id             varchar(64) COLLATE "C" NOT NULL,
    customer_id    varchar(64) COLLATE "C" NOT NULL,
    opportunity_id varchar(64) COLLATE "C",
    quote_date     date NOT NULL,
    currency       varchar(3) NOT NULL,
    notes          text,
    status         varchar(20) NOT NULL,
    revision       integer NOT NULL,
    previous_id    varchar(64) COLLATE "C",
    created_at     timestamp(6) with time zone NOT NULL,
    updated_at     timestamp(6) with time zone NOT NULL,
    version        bigint NOT NULL,
    CONSTRAINT kehu_quote_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_quote_customer_ix ON kehu_quote (tenant_id, customer_id, quote_date, id);
CREATE INDEX kehu_quote_opportunity_ix ON kehu_quote (tenant_id, opportunity_id, quote_date, id);

-- The unit price is in the quote's currency.
CREATE TABLE kehu_quote_line (
    tenant_id        varchar(64) COLLATE "C" NOT NULL,
    quote_id         varchar(64) COLLATE "C" NOT NULL,
    line_index       integer NOT NULL,
    product          text NOT NULL,
    quantity         numeric(65, 30) NOT NULL,
    unit_price       numeric(65, 4) NOT NULL,
    discount_percent numeric(33, 30) NOT NULL,
    CONSTRAINT kehu_quote_line_pk PRIMARY KEY (tenant_id, quote_id, line_index),
    CONSTRAINT kehu_quote_line_quote_fk FOREIGN KEY (tenant_id, quote_id)
        REFERENCES kehu_quote (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE kehu_development_plan (
    tenant_id      varchar(64) COLLATE "C" NOT NULL,
    id             varchar(64) COLLATE "C" NOT NULL,
    opportunity_id varchar(64) COLLATE "C" NOT NULL,
    owner          varchar(64) COLLATE "C" NOT NULL,
    created_at     timestamp(6) with time zone NOT NULL,
    updated_at     timestamp(6) with time zone NOT NULL,
    version        bigint NOT NULL,
    CONSTRAINT kehu_development_plan_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_development_plan_opportunity_ix ON kehu_development_plan (tenant_id, opportunity_id, id);
CREATE INDEX kehu_development_plan_owner_ix ON kehu_development_plan (tenant_id, owner, id);

CREATE TABLE kehu_development_plan_step (
    tenant_id    varchar(64) COLLATE "C" NOT NULL,
    plan_id      varchar(64) COLLATE "C" NOT NULL,
    step_number  integer NOT NULL,
    what         text NOT NULL,
    planned_date date NOT NULL,
    planned_time time(6),
    notes        text,
    result       text,
    done_on      date,
    CONSTRAINT kehu_development_plan_step_pk PRIMARY KEY (tenant_id, plan_id, step_number),
    CONSTRAINT kehu_development_plan_step_plan_fk FOREIGN KEY (tenant_id, plan_id)
        REFERENCES kehu_development_plan (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE kehu_activity (
    tenant_id      varchar(64) COLLATE "C" NOT NULL,
    id             varchar(64) COLLATE "C" NOT NULL,
    kind           varchar(20) NOT NULL,
    subject        text NOT NULL,
    customer_id    varchar(64) COLLATE "C",
    contact_id     varchar(64) COLLATE "C",
    opportunity_id varchar(64) COLLATE "C",
    owner          varchar(64) COLLATE "C" NOT NULL,
    due_at         timestamp(6) with time zone NOT NULL,
    reminder_at    timestamp(6) with time zone,
    notes          text,
    status         varchar(20) NOT NULL,
    outcome        text,
    completed_at   timestamp(6) with time zone,
    cancelled_at   timestamp(6) with time zone,
    created_at     timestamp(6) with time zone NOT NULL,
    updated_at     timestamp(6) with time zone NOT NULL,
    version        bigint NOT NULL,
    CONSTRAINT kehu_activity_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_activity_owner_ix ON kehu_activity (tenant_id, owner, status, due_at);
CREATE INDEX kehu_activity_customer_ix ON kehu_activity (tenant_id, customer_id, due_at);
CREATE INDEX kehu_activity_opportunity_ix ON kehu_activity (tenant_id, opportunity_id, due_at);

CREATE TABLE kehu_round_robin_position (
    tenant_id varchar(64) COLLATE "C" NOT NULL,
    team_id   varchar(64) COLLATE "C" NOT NULL,
    last_user varchar(64) COLLATE "C",
    version   bigint NOT NULL,
    CONSTRAINT kehu_round_robin_position_pk PRIMARY KEY (tenant_id, team_id)
);
