-- A replay of the ingestion topics is a job (POST /v1/admin/replay): it rebuilds the projection into
-- tables of a schema of its own (graph_rebuild) while the live projection keeps serving and being
-- applied, and switches them in with one transaction at the end. The job's row says how far it got,
-- so that a crash or restart at any moment leaves the live projection whole and the job resumable.
CREATE TABLE replay_jobs (
    replay_id            uuid        PRIMARY KEY,
    -- QUEUED, RUNNING (rebuilding up to the end offsets as of the start), SWITCHING (catching up, then
    -- the switch), PUBLISHING (every tie of the new projection on passerelle.ties.v1), COMPLETED, FAILED
    state                text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SWITCHING', 'PUBLISHING', 'COMPLETED', 'FAILED')),
    requested_at         timestamptz NOT NULL DEFAULT now(),
    started_at           timestamptz,
    switched_at          timestamptz,
    finished_at          timestamptz,
    -- per "topic-partition": {"reached": the next offset to read, "end": the offset to reach}; written in
    -- the transaction that applied the records before "reached", so a resume reads on from exactly there
    topic_offsets        jsonb       NOT NULL DEFAULT '{}',
    records_read         bigint      NOT NULL DEFAULT 0,
    events_applied       bigint      NOT NULL DEFAULT 0,
    unreadable           bigint      NOT NULL DEFAULT 0,
    refused              bigint      NOT NULL DEFAULT 0,
    ties_published       bigint      NOT NULL DEFAULT 0,
    tombstones_published bigint      NOT NULL DEFAULT 0,
    -- while PUBLISHING: the last key published, {"phase": "ties" | "tombstones", "ownerId", "contactId"}
    publish_cursor       jsonb,
    error                text,
    -- the instance working on the job, until lease_until; another takes the job over once the lease lapsed
    claimed_by           text,
    lease_until          timestamptz,
    attempts             integer     NOT NULL DEFAULT 0
);

-- One active job at a time: a second request while one is active is refused (409), and the rebuild's
-- schema belongs to that job alone.
CREATE UNIQUE INDEX replay_jobs_one_active ON replay_jobs ((true)) WHERE state IN ('QUEUED', 'RUNNING', 'SWITCHING', 'PUBLISHING');
CREATE INDEX replay_jobs_requested_at ON replay_jobs (requested_at DESC);

-- The network-version triggers of V3, written once here: the switch installs them on the rebuilt
-- tables it moves into public (CREATE TABLE ... LIKE does not copy triggers, which is what the rebuild
-- wants: its writes must bump no version of the live projection). Names and functions as in V3.
CREATE FUNCTION install_network_triggers() RETURNS void
    LANGUAGE plpgsql
    AS $$
    BEGIN
        CREATE OR REPLACE TRIGGER ties_added AFTER INSERT ON public.ties REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_rows_added();
        CREATE OR REPLACE TRIGGER ties_updated AFTER UPDATE ON public.ties REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_ties_updated();
        CREATE OR REPLACE TRIGGER ties_removed AFTER DELETE ON public.ties REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_rows_removed();

        CREATE OR REPLACE TRIGGER contacts_added AFTER INSERT ON public.contacts REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_rows_added();
        CREATE OR REPLACE TRIGGER contacts_updated AFTER UPDATE ON public.contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_contacts_updated();
        CREATE OR REPLACE TRIGGER contacts_removed AFTER DELETE ON public.contacts REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_rows_removed();

        CREATE OR REPLACE TRIGGER owners_added AFTER INSERT ON public.owners REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_rows_added();
        CREATE OR REPLACE TRIGGER owners_updated AFTER UPDATE ON public.owners REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_owners_updated();
        CREATE OR REPLACE TRIGGER owners_removed AFTER DELETE ON public.owners REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_owners_removed();
        CREATE OR REPLACE TRIGGER owners_truncated AFTER TRUNCATE ON public.owners
            FOR EACH STATEMENT EXECUTE FUNCTION public.network_owners_truncated();
    END $$;

-- The existing triggers replaced by the same ones, so that this function is their definition from now on.
SELECT install_network_triggers();

-- An empty copy of a projection table of public in another schema: columns (generated ones included),
-- defaults, NOT NULL and CHECK constraints, and the indexes and key constraints under the names they
-- have in public, so that the tables the switch moves into public are named as the migrations know them.
CREATE FUNCTION replay_copy_table(target_schema text, table_name text) RETURNS void
    LANGUAGE plpgsql
    AS $$
    DECLARE
        source regclass := format('public.%I', table_name)::regclass;
        constraint_row record;
        index_row record;
    BEGIN
        EXECUTE format('CREATE TABLE %I.%I (LIKE public.%I INCLUDING ALL EXCLUDING INDEXES)', target_schema, table_name, table_name);
        FOR constraint_row IN
            SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
            WHERE conrelid = source AND contype IN ('p', 'u', 'x') ORDER BY conname
        LOOP
            EXECUTE format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', target_schema, table_name, constraint_row.conname,
                           constraint_row.definition);
        END LOOP;
        FOR index_row IN
            SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
            WHERE i.indrelid = source
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = source)
            ORDER BY i.indexrelid
        LOOP
            -- pg_get_indexdef always qualifies the table: "CREATE INDEX name ON public.table USING ..."
            EXECUTE replace(index_row.definition, format(' ON public.%I ', table_name), format(' ON %I.%I ', target_schema, table_name));
        END LOOP;
    END $$;

-- What the switch compares between a live table and its rebuilt copy: columns with types, NOT NULL,
-- defaults and generation expressions, constraints and indexes. A migration that changed a projection
-- table while a replay was rebuilding makes them differ, and the switch refuses rather than bring in
-- tables of the former shape.
CREATE FUNCTION replay_table_shape(schema_name text, table_name text) RETURNS text
    LANGUAGE sql STABLE
    AS $$
        WITH relation AS (SELECT format('%I.%I', schema_name, table_name)::regclass AS oid)
        SELECT concat_ws(' | ',
            (SELECT string_agg(concat_ws(' ', a.attname, format_type(a.atttypid, a.atttypmod),
                                         CASE WHEN a.attnotnull THEN 'not null' END,
                                         CASE WHEN a.attgenerated <> '' THEN 'generated' END,
                                         pg_get_expr(d.adbin, d.adrelid)), ', ' ORDER BY a.attnum)
             FROM relation r JOIN pg_attribute a ON a.attrelid = r.oid
             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attnum > 0 AND NOT a.attisdropped),
            (SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid), ', ' ORDER BY c.conname)
             FROM relation r JOIN pg_constraint c ON c.conrelid = r.oid),
            (SELECT string_agg(replace(pg_get_indexdef(i.indexrelid), format(' ON %I.', schema_name), ' ON '), ', '
                               ORDER BY pg_get_indexdef(i.indexrelid))
             FROM relation r JOIN pg_index i ON i.indrelid = r.oid))
    $$;
