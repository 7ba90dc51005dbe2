-- A replay's rebuild fills its tables with their key constraints only (each batch reads its ties and
-- upserts them through the primary keys) and builds their other indexes once, when it has read up to
-- the end offsets as of its start. Maintained row by row, the six other indexes of ties made each of
-- the rebuild's tie upserts about three times as costly: a non-HOT update of every index per tie, and
-- the write-ahead log to match.

-- As V7's, less the indexes that back no constraint: replay_copy_indexes builds those.
CREATE OR REPLACE FUNCTION replay_copy_table(target_schema text, table_name text) RETURNS void
    LANGUAGE plpgsql
    AS $$
    DECLARE
        source regclass := format('public.%I', table_name)::regclass;
        constraint_row record;
    BEGIN
        EXECUTE format('CREATE TABLE %I.%I (LIKE public.%I INCLUDING ALL EXCLUDING INDEXES)', target_schema, table_name, table_name);
        FOR constraint_row IN
            SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
            WHERE conrelid = source AND contype IN ('p', 'u', 'x') ORDER BY conname
        LOOP
            EXECUTE format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', target_schema, table_name, constraint_row.conname,
                           constraint_row.definition);
        END LOOP;
    END $$;

-- The indexes of public's table that back no constraint, built on the copy under the same names;
-- those it already has are left alone (a copy made before V13 has them all).
CREATE FUNCTION replay_copy_indexes(target_schema text, table_name text) RETURNS void
    LANGUAGE plpgsql
    AS $$
    DECLARE
        source regclass := format('public.%I', table_name)::regclass;
        index_row record;
    BEGIN
        FOR index_row IN
            SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
            WHERE i.indrelid = source
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = source)
            ORDER BY i.indexrelid
        LOOP
            -- pg_get_indexdef always qualifies the table: "CREATE [UNIQUE] INDEX name ON public.table USING ..."
            EXECUTE regexp_replace(
                replace(index_row.definition, format(' ON public.%I ', table_name), format(' ON %I.%I ', target_schema, table_name)),
                '^CREATE (UNIQUE )?INDEX ', 'CREATE \1INDEX IF NOT EXISTS ');
        END LOOP;
    END $$;
