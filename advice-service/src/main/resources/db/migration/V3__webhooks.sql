-- Webhook subscriptions of the calling platforms (Standard Webhooks 1.0). A subscription receives
-- every event of the types it names; a 410 Gone from its url disables it (disabled_reason says why).
CREATE TABLE webhook_subscriptions (
    id              TEXT PRIMARY KEY,
    url             TEXT NOT NULL,
    event_types     TEXT[] NOT NULL,
    secret          TEXT NOT NULL,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    disabled_reason TEXT,
    disabled_at     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per event and subscription, written in the transaction that issues or withdraws the
-- recommendation (or applies the tie change). webhook_id is the Standard Webhooks id, the same on
-- every attempt. payload is the exact body sent. owner_id and contact_id are there so that an
-- erasure deletes the owner's or the contact's deliveries with a plain DELETE.
-- A sender claims due rows with FOR UPDATE SKIP LOCKED and sets locked_until (a lease) and
-- claim_token: another instance skips the row until the lease ends, and the sender records the
-- outcome only if its token is still there, so a late sender never overwrites a newer claim.
CREATE TABLE webhook_deliveries (
    webhook_id       TEXT PRIMARY KEY,
    subscription_id  TEXT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event_id         TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    owner_id         TEXT NOT NULL,
    contact_id       TEXT,
    payload          TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    locked_until     TIMESTAMPTZ,
    claim_token      TEXT,
    last_status_code INTEGER,
    last_error       TEXT,
    last_attempt_at  TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at DESC);
CREATE INDEX webhook_deliveries_by_contact ON webhook_deliveries (owner_id, contact_id);

-- The outcome of every attempt, for operators: status code or error, and how long it took.
CREATE TABLE webhook_attempts (
    webhook_id   TEXT NOT NULL REFERENCES webhook_deliveries (webhook_id) ON DELETE CASCADE,
    attempt      INTEGER NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    duration_ms  BIGINT NOT NULL,
    PRIMARY KEY (webhook_id, attempt)
);
