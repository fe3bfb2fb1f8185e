-- Kehu CRM schema 5 for MariaDB (10.2+) and MySQL (8+): customer service. Service tickets with their corrective measures and their
-- append-only history; expenses; knowledge-base articles with their keywords and the tickets they resolved.
-- Every key and index starts with tenant_id. Tables are utf8mb4 with the binary, NO PAD
-- collation ${collation}, as in schema 1. Instants are DATETIME(6) in UTC.
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
    ticket_number      TEXT NOT NULL,
    customer_id        VARCHAR(64) NOT NULL,
    contact_id         VARCHAR(64),
    kind               VARCHAR(40) NOT NULL,
    channel            VARCHAR(40) NOT NULL,
    priority           VARCHAR(40) NOT NULL,
    subject            TEXT NOT NULL,
    description        MEDIUMTEXT,
    status             VARCHAR(40) NOT NULL,
    assignee           VARCHAR(64),
    skill              TEXT,
    first_response_at  DATETIME(6),
    resolution         MEDIUMTEXT,
    resolved_at        DATETIME(6),
    closed_at          DATETIME(6),
    survey_score       INTEGER,
    survey_comment     MEDIUMTEXT,
    survey_answered_at DATETIME(6),
    escalated          VARCHAR(40),
    escalated_to       VARCHAR(64),
    history_length     INTEGER NOT NULL,
    sla_deadline       DATETIME(6),
    created_at         DATETIME(6) NOT NULL,
    updated_at         DATETIME(6) NOT NULL,
    version            BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
CREATE INDEX kehu_service_ticket_customer_ix ON kehu_service_ticket (tenant_id, customer_id, created_at, id);
CREATE INDEX kehu_service_ticket_assignee_ix ON kehu_service_ticket (tenant_id, assignee, status);
CREATE INDEX kehu_service_ticket_sla_ix ON kehu_service_ticket (tenant_id, sla_deadline, id);

-- A complaint's corrective measures, numbered from 1; replaced with the ticket.
CREATE TABLE kehu_service_ticket_measure (
    tenant_id  VARCHAR(64) NOT NULL,
    ticket_id  VARCHAR(64) NOT NULL,
    measure_no INTEGER NOT NULL,
    what       MEDIUMTEXT NOT NULL,
    owner      VARCHAR(64) NOT NULL,
    due_date   DATE NOT NULL,
    done_at    DATETIME(6),
    follow_up  MEDIUMTEXT,
    PRIMARY KEY (tenant_id, ticket_id, measure_no),
    CONSTRAINT kehu_service_ticket_measure_ticket_fk FOREIGN KEY (tenant_id, ticket_id)
        REFERENCES kehu_service_ticket (tenant_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};

-- Append-only. The primary key is the unique (tenant, ticket, sequence): two transactions that append the same
-- line cannot both commit. No cascade: deleting a ticket never takes its history silently.
CREATE TABLE kehu_service_ticket_step (
    tenant_id   VARCHAR(64) NOT NULL,
    ticket_id   VARCHAR(64) NOT NULL,
    sequence_no INTEGER NOT NULL,
    stepped_at  DATETIME(6) NOT NULL,
    actor       VARCHAR(64) NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    from_status VARCHAR(40),
    to_status   VARCHAR(40) NOT NULL,
    assignee    VARCHAR(64),
    note        MEDIUMTEXT,
    PRIMARY KEY (tenant_id, ticket_id, sequence_no),
    CONSTRAINT kehu_service_ticket_step_ticket_fk FOREIGN KEY (tenant_id, ticket_id)
        REFERENCES kehu_service_ticket (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};

CREATE TABLE kehu_expense (
    tenant_id        VARCHAR(64) NOT NULL,
    id               VARCHAR(64) NOT NULL,
    customer_id      VARCHAR(64) NOT NULL,
    ticket_id        VARCHAR(64),
    category         VARCHAR(40) NOT NULL,
    amount           DECIMAL(65, 4) NOT NULL,
    currency         VARCHAR(3) NOT NULL,
    description      MEDIUMTEXT,
    incurred_on      DATE NOT NULL,
    submitted_by     VARCHAR(64) NOT NULL,
    status           VARCHAR(40) NOT NULL,
    approver         VARCHAR(64),
    decided_at       DATETIME(6),
    rejection_reason MEDIUMTEXT,
    created_at       DATETIME(6) NOT NULL,
    updated_at       DATETIME(6) NOT NULL,
    version          BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
CREATE INDEX kehu_expense_customer_ix ON kehu_expense (tenant_id, customer_id, created_at, id);

-- title_key and body_key are ArticleSearch.normalize of the title and the body, written by the store.
CREATE TABLE kehu_knowledge_article (
    tenant_id  VARCHAR(64) NOT NULL,
    id         VARCHAR(64) NOT NULL,
    title      TEXT NOT NULL,
    body       MEDIUMTEXT NOT NULL,
    title_key  MEDIUMTEXT NOT NULL,
    body_key   MEDIUMTEXT NOT NULL,
    published  BOOLEAN NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    version    BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
CREATE INDEX kehu_knowledge_article_published_ix ON kehu_knowledge_article (tenant_id, published, id);

-- An article's keywords in their order, each with its search key; replaced with the article.
CREATE TABLE kehu_knowledge_keyword (
    tenant_id   VARCHAR(64) NOT NULL,
    article_id  VARCHAR(64) NOT NULL,
    position_no INTEGER NOT NULL,
    keyword     MEDIUMTEXT NOT NULL,
    keyword_key MEDIUMTEXT NOT NULL,
    PRIMARY KEY (tenant_id, article_id, position_no),
    CONSTRAINT kehu_knowledge_keyword_article_fk FOREIGN KEY (tenant_id, article_id)
        REFERENCES kehu_knowledge_article (tenant_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};

-- The tickets an article resolved; replaced with the article.
CREATE TABLE kehu_knowledge_article_ticket (
    tenant_id  VARCHAR(64) NOT NULL,
    article_id VARCHAR(64) NOT NULL,
    ticket_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, article_id, ticket_id),
    CONSTRAINT kehu_knowledge_article_ticket_article_fk FOREIGN KEY (tenant_id, article_id)
        REFERENCES kehu_knowledge_article (tenant_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
