-- Kehu CRM schema 9 for MariaDB (10.2+) and MySQL (8+): the care run reads each rule's rows in its index's order.
--
-- The overdue-activity, quiet-opportunity and signing-overdue rules page by the date they test, then id
-- (Activities.overdue, Opportunities.openUnchangedSince, Opportunities.openExpectedBefore). With the id as the
-- index's last column every page is one range of the index, read from where the last page ended; before, the
-- rules paged by id through a range ordered by date, which read and sorted the whole range again for every page.
DROP INDEX kehu_activity_status_due_ix ON kehu_activity;
CREATE INDEX kehu_activity_status_due_ix ON kehu_activity (tenant_id, status, due_at, id);
DROP INDEX kehu_opportunity_status_updated_ix ON kehu_opportunity;
CREATE INDEX kehu_opportunity_status_updated_ix ON kehu_opportunity (tenant_id, status, updated_at, id);
DROP INDEX kehu_opportunity_status_ix ON kehu_opportunity;
CREATE INDEX kehu_opportunity_status_ix ON kehu_opportunity (tenant_id, status, expected_signing_date, id);
