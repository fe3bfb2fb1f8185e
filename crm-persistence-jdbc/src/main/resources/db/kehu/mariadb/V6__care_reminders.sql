-- Kehu CRM schema 6 for MariaDB (10.2+) and MySQL (8+): care reminders (S3). One row per reminder; its primary key is the tenant and the
-- reminder's key (<rule>:<subject>:<due date>), so a second run, or a concurrent one on another host, cannot store
-- a reminder twice: the insert of a taken key is refused by the key itself and writes nothing. And the indexes the
-- rules' queries are answered from, each named beside its query in the store's code.

CREATE TABLE kehu_reminder (
    tenant_id    VARCHAR(64) NOT NULL,
    reminder_key VARCHAR(200) NOT NULL,
    rule_name    VARCHAR(64) NOT NULL,
    subject_type VARCHAR(64) NOT NULL,
    subject_id   VARCHAR(64) NOT NULL,
    due_date     DATE NOT NULL,
    recipient    VARCHAR(64) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, reminder_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${collation};
-- A recipient's reminders, by due date then key (CareService.reminders, Reminders.ofRecipient).
CREATE INDEX kehu_reminder_recipient_ix ON kehu_reminder (tenant_id, recipient, due_date, reminder_key);

-- Birthdays: the month and day of the birthday as one number (month * 100 + day), written by the store with every
-- save, so a window of days is one range of it, or two over the year end (Contacts.birthdaysIn).
ALTER TABLE kehu_contact ADD birthday_md INTEGER;
UPDATE kehu_contact SET birthday_md = MONTH(birthday) * 100 + DAYOFMONTH(birthday) WHERE birthday IS NOT NULL;
CREATE INDEX kehu_contact_birthday_ix ON kehu_contact (tenant_id, birthday_md, id);

-- Steps without a result (done_on IS NULL) planned before a day (DevelopmentPlans.overdueSteps).
CREATE INDEX kehu_development_plan_step_open_ix ON kehu_development_plan_step (tenant_id, done_on, planned_date);

-- Open activities due before a time (Activities.overdue).
CREATE INDEX kehu_activity_status_due_ix ON kehu_activity (tenant_id, status, due_at);

-- Open opportunities last changed before a time (Opportunities.openUnchangedSince); those expected to be signed
-- before a day use kehu_opportunity_status_ix (tenant_id, status, expected_signing_date) of schema 2.
CREATE INDEX kehu_opportunity_status_updated_ix ON kehu_opportunity (tenant_id, status, updated_at);
