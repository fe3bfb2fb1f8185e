-- Kehu CRM schema 5 for PostgreSQL: customer service. Service tickets with their corrective measures and their
-- append-only history; expenses; knowledge-base articles with their keywords and the tickets they resolved.
-- Every key and index starts with tenant_id. Ids, codes and the article title (which orders search
-- results) use the "C" collation, as in schemas 1 and 2.
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
    tenant_id          varchar(64) COLLATE "C" NOT NULL,
    id                 varchar(64) COLLATE "C" NOT NULL,
    ticket_number      text NOT NULL,
    customer_id        varchar(64) COLLATE "C" NOT NULL,
    contact_id         varchar(64) COLLATE "C",
    kind               varchar(40) NOT NULL,
    channel            varchar(40) NOT NULL,
    priority           varchar(40) NOT NULL,
    subject            text NOT NULL,
    description        text,
    status             varchar(40) NOT NULL,
    assignee           varchar(64) COLLATE "C",
    skill              text,
    first_response_at  timestamp(6) with time zone,
    resolution         text,
    resolved_at        timestamp(6) with time zone,
    closed_at          timestamp(6) with time zone,
    survey_score       integer,
    survey_comment     text,
    survey_answered_at timestamp(6) with time zone,
    escalated          varchar(40),
    escalated_to       varchar(64) COLLATE "C",
    history_length     integer NOT NULL,
    sla_deadline       timestamp(6) with time zone,
    created_at         timestamp(6) with time zone NOT NULL,
    updated_at         timestamp(6) with time zone NOT NULL,
    version            bigint NOT NULL,
    CONSTRAINT kehu_service_ticket_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_service_ticket_customer_ix ON kehu_service_ticket (tenant_id, customer_id, created_at, id);
CREATE INDEX kehu_service_ticket_assignee_ix ON kehu_service_ticket (tenant_id, assignee, status);
CREATE INDEX kehu_service_ticket_sla_ix ON kehu_service_ticket (tenant_id, sla_deadline, id);

-- A complaint's corrective measures, numbered from 1; replaced with the ticket.
CREATE TABLE kehu_service_ticket_measure (
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    ticket_id  varchar(64) COLLATE "C" NOT NULL,
    measure_no integer NOT NULL,
    what       text NOT NULL,
    owner      varchar(64) COLLATE "C" NOT NULL,
    due_date   date NOT NULL,
    done_at    timestamp(6) with time zone,
    follow_up  text,
    CONSTRAINT kehu_service_ticket_measure_pk PRIMARY KEY (tenant_id, ticket_id, measure_no),
    CONSTRAINT kehu_service_ticket_measure_ticket_fk FOREIGN KEY (tenant_id, ticket_id)
        REFERENCES kehu_service_ticket (tenant_id, id) ON DELETE CASCADE
);

-- Append-only. The primary key is the unique (tenant, ticket, sequence): two transactions that append the same
-- line cannot both commit. No cascade: deleting a ticket never takes its history silently.
CREATE TABLE kehu_service_ticket_step (
    tenant_id   varchar(64) COLLATE "C" NOT NULL,
    ticket_id   varchar(64) COLLATE "C" NOT NULL,
    sequence_no integer NOT NULL,
    stepped_at  timestamp(6) with time zone NOT NULL,
    actor       varchar(64) COLLATE "C" NOT NULL,
    kind        varchar(40) NOT NULL,
    from_status varchar(40),
    to_status   varchar(40) NOT NULL,
    assignee    varchar(64) COLLATE "C",
    note        text,
    CONSTRAINT kehu_service_ticket_step_pk PRIMARY KEY (tenant_id, ticket_id, sequence_no),
    CONSTRAINT kehu_service_ticket_step_ticket_fk FOREIGN KEY (tenant_id, ticket_id)
        REFERENCES kehu_service_ticket (tenant_id, id)
);

CREATE TABLE kehu_expense (
    tenant_id        varchar(64) COLLATE "C" NOT NULL,
    id               varchar(64) COLLATE "C" NOT NULL,
    customer_id      varchar(64) COLLATE "C" NOT NULL,
    ticket_id        varchar(64) COLLATE "C",
    category         varchar(40) NOT NULL,
    amount           numeric(65, 4) NOT NULL,
    currency         VARCHAR(3) NOT NULL,
    description      text,
    incurred_on      date NOT NULL,
    submitted_by     varchar(64) COLLATE "C" NOT NULL,
    status           varchar(40) NOT NULL,
    approver         varchar(64) COLLATE "C",
    decided_at       timestamp(6) with time zone,
    rejection_reason text,
    created_at       timestamp(6) with time zone NOT NULL,
    updated_at       timestamp(6) with time zone NOT NULL,
    version          bigint NOT NULL,
    CONSTRAINT kehu_expense_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_expense_customer_ix ON kehu_expense (tenant_id, customer_id, created_at, id);

-- title_key and body_key are ArticleSearch.normalize of the title and the body, written by the store.
CREATE TABLE kehu_knowledge_article (
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    id         varchar(64) COLLATE "C" NOT NULL,
    title      text COLLATE "C" NOT NULL,
    body       text NOT NULL,
    title_key  text NOT NULL,
    body_key   text NOT NULL,
    published  boolean NOT NULL,
    created_at timestamp(6) with time zone NOT NULL,
    updated_at timestamp(6) with time zone NOT NULL,
    version    bigint NOT NULL,
    CONSTRAINT kehu_knowledge_article_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_knowledge_article_published_ix ON kehu_knowledge_article (tenant_id, published, id);

-- An article's keywords in their order, each with its search key; replaced with the article.
CREATE TABLE kehu_knowledge_keyword (
    tenant_id   varchar(64) COLLATE "C" NOT NULL,
    article_id  varchar(64) COLLATE "C" NOT NULL,
    position_no integer NOT NULL,
    keyword     text NOT NULL,
    keyword_key text NOT NULL,
    CONSTRAINT kehu_knowledge_keyword_pk PRIMARY KEY (tenant_id, article_id, position_no),
    CONSTRAINT kehu_knowledge_keyword_article_fk FOREIGN KEY (tenant_id, article_id)
        REFERENCES kehu_knowledge_article (tenant_id, id) ON DELETE CASCADE
);

-- The tickets an article resolved; replaced with the article.
CREATE TABLE kehu_knowledge_article_ticket (
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    article_id varchar(64) COLLATE "C" NOT NULL,
    ticket_id  varchar(64) COLLATE "C" NOT NULL,
    CONSTRAINT kehu_knowledge_article_ticket_pk PRIMARY KEY (tenant_id, article_id, ticket_id),
    CONSTRAINT kehu_knowledge_article_ticket_article_fk FOREIGN KEY (tenant_id, article_id)
        REFERENCES kehu_knowledge_article (tenant_id, id) ON DELETE CASCADE
);
