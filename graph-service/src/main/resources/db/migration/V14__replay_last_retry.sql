-- The last transient failure a replay job was retried after (database or broker unavailable, a connection lost), and
-- when: while such a failure lasts the job keeps its state and its progress does not move, and this says why.
ALTER TABLE replay_jobs
    ADD COLUMN last_retry_at timestamptz,
    ADD COLUMN last_retry_reason text;
