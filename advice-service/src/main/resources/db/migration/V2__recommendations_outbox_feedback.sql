-- Recommendations as issued, one row per (owner, objective, contact): the id is stable while the
-- advice holds. version counts issuances (a re-issue after a withdrawal, or after the action
-- changed, is a new version), so that each issued/withdrawn event has its own deterministic id.
CREATE TABLE recommendations (
    recommendation_id TEXT PRIMARY KEY,
    owner_id          TEXT NOT NULL,
    objective_id      TEXT NOT NULL,
    objective_type    TEXT NOT NULL,
    contact_id        TEXT NOT NULL,
    version           INTEGER NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    rank              INTEGER NOT NULL,
    score             DOUBLE PRECISION NOT NULL,
    action            TEXT NOT NULL,
    request_kind      TEXT NOT NULL,
    tie_class         TEXT NOT NULL,
    -- The Recommendation as the API shows it (issuedAt is the time of the current version's issuance).
    body              JSONB NOT NULL,
    issued_at         TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    withdrawn_at      TIMESTAMPTZ,
    withdrawal_reason TEXT
);
CREATE INDEX recommendations_by_objective ON recommendations (owner_id, objective_id, status, rank);

-- When each objective's recommendations were last computed (generatedAt of the API).
CREATE TABLE recommendation_runs (
    owner_id     TEXT NOT NULL,
    objective_id TEXT NOT NULL,
    generated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (owner_id, objective_id)
);

-- Transactional outbox: events written in the same transaction as the recommendations they
-- describe, published by the relay, which marks them sent once the broker has acknowledged them.
CREATE TABLE outbox (
    id         BIGSERIAL PRIMARY KEY,
    event_id   TEXT NOT NULL UNIQUE,
    topic      TEXT NOT NULL,
    record_key TEXT NOT NULL,
    event_type TEXT NOT NULL,
    subject    TEXT,
    payload    TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at    TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Owners whose ties or profile changed: recomputed once due_at has passed (the debounce window).
CREATE TABLE owner_recompute (
    owner_id TEXT PRIMARY KEY,
    due_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX owner_recompute_due ON owner_recompute (due_at);

-- Outcomes reported on recommendations: the cool-down and the effectiveness summary read them.
CREATE TABLE feedback (
    feedback_id       TEXT PRIMARY KEY,
    recommendation_id TEXT NOT NULL,
    owner_id          TEXT NOT NULL,
    objective_id      TEXT NOT NULL,
    objective_type    TEXT NOT NULL,
    contact_id        TEXT NOT NULL,
    tie_class         TEXT NOT NULL,
    outcome           TEXT NOT NULL,
    note              TEXT,
    recorded_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX feedback_by_owner ON feedback (owner_id, recorded_at);
CREATE INDEX feedback_by_recommendation ON feedback (recommendation_id);
