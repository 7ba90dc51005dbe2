-- What is kept of each erasure so that a replay of the topics, or an event recorded before the
-- erasure but consumed after it, cannot bring the person back: SHA-256 hashes (hex) of the owner id
-- and of "ownerId/contactId" (null for the whole owner), never an id in clear, and the broker
-- timestamp of the erasure record. Events of that scope recorded at or before it are not applied.
-- A replay empties the projection but never this table.
CREATE TABLE erasure_markers (
    owner_hash   text        NOT NULL,
    contact_hash text,
    erased_as_of timestamptz NOT NULL
);
-- One marker per scope (PostgreSQL 14 has no NULLS NOT DISTINCT): the whole owner is the empty contact hash.
CREATE UNIQUE INDEX erasure_markers_scope ON erasure_markers (owner_hash, (coalesce(contact_hash, '')));
