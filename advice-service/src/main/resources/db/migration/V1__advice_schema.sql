-- Event ids already applied: written in the same transaction as their effect, so that a
-- redelivered record is recognised and skipped.
CREATE TABLE processed_events (
    event_id     TEXT PRIMARY KEY,
    topic        TEXT NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The last profile of each owner (language, guardrail opt-in), from passerelle.owners.v1.
CREATE TABLE owners (
    owner_id   TEXT PRIMARY KEY,
    profile    JSONB NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The newest snapshot of each tie, with the contact's attributes, from passerelle.ties.v1.
-- tie_updated_at orders snapshots: an older one never overwrites a newer one.
CREATE TABLE ties (
    owner_id           TEXT NOT NULL,
    contact_id         TEXT NOT NULL,
    tie_class          TEXT NOT NULL,
    strength           DOUBLE PRECISION NOT NULL,
    previous_tie_class TEXT,
    tie_updated_at     TIMESTAMPTZ NOT NULL,
    tie                JSONB NOT NULL,
    contact            JSONB,
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (owner_id, contact_id)
);

-- Objectives are written through the REST API.
CREATE TABLE objectives (
    owner_id     TEXT NOT NULL,
    objective_id TEXT NOT NULL,
    type         TEXT NOT NULL,
    -- The targets are always read and written whole, as the JSON of Objective.Targets.
    targets      TEXT NOT NULL,
    language     TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (owner_id, objective_id)
);
