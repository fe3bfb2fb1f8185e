-- Kehu CRM schema 1 for MariaDB (10.2+) and MySQL (8+): customers (with their tags and organisation units),
-- contacts and the audit log. Every key and index starts with tenant_id (but the audit log's append sequence). Tables are utf8mb4 (4-byte emoji
-- included) with a binary, NO PAD collation, so text compares and sorts exactly (case- and trailing-space-
-- sensitive) like on the other databases. ${collation} is a Flyway placeholder: utf8mb4_nopad_bin on MariaDB,
-- utf8mb4_0900_bin on MySQL; replace it when running this file with another tool. Instants are DATETIME(6)
-- in UTC. The *_lc columns are search keys written by Kehu (the value in lower case, as Java's
-- toLowerCase(Locale.ROOT) makes it).

CREATE TABLE kehu_customer (
    tenant_id         VARCHAR(64)  NOT NULL,
    id                VARCHAR(64)  NOT NULL,
    type              VARCHAR(20)  NOT NULL,
    name              TEXT NOT NULL,
    name_lc           TEXT NOT NULL,
    mnemonic          VARCHAR(200) NOT NULL,
    number            VARCHAR(100),
    number_lc         VARCHAR(200),
    gender            VARCHAR(20),
    value_rating      VARCHAR(20)  NOT NULL,
    credit_rating     VARCHAR(20)  NOT NULL,
    category          VARCHAR(20)  NOT NULL,
    industry          VARCHAR(100),
    relationship      VARCHAR(20)  NOT NULL,
    staff_size        INTEGER,
    source            VARCHAR(100),
    lifecycle_stage   VARCHAR(30)  NOT NULL,
    parent_id         VARCHAR(64),
    country_or_region TEXT,
    province          TEXT,
    city              TEXT,
    postcode          TEXT,
    street            TEXT,
    phone             VARCHAR(16),
    fax               VARCHAR(16),
    email             TEXT,
    email_lc          VARCHAR(320),
    website           TEXT,
    notes             MEDIUMTEXT,
    owner             VARCHAR(64),
    status            VARCHAR(20)  NOT NULL,
    merged_into       VARCHAR(64),
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    version           BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
CREATE UNIQUE INDEX kehu_customer_number_uk ON kehu_customer (tenant_id, number);
CREATE INDEX kehu_customer_mnemonic_ix ON kehu_customer (tenant_id, mnemonic);
CREATE INDEX kehu_customer_phone_ix ON kehu_customer (tenant_id, phone);
CREATE INDEX kehu_customer_fax_ix ON kehu_customer (tenant_id, fax);
CREATE INDEX kehu_customer_email_ix ON kehu_customer (tenant_id, email_lc);
CREATE INDEX kehu_customer_owner_ix ON kehu_customer (tenant_id, owner);
CREATE INDEX kehu_customer_parent_ix ON kehu_customer (tenant_id, parent_id);
CREATE INDEX kehu_customer_merged_into_ix ON kehu_customer (tenant_id, merged_into);

CREATE TABLE kehu_customer_tag (
    tenant_id   VARCHAR(64)  NOT NULL,
    customer_id VARCHAR(64)  NOT NULL,
    tag         VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant_id, customer_id, tag),
    CONSTRAINT kehu_customer_tag_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES kehu_customer (tenant_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
CREATE INDEX kehu_customer_tag_ix ON kehu_customer_tag (tenant_id, tag);

CREATE TABLE kehu_customer_org_unit (
    tenant_id      VARCHAR(64) NOT NULL,
    customer_id    VARCHAR(64) NOT NULL,
    unit_id        VARCHAR(64) NOT NULL,
    list_index     INTEGER     NOT NULL,
    kind           VARCHAR(20) NOT NULL,
    name           TEXT NOT NULL,
    parent_unit_id VARCHAR(64),
    PRIMARY KEY (tenant_id, customer_id, unit_id),
    CONSTRAINT kehu_customer_org_unit_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES kehu_customer (tenant_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};

CREATE TABLE kehu_contact (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             VARCHAR(64)  NOT NULL,
    customer_id    VARCHAR(64)  NOT NULL,
    name           TEXT NOT NULL,
    name_lc        TEXT NOT NULL,
    mnemonic       VARCHAR(200) NOT NULL,
    gender         VARCHAR(20),
    category       VARCHAR(20)  NOT NULL,
    responsibility TEXT,
    salutation     TEXT,
    is_primary     BOOLEAN      NOT NULL,
    department     TEXT,
    position_name  TEXT,
    org_unit_id    VARCHAR(64),
    work_phone     VARCHAR(16),
    fax            VARCHAR(16),
    mobile         VARCHAR(16),
    home_phone     VARCHAR(16),
    email          TEXT,
    email_lc       VARCHAR(320),
    messenger      TEXT,
    home_address   TEXT,
    birthday       DATE,
    hobbies        TEXT,
    notes          MEDIUMTEXT,
    created_at     DATETIME(6) NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    version        BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
CREATE INDEX kehu_contact_customer_ix ON kehu_contact (tenant_id, customer_id);
CREATE INDEX kehu_contact_mnemonic_ix ON kehu_contact (tenant_id, mnemonic);
CREATE INDEX kehu_contact_work_phone_ix ON kehu_contact (tenant_id, work_phone);
CREATE INDEX kehu_contact_fax_ix ON kehu_contact (tenant_id, fax);
CREATE INDEX kehu_contact_mobile_ix ON kehu_contact (tenant_id, mobile);
CREATE INDEX kehu_contact_home_phone_ix ON kehu_contact (tenant_id, home_phone);
CREATE INDEX kehu_contact_email_ix ON kehu_contact (tenant_id, email_lc);

CREATE TABLE kehu_audit_entry (
    seq         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   VARCHAR(64)  NOT NULL,
    id          VARCHAR(64)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    recorded_at DATETIME(6) NOT NULL,
    record_type VARCHAR(64)  NOT NULL,
    record_id   VARCHAR(64)  NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT kehu_audit_entry_id_uk UNIQUE (tenant_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
CREATE INDEX kehu_audit_entry_record_ix ON kehu_audit_entry (tenant_id, record_type, record_id, seq);

CREATE TABLE kehu_audit_change (
    tenant_id  VARCHAR(64) NOT NULL,
    entry_id   VARCHAR(64) NOT NULL,
    list_index INTEGER     NOT NULL,
    field      TEXT NOT NULL,
    from_value MEDIUMTEXT,
    to_value   MEDIUMTEXT,
    PRIMARY KEY (tenant_id, entry_id, list_index),
    CONSTRAINT kehu_audit_change_entry_fk FOREIGN KEY (tenant_id, entry_id)
        REFERENCES kehu_audit_entry (tenant_id, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
