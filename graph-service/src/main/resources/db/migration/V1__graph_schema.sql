-- Ids of the events already applied, written in the same transaction as their effect:
-- a redelivered event finds its id here and is skipped.
CREATE TABLE processed_events (
    event_id     text        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);

-- An owner is known once any of its events arrived; the profile once it has been sent.
CREATE TABLE owners (
    owner_id      text        PRIMARY KEY,
    profile       jsonb,
    display_name  text,
    sector        text,
    city          text,
    country       text,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL
);

-- The latest state of each contact (API.md Contact) and the columns that are queried.
CREATE TABLE contacts (
    owner_id     text        NOT NULL,
    contact_id   text        NOT NULL,
    contact      jsonb       NOT NULL,
    display_name text        NOT NULL,
    origin       text,
    sector       text,
    company      text,
    city         text,
    country      text,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (owner_id, contact_id)
);

-- One row per tie: the interaction statistics (TieStatistics, from which strength is computed as
-- of any instant) and the class, strength and scale last published on passerelle.ties.v1.
CREATE TABLE ties (
    owner_id             text             NOT NULL,
    contact_id           text             NOT NULL,
    display_name         text             NOT NULL,
    statistics           jsonb            NOT NULL,
    strength             double precision NOT NULL,
    tie_class            text             NOT NULL,
    geographic_scale     text             NOT NULL,
    origin               text,
    interaction_count    bigint           NOT NULL,
    first_interaction_at timestamptz,
    last_interaction_at  timestamptz,
    mutual_contacts      integer          NOT NULL,
    last_event_id        text             NOT NULL,
    updated_at           timestamptz      NOT NULL,
    PRIMARY KEY (owner_id, contact_id)
);
CREATE INDEX ties_owner_strength ON ties (owner_id, strength DESC, contact_id);
