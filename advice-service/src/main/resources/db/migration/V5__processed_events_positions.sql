-- The shared batch consumer records, with each applied event id, the record it came from; ids older
-- than the idempotency window are purged by processed_at.
ALTER TABLE processed_events
    ALTER COLUMN topic DROP NOT NULL,
    ADD COLUMN record_partition integer,
    ADD COLUMN record_offset    bigint;
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
