-- Kehu CRM schema 5 for H2: customer service. Service tickets with their corrective measures and their
-- append-only history; expenses; knowledge-base articles with their keywords and the tickets they resolved.
-- Every key and index starts with tenant_id.
-- Which index answers each query of the ports:
--   ServiceTickets.find, save                 kehu_service_ticket primary key
--   ServiceTickets.history, append            kehu_service_ticket_step primary key (tenant, ticket, sequence)
--   ServiceTickets.ofCustomer                 kehu_service_ticket_customer_ix (tenant, customer, created_at, id)
--   ServiceTickets.openCounts                 kehu_service_ticket_assignee_ix (tenant, assignee, status)
--   ServiceTickets.slaDue                     kehu_service_ticket_sla_ix (tenant, sla_deadline, id); NULL while
--                                             no target runs, so paused and resolved tickets are never read
--   Expenses.ofCustomer                       kehu_expense_customer_ix (tenant, customer, created_at, id)
--   Articles.search                           the tenant's published articles by kehu_knowledge_article_published_ix,
--                                             their lower-case, width-folded keys (title_key, body_key, and
--                                             keyword_key by the keyword table's primary key), as customer
--                                             names are searched by name_lc

CREATE TABLE kehu_service_ticket (
    tenant_id          VARCHAR(64) NOT NULL,
    id                 VARCHAR(64) NOT NULL,
    ticket_number      CHARACTER VARYING NOT NULL,
    customer_id        VARCHAR(64) NOT NULL,
    contact_id         VARCHAR(64),
    kind               VARCHAR(40) NOT NULL,
    channel            VARCHAR(40) NOT NULL,
    priority           VARCHAR(40) NOT NULL,
    subject            CHARACTER VARYING NOT NULL,
    description        CHARACTER VARYING,
    status             VARCHAR(40) NOT NULL,
    assignee           VARCHAR(64),
    skill              CHARACTER VARYING,
    first_response_at  TIMESTAMP(6) WITH TIME ZONE,
    resolution         CHARACTER VARYING,
    resolved_at        TIMESTAMP(6) WITH TIME ZONE,
    closed_at          TIMESTAMP(6) WITH TIME ZONE,
    survey_score       INTEGER,
    survey_comment     CHARACTER VARYING,
    survey_answered_at TIMESTAMP(6) WITH TIME ZONE,
    escalated          VARCHAR(40),
    escalated_to       VARCHAR(64),
    history_length     INTEGER NOT NULL,
    sla_deadline       TIMESTAMP(6) WITH TIME ZONE,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL,
    CONSTRAINT kehu_service_ticket_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_service_ticket_customer_ix ON kehu_service_ticket (tenant_id, customer_id, created_at, id);
CREATE INDEX kehu_service_ticket_assignee_ix ON kehu_service_ticket (tenant_id, assignee, status);
CREATE INDEX kehu_service_ticket_sla_ix ON kehu_service_ticket (tenant_id, sla_deadline, id);

-- A complaint's corrective measures, numbered from 1; replaced with the ticket.
CREATE TABLE kehu_service_ticket_measure (
    tenant_id  VARCHAR(64) NOT NULL,
    ticket_id  VARCHAR(64) NOT NULL,
    measure_no INTEGER NOT NULL,
    what       CHARACTER VARYING NOT NULL,
    owner      VARCHAR(64) NOT NULL,
    due_date   DATE NOT NULL,
    done_at    TIMESTAMP(6) WITH TIME ZONE,
    follow_up  CHARACTER VARYING,
    CONSTRAINT kehu_service_ticket_measure_pk PRIMARY KEY (tenant_id, ticket_id, measure_no),
    CONSTRAINT kehu_service_ticket_measure_ticket_fk FOREIGN KEY (tenant_id, ticket_id)
        REFERENCES kehu_service_ticket (tenant_id, id) ON DELETE CASCADE
);

-- Append-only. The primary key is the unique (tenant, ticket, sequence): two transactions that append the same
-- line cannot both commit. No cascade: deleting a ticket never takes its history silently.
CREATE TABLE kehu_service_ticket_step (
    tenant_id   VARCHAR(64) NOT NULL,
    ticket_id   VARCHAR(64) NOT NULL,
    sequence_no INTEGER NOT NULL,
    stepped_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    from_status VARCHAR(40),
    to_status   VARCHAR(40) NOT NULL,
    assignee    VARCHAR(64),
    note        CHARACTER VARYING,
    CONSTRAINT kehu_service_ticket_step_pk PRIMARY KEY (tenant_id, ticket_id, sequence_no),
    CONSTRAINT kehu_service_ticket_step_ticket_fk FOREIGN KEY (tenant_id, ticket_id)
        REFERENCES kehu_service_ticket (tenant_id, id)
);

CREATE TABLE kehu_expense (
    tenant_id        VARCHAR(64) NOT NULL,
    id               VARCHAR(64) NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    ticket_id        VARCHAR(64),
    category         VARCHAR(40) NOT NULL,
    amount           DECIMAL(65, 4) NOT NULL,
    currency         VARCHAR(3) NOT NULL,
    description      CHARACTER VARYING,
    incurred_on      DATE NOT NULL,
    submitted_by     VARCHAR(64) NOT NULL,
    status           VARCHAR(40) NOT NULL,
    approver         VARCHAR(64),
    decided_at       TIMESTAMP(6) WITH TIME ZONE,
    rejection_reason CHARACTER VARYING,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL,
    CONSTRAINT kehu_expense_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_expense_customer_ix ON kehu_expense (tenant_id, customer_id, created_at, id);

-- title_key and body_key are ArticleSearch.normalize of the title and the body, written by the store.
CREATE TABLE kehu_knowledge_article (
    tenant_id  VARCHAR(64) NOT NULL,
    id         VARCHAR(64) NOT NULL,
    title      CHARACTER VARYING NOT NULL,
    body       CHARACTER VARYING NOT NULL,
    title_key  CHARACTER VARYING NOT NULL,
    body_key   CHARACTER VARYING NOT NULL,
    published  BOOLEAN NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version    BIGINT NOT NULL,
    CONSTRAINT kehu_knowledge_article_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_knowledge_article_published_ix ON kehu_knowledge_article (tenant_id, published, id);

-- An article's keywords in their order, each with its search key; replaced with the article.
CREATE TABLE kehu_knowledge_keyword (
    tenant_id   VARCHAR(64) NOT NULL,
    article_id  VARCHAR(64) NOT NULL,
    position_no INTEGER NOT NULL,
    keyword     CHARACTER VARYING NOT NULL,
    keyword_key CHARACTER VARYING NOT NULL,
    CONSTRAINT kehu_knowledge_keyword_pk PRIMARY KEY (tenant_id, article_id, position_no),
    CONSTRAINT kehu_knowledge_keyword_article_fk FOREIGN KEY (tenant_id, article_id)
        REFERENCES kehu_knowledge_article (tenant_id, id) ON DELETE CASCADE
);

-- The tickets an article resolved; replaced with the article.
CREATE TABLE kehu_knowledge_article_ticket (
    tenant_id  VARCHAR(64) NOT NULL,
    article_id VARCHAR(64) NOT NULL,
    ticket_id  VARCHAR(64) NOT NULL,
    CONSTRAINT kehu_knowledge_article_ticket_pk PRIMARY KEY (tenant_id, article_id, ticket_id),
    CONSTRAINT kehu_knowledge_article_ticket_article_fk FOREIGN KEY (tenant_id, article_id)
        REFERENCES kehu_knowledge_article (tenant_id, id) ON DELETE CASCADE
);
