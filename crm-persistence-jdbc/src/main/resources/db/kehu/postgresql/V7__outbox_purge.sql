-- Kehu CRM schema 7: the purge of delivered outbox messages reads them by status and delivery time, the earliest
-- first, across tenants (Outbox.purgeDelivered), so it finds them without reading the pending or dead ones.
CREATE INDEX kehu_outbox_message_delivered_ix ON kehu_outbox_message (status, delivered_at, tenant_id, idempotency_key);
