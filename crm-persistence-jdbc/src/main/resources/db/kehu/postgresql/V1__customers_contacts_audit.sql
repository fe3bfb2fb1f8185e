-- Kehu CRM schema 1 for PostgreSQL: customers (with their tags and organisation units), contacts and the
-- audit log. Every table starts its keys with tenant_id; ids, mnemonics and numbers use the "C" collation so
-- that sorting and comparing are byte-wise and agree with the other databases. The *_lc columns are search
-- keys written by Kehu (the value in lower case, as Java's toLowerCase(Locale.ROOT) makes it).

CREATE TABLE kehu_customer (
    tenant_id         varchar(64)  COLLATE "C" NOT NULL,
    id                varchar(64)  COLLATE "C" NOT NULL,
    type              varchar(20)  NOT NULL,
    name              text         NOT NULL,
    name_lc           text         NOT NULL,
    mnemonic          varchar(200) COLLATE "C" NOT NULL,
    number            varchar(100) COLLATE "C",
    number_lc         varchar(200) COLLATE "C",
    gender            varchar(20),
    value_rating      varchar(20)  NOT NULL,
    credit_rating     varchar(20)  NOT NULL,
    category          varchar(20)  NOT NULL,
    industry          varchar(100),
    relationship      varchar(20)  NOT NULL,
    staff_size        integer,
    source            varchar(100),
    lifecycle_stage   varchar(30)  NOT NULL,
    parent_id         varchar(64)  COLLATE "C",
    country_or_region text,
    province          text,
    city              text,
    postcode          text,
    street            text,
    phone             varchar(16)  COLLATE "C",
    fax               varchar(16)  COLLATE "C",
    email             text,
    email_lc          varchar(320) COLLATE "C",
    website           text,
    notes             text,
    owner             varchar(64)  COLLATE "C",
    status            varchar(20)  NOT NULL,
    merged_into       varchar(64)  COLLATE "C",
    created_at        timestamp(6) with time zone NOT NULL,
    updated_at        timestamp(6) with time zone NOT NULL,
    version           bigint       NOT NULL,
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
    tenant_id   varchar(64)  COLLATE "C" NOT NULL,
    customer_id varchar(64)  COLLATE "C" NOT NULL,
    tag         varchar(200) COLLATE "C" NOT NULL,
    CONSTRAINT kehu_customer_tag_pk PRIMARY KEY (tenant_id, customer_id, tag),
    CONSTRAINT kehu_customer_tag_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES kehu_customer (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX kehu_customer_tag_ix ON kehu_customer_tag (tenant_id, tag);

CREATE TABLE kehu_customer_org_unit (
    tenant_id      varchar(64)  COLLATE "C" NOT NULL,
    customer_id    varchar(64)  COLLATE "C" NOT NULL,
    unit_id        varchar(64)  COLLATE "C" NOT NULL,
    list_index     integer      NOT NULL,
    kind           varchar(20)  NOT NULL,
    name           text         NOT NULL,
    parent_unit_id varchar(64)  COLLATE "C",
    CONSTRAINT kehu_customer_org_unit_pk PRIMARY KEY (tenant_id, customer_id, unit_id),
    CONSTRAINT kehu_customer_org_unit_customer_fk FOREIGN KEY (tenant_id, customer_id)
        REFERENCES kehu_customer (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE kehu_contact (
    tenant_id      varchar(64)  COLLATE "C" NOT NULL,
    id             varchar(64)  COLLATE "C" NOT NULL,
    customer_id    varchar(64)  COLLATE "C" NOT NULL,
    name           text         NOT NULL,
    name_lc        text         NOT NULL,
    mnemonic       varchar(200) COLLATE "C" NOT NULL,
    gender         varchar(20),
    category       varchar(20)  NOT NULL,
    responsibility text,
    salutation     text,
    is_primary     boolean      NOT NULL,
    department     text,
    position_name  text,
    org_unit_id    varchar(64)  COLLATE "C",
    work_phone     varchar(16)  COLLATE "C",
    fax            varchar(16)  COLLATE "C",
    mobile         varchar(16)  COLLATE "C",
    home_phone     varchar(16)  COLLATE "C",
    email          text,
    email_lc       varchar(320) COLLATE "C",
    messenger      text,
    home_address   text,
    birthday       date,
    hobbies        text,
    notes          text,
    created_at     timestamp(6) with time zone NOT NULL,
    updated_at     timestamp(6) with time zone NOT NULL,
    version        bigint       NOT NULL,
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
    seq         bigint       GENERATED ALWAYS AS IDENTITY,
    tenant_id   varchar(64)  COLLATE "C" NOT NULL,
    id          varchar(64)  COLLATE "C" NOT NULL,
    actor       varchar(64)  COLLATE "C" NOT NULL,
    recorded_at timestamp(6) with time zone NOT NULL,
    record_type varchar(64)  COLLATE "C" NOT NULL,
    record_id   varchar(64)  COLLATE "C" NOT NULL,
    action      varchar(64)  COLLATE "C" NOT NULL,
    CONSTRAINT kehu_audit_entry_pk PRIMARY KEY (seq),
    CONSTRAINT kehu_audit_entry_id_uk UNIQUE (tenant_id, id)
);
CREATE INDEX kehu_audit_entry_record_ix ON kehu_audit_entry (tenant_id, record_type, record_id, seq);

CREATE TABLE kehu_audit_change (
    tenant_id  varchar(64) COLLATE "C" NOT NULL,
    entry_id   varchar(64) COLLATE "C" NOT NULL,
    list_index integer     NOT NULL,
    field      text        NOT NULL,
    from_value text,
    to_value   text,
    CONSTRAINT kehu_audit_change_pk PRIMARY KEY (tenant_id, entry_id, list_index),
    CONSTRAINT kehu_audit_change_entry_fk FOREIGN KEY (tenant_id, entry_id)
        REFERENCES kehu_audit_entry (tenant_id, id) ON DELETE CASCADE
);
