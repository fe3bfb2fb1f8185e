-- Kehu CRM schema 2 for H2: the sales records. Leads; opportunities with their stage history and attached
-- records; quotes with their lines; development plans with their steps; activities; each team's round-robin
-- position. Every key and index starts with tenant_id. Amounts are exact: money DECIMAL(65, 4) (no currency
-- has more than four minor digits), quote-line quantities DECIMAL(65, 30) and discounts DECIMAL(33, 30), the
-- widest decimals every supported database keeps exactly (MariaDB allows no more); the store refuses a value that
-- does not fit rather than let the database round it.

CREATE TABLE kehu_lead (
    tenant_id                VARCHAR(64) NOT NULL,
    id                       VARCHAR(64) NOT NULL,
    source                   CHARACTER VARYING,
    company                  CHARACTER VARYING,
    person                   CHARACTER VARYING,
    phone                    VARCHAR(16),
    email                    CHARACTER VARYING,
    notes                    CHARACTER VARYING,
    owner                    VARCHAR(64),
    status                   VARCHAR(20) NOT NULL,
    discard_reason           CHARACTER VARYING,
    converted_customer_id    VARCHAR(64),
    converted_contact_id     VARCHAR(64),
    converted_opportunity_id VARCHAR(64),
    created_at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version                  BIGINT NOT NULL,
    CONSTRAINT kehu_lead_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_lead_owner_ix ON kehu_lead (tenant_id, owner, id);
CREATE INDEX kehu_lead_status_ix ON kehu_lead (tenant_id, status, id);

CREATE TABLE kehu_opportunity (
    tenant_id             VARCHAR(64) NOT NULL,
    id                    VARCHAR(64) NOT NULL,
    pipeline_id           VARCHAR(64) NOT NULL,
    subject               CHARACTER VARYING NOT NULL,
    customer_id           VARCHAR(64) NOT NULL,
    discovered_on         DATE NOT NULL,
    source                CHARACTER VARYING,
    owner                 VARCHAR(64) NOT NULL,
    informant             CHARACTER VARYING,
    customer_needs        CHARACTER VARYING,
    expected_signing_date DATE,
    expected_amount       DECIMAL(65, 4),
    expected_currency     VARCHAR(3),
    stage                 VARCHAR(64) NOT NULL,
    probability           INTEGER NOT NULL,
    stage_note            CHARACTER VARYING,
    status                VARCHAR(20) NOT NULL,
    lost_reason           CHARACTER VARYING,
    winning_competitor    CHARACTER VARYING,
    stage_entered_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    closed_at             TIMESTAMP(6) WITH TIME ZONE,
    history_length        INTEGER NOT NULL,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version               BIGINT NOT NULL,
    CONSTRAINT kehu_opportunity_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_opportunity_owner_ix ON kehu_opportunity (tenant_id, owner, id);
CREATE INDEX kehu_opportunity_customer_ix ON kehu_opportunity (tenant_id, customer_id, id);
CREATE INDEX kehu_opportunity_status_ix ON kehu_opportunity (tenant_id, status, expected_signing_date);
CREATE INDEX kehu_opportunity_pipeline_ix ON kehu_opportunity (tenant_id, pipeline_id, id);

-- Append-only. The primary key is the unique (tenant, opportunity, sequence): two transactions that append the
-- same line cannot both commit. No cascade: deleting an opportunity never takes its history silently.
CREATE TABLE kehu_opportunity_stage_change (
    tenant_id        VARCHAR(64) NOT NULL,
    opportunity_id   VARCHAR(64) NOT NULL,
    sequence_no      INTEGER NOT NULL,
    changed_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor            VARCHAR(64) NOT NULL,
    kind             VARCHAR(20) NOT NULL,
    from_stage       VARCHAR(64),
    from_probability INTEGER,
    from_status      VARCHAR(20),
    to_stage         VARCHAR(64) NOT NULL,
    to_probability   INTEGER NOT NULL,
    to_status        VARCHAR(20) NOT NULL,
    note             CHARACTER VARYING,
    CONSTRAINT kehu_opportunity_stage_change_pk PRIMARY KEY (tenant_id, opportunity_id, sequence_no),
    CONSTRAINT kehu_opportunity_stage_change_opportunity_fk FOREIGN KEY (tenant_id, opportunity_id)
        REFERENCES kehu_opportunity (tenant_id, id)
);

CREATE TABLE kehu_opportunity_record (
    tenant_id      VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    opportunity_id VARCHAR(64) NOT NULL,
    kind           VARCHAR(20) NOT NULL,
    title          CHARACTER VARYING NOT NULL,
    details        CHARACTER VARYING,
    strengths      CHARACTER VARYING,
    weaknesses     CHARACTER VARYING,
    author         VARCHAR(64) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT kehu_opportunity_record_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT kehu_opportunity_record_opportunity_fk FOREIGN KEY (tenant_id, opportunity_id)
        REFERENCES kehu_opportunity (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX kehu_opportunity_record_opportunity_ix ON kehu_opportunity_record (tenant_id, opportunity_id, created_at, id);

CREATE TABLE kehu_quote (
    tenant_id      VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    customer_id    VARCHAR(64) NOT NULL,
    opportunity_id VARCHAR(64),
    quote_date     DATE NOT NULL,
    currency       VARCHAR(3) NOT NULL,
    notes          CHARACTER VARYING,
    status         VARCHAR(20) NOT NULL,
    revision       INTEGER NOT NULL,
    previous_id    VARCHAR(64),
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version        BIGINT NOT NULL,
    CONSTRAINT kehu_quote_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_quote_customer_ix ON kehu_quote (tenant_id, customer_id, quote_date, id);
CREATE INDEX kehu_quote_opportunity_ix ON kehu_quote (tenant_id, opportunity_id, quote_date, id);

-- The unit price is in the quote's currency.
CREATE TABLE kehu_quote_line (
    tenant_id        VARCHAR(64) NOT NULL,
    quote_id         VARCHAR(64) NOT NULL,
    line_index       INTEGER NOT NULL,
    product          CHARACTER VARYING NOT NULL,
    quantity         DECIMAL(65, 30) NOT NULL,
    unit_price       DECIMAL(65, 4) NOT NULL,
    discount_percent DECIMAL(33, 30) NOT NULL,
    CONSTRAINT kehu_quote_line_pk PRIMARY KEY (tenant_id, quote_id, line_index),
    CONSTRAINT kehu_quote_line_quote_fk FOREIGN KEY (tenant_id, quote_id)
        REFERENCES kehu_quote (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE kehu_development_plan (
    tenant_id      VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    opportunity_id VARCHAR(64) NOT NULL,
    owner          VARCHAR(64) NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version        BIGINT NOT NULL,
    CONSTRAINT kehu_development_plan_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_development_plan_opportunity_ix ON kehu_development_plan (tenant_id, opportunity_id, id);
CREATE INDEX kehu_development_plan_owner_ix ON kehu_development_plan (tenant_id, owner, id);

CREATE TABLE kehu_development_plan_step (
    tenant_id    VARCHAR(64) NOT NULL,
    plan_id      VARCHAR(64) NOT NULL,
    step_number  INTEGER NOT NULL,
    what         CHARACTER VARYING NOT NULL,
    planned_date DATE NOT NULL,
    planned_time TIME(6),
    notes        CHARACTER VARYING,
    result       CHARACTER VARYING,
    done_on      DATE,
    CONSTRAINT kehu_development_plan_step_pk PRIMARY KEY (tenant_id, plan_id, step_number),
    CONSTRAINT kehu_development_plan_step_plan_fk FOREIGN KEY (tenant_id, plan_id)
        REFERENCES kehu_development_plan (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE kehu_activity (
    tenant_id      VARCHAR(64) NOT NULL,
    id             VARCHAR(64) NOT NULL,
    kind           VARCHAR(20) NOT NULL,
    subject        CHARACTER VARYING NOT NULL,
    customer_id    VARCHAR(64),
    contact_id     VARCHAR(64),
    opportunity_id VARCHAR(64),
    owner          VARCHAR(64) NOT NULL,
    due_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    reminder_at    TIMESTAMP(6) WITH TIME ZONE,
    notes          CHARACTER VARYING,
    status         VARCHAR(20) NOT NULL,
    outcome        CHARACTER VARYING,
    completed_at   TIMESTAMP(6) WITH TIME ZONE,
    cancelled_at   TIMESTAMP(6) WITH TIME ZONE,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version        BIGINT NOT NULL,
    CONSTRAINT kehu_activity_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_activity_owner_ix ON kehu_activity (tenant_id, owner, status, due_at);
CREATE INDEX kehu_activity_customer_ix ON kehu_activity (tenant_id, customer_id, due_at);
CREATE INDEX kehu_activity_opportunity_ix ON kehu_activity (tenant_id, opportunity_id, due_at);

CREATE TABLE kehu_round_robin_position (
    tenant_id VARCHAR(64) NOT NULL,
    team_id   VARCHAR(64) NOT NULL,
    last_user VARCHAR(64),
    version   BIGINT NOT NULL,
    CONSTRAINT kehu_round_robin_position_pk PRIMARY KEY (tenant_id, team_id)
);
