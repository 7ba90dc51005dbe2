-- Outbox rows that name an erased contact or owner (the withdrawal that announces the erasure, and
-- issued events not yet relayed) are deleted by the relay once the broker has them, instead of
-- being kept for seven days.
ALTER TABLE outbox ADD COLUMN purge_when_sent boolean NOT NULL DEFAULT false;

-- An erasure finds the outbox rows of a contact's recommendations (subject = recommendation id) and
-- of an owner (record_key = owner id) without reading the whole outbox.
CREATE INDEX outbox_subject ON outbox (subject);
CREATE INDEX outbox_record_key ON outbox (record_key);
