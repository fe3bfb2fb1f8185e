-- Kehu CRM schema 1 for H2: customers (with their tags and organisation units), contacts and the audit log.
-- Every key and index starts with tenant_id (but the audit log's append sequence). H2 compares text exactly (case- and space-sensitive) without a
-- collation. The *_lc columns are search keys written by Kehu (the value in lower case, as Java's
-- toLowerCase(Locale.ROOT) makes it). Unbounded CHARACTER VARYING holds up to 1,000,000 characters.

CREATE TABLE kehu_customer (
    tenant_id         VARCHAR(64)  NOT NULL,
    id                VARCHAR(64)  NOT NULL,
    type              VARCHAR(20)  NOT NULL,
    name              CHARACTER VARYING NOT NULL,
    name_lc           CHARACTER VARYING NOT NULL,
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
    country_or_region CHARACTER VARYING,
    province          CHARACTER VARYING,
    city              CHARACTER VARYING,
    postcode          CHARACTER VARYING,
    street            CHARACTER VARYING,
    phone             VARCHAR(16),
    fax               VARCHAR(16),
    email             CHARACTER VARYING,
    email_lc          VARCHAR(320),
    website           CHARACTER VARYING,
    notes             CHARACTER VARYING,
    owner             VARCHAR(64),
    status            VARCHAR(20)  NOT NULL,
    merged_into       VARCHAR(64),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version           BIGINT       NOT NULL,
    CONSTRAINT kehu_customer_pk PRIMARY KEY (tenant_id, id)
);
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
    CONSTRAINT kehu_customer_tag_pk PRIMARY KEY (tenant_id, customer_id, tag),
    CONSTRAINT kehu_customer_tag_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES kehu_customer (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX kehu_customer_tag_ix ON kehu_customer_tag (tenant_id, tag);

CREATE TABLE kehu_customer_org_unit (
    tenant_id      VARCHAR(64) NOT NULL,
    customer_id    VARCHAR(64) NOT NULL,
    unit_id        VARCHAR(64) NOT NULL,
    list_index     INTEGER     NOT NULL,
    kind           VARCHAR(20) NOT NULL,
    name           CHARACTER VARYING NOT NULL,
    parent_unit_id VARCHAR(64),
    CONSTRAINT kehu_customer_org_unit_pk PRIMARY KEY (tenant_id, customer_id, unit_id),
    CONSTRAINT kehu_customer_org_unit_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES kehu_customer (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE kehu_contact (
    tenant_id      VARCHAR(64)  NOT NULL,
    id             VARCHAR(64)  NOT NULL,
    customer_id    VARCHAR(64)  NOT NULL,
    name           CHARACTER VARYING NOT NULL,
    name_lc        CHARACTER VARYING NOT NULL,
    mnemonic       VARCHAR(200) NOT NULL,
    gender         VARCHAR(20),
    category       VARCHAR(20)  NOT NULL,
    responsibility CHARACTER VARYING,
    salutation     CHARACTER VARYING,
    is_primary     BOOLEAN      NOT NULL,
    department     CHARACTER VARYING,
    position_name  CHARACTER VARYING,
    org_unit_id    VARCHAR(64),
    work_phone     VARCHAR(16),
    fax            VARCHAR(16),
    mobile         VARCHAR(16),
    home_phone     VARCHAR(16),
    email          CHARACTER VARYING,
    email_lc       VARCHAR(320),
    messenger      CHARACTER VARYING,
    home_address   CHARACTER VARYING,
    birthday       DATE,
    hobbies        CHARACTER VARYING,
    notes          CHARACTER VARYING,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT kehu_contact_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX kehu_contact_customer_ix ON kehu_contact (tenant_id, customer_id);
CREATE INDEX kehu_contact_mnemonic_ix ON kehu_contact (tenant_id, mnemonic);
CREATE INDEX kehu_contact_work_phone_ix ON kehu_contact (tenant_id, work_phone);
CREATE INDEX kehu_contact_fax_ix ON kehu_contact (tenant_id, fax);
CREATE INDEX kehu_contact_mobile_ix ON kehu_contact (tenant_id, mobile);
CREATE INDEX kehu_contact_home_phone_ix ON kehu_contact (tenant_id, home_phone);
CREATE INDEX kehu_contact_email_ix ON kehu_contact (tenant_id, email_lc);

CREATE TABLE kehu_audit_entry (
    seq         BIGINT       GENERATED ALWAYS AS IDENTITY,
    tenant_id   VARCHAR(64)  NOT NULL,
    id          VARCHAR(64)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    record_type VARCHAR(64)  NOT NULL,
    record_id   VARCHAR(64)  NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    CONSTRAINT kehu_audit_entry_pk PRIMARY KEY (seq),
    CONSTRAINT kehu_audit_entry_id_uk UNIQUE (tenant_id, id)
);
CREATE INDEX kehu_audit_entry_record_ix ON kehu_audit_entry (tenant_id, record_type, record_id, seq);

CREATE TABLE kehu_audit_change (
    tenant_id  VARCHAR(64) NOT NULL,
    entry_id   VARCHAR(64) NOT NULL,
    list_index INTEGER     NOT NULL,
    field      CHARACTER VARYING NOT NULL,
    from_value CHARACTER VARYING,
    to_value   CHARACTER VARYING,
    CONSTRAINT kehu_audit_change_pk PRIMARY KEY (tenant_id, entry_id, list_index),
    CONSTRAINT kehu_audit_change_entry_fk FOREIGN KEY (tenant_id, entry_id)
        REFERENCES kehu_audit_entry (tenant_id, id) ON DELETE CASCADE
);
