-- The shared batch consumer records, with each applied event id, the record it came from, so that an
-- operator can tell where an id was seen; ids older than the idempotency window are purged by
-- processed_at (index from V1).
ALTER TABLE processed_events
    ADD COLUMN topic            text,
    ADD COLUMN record_partition integer,
    ADD COLUMN record_offset    bigint;
