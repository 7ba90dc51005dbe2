-- Diagnostics of a network of tens of thousands of contacts must not parse every contact document:
-- the attributes they read are kept in columns of their own, and their result is cached per owner.

-- 1. The contact attributes the diagnostics read, beside origin, sector, company and city (written by
-- the projection since V1): derived by PostgreSQL from the stored document whenever it is written,
-- so that no writer can forget them.
CREATE FUNCTION contact_text_array(value jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN jsonb_typeof(value) = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(value)) END $$;

ALTER TABLE contacts
    ADD COLUMN source             text   GENERATED ALWAYS AS (contact ->> 'source') STORED,
    ADD COLUMN relation_contexts  text[] GENERATED ALWAYS AS (contact_text_array(contact -> 'relationContexts')) STORED,
    ADD COLUMN past_companies     text[] GENERATED ALWAYS AS (contact_text_array(contact -> 'pastCompanies')) STORED,
    ADD COLUMN schools            text[] GENERATED ALWAYS AS (contact_text_array(contact -> 'schools')) STORED,
    ADD COLUMN mutual_contact_ids text[] GENERATED ALWAYS AS (contact_text_array(contact -> 'mutualContactIds')) STORED;

-- 2. A version per owner, changed in the same transaction as anything the diagnostics read: the set of
-- ties, a tie's class or scale, a contact's diagnosed attributes, the owner's profile. Values come
-- from a sequence and are never reused, so "the cached version equals the current one" is exact even
-- across an owner's erasure and recreation. Triggers bump it, so that every writer (the projection,
-- the sweep, erasures, the replay) does so without having to remember.
CREATE SEQUENCE network_version_seq;

CREATE TABLE network_versions (
    owner_id   text        PRIMARY KEY,
    version    bigint      NOT NULL,
    -- when the version last changed: the background refresh waits for a quiet period after it
    changed_at timestamptz NOT NULL
);

-- 3. The diagnostics last computed per owner (the answer's JSON, computedAt included), with the
-- version of the network they were computed from. A table, not memory, so that every instance
-- answers from it.
CREATE TABLE owner_diagnostics (
    owner_id              text        PRIMARY KEY,
    network_version       bigint      NOT NULL,
    diagnostics           text        NOT NULL,
    computed_at           timestamptz NOT NULL,
    -- an instance recomputing the entry in the background holds it until then, so that others skip it
    refresh_claimed_until timestamptz
);

CREATE FUNCTION bump_network_versions(owner_ids text[]) RETURNS void
    LANGUAGE sql
    AS $$
        INSERT INTO network_versions (owner_id, version, changed_at)
        SELECT o, nextval('network_version_seq'), now()
        FROM (SELECT DISTINCT o FROM unnest(owner_ids) AS u(o) WHERE o IS NOT NULL ORDER BY o) AS owners
        ON CONFLICT (owner_id) DO UPDATE SET version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
    $$;

-- Rows added or removed (ties, contacts, owners): their owners' networks changed.
CREATE FUNCTION network_rows_added() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        PERFORM bump_network_versions(ARRAY(SELECT owner_id FROM new_rows));
        RETURN NULL;
    END $$;

CREATE FUNCTION network_rows_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        PERFORM bump_network_versions(ARRAY(SELECT owner_id FROM old_rows));
        RETURN NULL;
    END $$;

-- Updated ties: only a change of class or scale changes the diagnostics. The sweep rewrites the
-- schedule and strength of ties whose class stays: that changes nothing here.
CREATE FUNCTION network_ties_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        PERFORM bump_network_versions(ARRAY(
            SELECT n.owner_id FROM new_rows n JOIN old_rows o ON o.owner_id = n.owner_id AND o.contact_id = n.contact_id
            WHERE n.tie_class IS DISTINCT FROM o.tie_class OR n.geographic_scale IS DISTINCT FROM o.geographic_scale));
        RETURN NULL;
    END $$;

-- Updated contacts: only a change of an attribute the diagnostics read (NetworkStore.network) counts.
CREATE FUNCTION network_contacts_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        PERFORM bump_network_versions(ARRAY(
            SELECT n.owner_id FROM new_rows n JOIN old_rows o ON o.owner_id = n.owner_id AND o.contact_id = n.contact_id
            WHERE (n.origin, n.source, n.sector, n.city, n.company, n.past_companies, n.schools, n.relation_contexts,
                   n.mutual_contact_ids)
                  IS DISTINCT FROM
                  (o.origin, o.source, o.sector, o.city, o.company, o.past_companies, o.schools, o.relation_contexts,
                   o.mutual_contact_ids)));
        RETURN NULL;
    END $$;

-- Updated owners: the profile is what the contacts are compared with.
CREATE FUNCTION network_owners_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        PERFORM bump_network_versions(ARRAY(
            SELECT n.owner_id FROM new_rows n JOIN old_rows o ON o.owner_id = n.owner_id
            WHERE n.profile IS DISTINCT FROM o.profile));
        RETURN NULL;
    END $$;

-- An erased owner leaves nothing behind: its version and its cached diagnostics go with it. The
-- version row goes first: a cache write holds it shared (DiagnosticsStore), so an entry written
-- concurrently has committed before the second statement looks for it.
CREATE FUNCTION network_owners_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        DELETE FROM network_versions WHERE owner_id IN (SELECT owner_id FROM old_rows);
        DELETE FROM owner_diagnostics WHERE owner_id IN (SELECT owner_id FROM old_rows);
        RETURN NULL;
    END $$;

CREATE FUNCTION network_owners_truncated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        DELETE FROM network_versions;
        DELETE FROM owner_diagnostics;
        RETURN NULL;
    END $$;

CREATE TRIGGER ties_added AFTER INSERT ON ties REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_rows_added();
CREATE TRIGGER ties_updated AFTER UPDATE ON ties REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_ties_updated();
CREATE TRIGGER ties_removed AFTER DELETE ON ties REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_rows_removed();

CREATE TRIGGER contacts_added AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_rows_added();
CREATE TRIGGER contacts_updated AFTER UPDATE ON contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_contacts_updated();
CREATE TRIGGER contacts_removed AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_rows_removed();

CREATE TRIGGER owners_added AFTER INSERT ON owners REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_rows_added();
CREATE TRIGGER owners_updated AFTER UPDATE ON owners REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_owners_updated();
CREATE TRIGGER owners_removed AFTER DELETE ON owners REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION network_owners_removed();
CREATE TRIGGER owners_truncated AFTER TRUNCATE ON owners
    FOR EACH STATEMENT EXECUTE FUNCTION network_owners_truncated();

INSERT INTO network_versions (owner_id, version, changed_at)
SELECT owner_id, nextval('network_version_seq'), now() FROM owners;
