-- Import jobs: a file staged in chunks while it was received, then read back as a stream by the
-- instance that claims the job. A job's counters and its position in the file (records_done) are
-- written in one statement at each checkpoint, so a job taken over after a crash resumes from there
-- and counts every record once.
CREATE TABLE import_jobs (
    import_id         uuid PRIMARY KEY,
    owner_id          text        NOT NULL,
    format            text        NOT NULL,
    owner_profile_url text,
    state             text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    bytes_total       bigint      NOT NULL,
    chunk_count       integer     NOT NULL,
    -- Position: records read from the file and settled (published and acknowledged, or rejected).
    records_done      bigint      NOT NULL DEFAULT 0,
    bytes_read        bigint      NOT NULL DEFAULT 0,
    accepted          bigint      NOT NULL DEFAULT 0,
    rejected_count    bigint      NOT NULL DEFAULT 0,
    warning_count     bigint      NOT NULL DEFAULT 0,
    -- The first rejected lines and warnings, up to the configured numbers, as the answer lists them.
    rejected          jsonb       NOT NULL DEFAULT '[]',
    warnings          jsonb       NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL DEFAULT now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    claimed_by        text,
    lease_until       timestamptz,
    attempts          integer     NOT NULL DEFAULT 0,
    error             text
);

-- The claim looks for QUEUED jobs and RUNNING ones whose lease lapsed, the oldest first.
CREATE INDEX import_jobs_active ON import_jobs (created_at) WHERE state IN ('QUEUED', 'RUNNING');
-- Finished jobs are deleted after the retention.
CREATE INDEX import_jobs_finished ON import_jobs (finished_at) WHERE state IN ('COMPLETED', 'FAILED');

CREATE TABLE import_chunks (
    import_id uuid    NOT NULL REFERENCES import_jobs (import_id) ON DELETE CASCADE,
    seq       integer NOT NULL,
    data      bytea   NOT NULL,
    PRIMARY KEY (import_id, seq)
);
