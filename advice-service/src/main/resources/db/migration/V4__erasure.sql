-- Outbox rows that name an erased contact or owner (the withdrawal that announces the erasure, and
-- issued events not yet relayed) are deleted by the relay once the broker has them, instead of
-- being kept for seven days.
ALTER TABLE outbox ADD COLUMN purge_when_sent boolean NOT NULL DEFAULT false;
