-- The history of each owner's diagnostics (GET /v1/owners/{ownerId}/diagnostics/history, and the
-- diagnostics' change since 30 and 90 days): a point whenever a computation stored in the cache gives
-- main figures that differ from the owner's last point, written in the transaction of that cache write
-- (DiagnosticsStore). Only the main figures are kept, as counts (shares are count / contacts):
-- contacts per tie class and per geographic scale, the alter-ego index and Burt's brokerage measures.
CREATE TABLE diagnostics_history (
    id                       bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id                 text             NOT NULL,
    computed_at              timestamptz      NOT NULL,
    contacts                 integer          NOT NULL,
    strong                   integer          NOT NULL,
    weak                     integer          NOT NULL,
    dormant                  integer          NOT NULL,
    nascent                  integer          NOT NULL,
    alter_ego_index          double precision,
    neighbourhood            integer          NOT NULL,
    city                     integer          NOT NULL,
    department               integer          NOT NULL,
    region                   integer          NOT NULL,
    country                  integer          NOT NULL,
    europe                   integer          NOT NULL,
    world                    integer          NOT NULL,
    unknown_scale            integer          NOT NULL,
    brokerage_constraint     double precision,
    brokerage_effective_size double precision,
    brokerage_efficiency     double precision,
    -- How far the thinning has judged the point (diagnostics.HistoryThinning): 0 recent, every point kept;
    -- 1 kept as the last point of its day; 2 kept as the last point of its ISO week. The job looks only
    -- for points that have aged past their stage, through the partial indexes below.
    kept_as                  smallint         NOT NULL DEFAULT 0 CHECK (kept_as IN (0, 1, 2))
);

-- An owner's points in time order: the history endpoint, the point in force 30 and 90 days ago, the last point.
CREATE INDEX diagnostics_history_owner ON diagnostics_history (owner_id, computed_at);
-- The points the thinning must judge next, oldest first, without reading those it has settled.
CREATE INDEX diagnostics_history_every_point ON diagnostics_history (computed_at) WHERE kept_as = 0;
CREATE INDEX diagnostics_history_daily_point ON diagnostics_history (computed_at) WHERE kept_as = 1;

-- Every owner's history starts with its cached diagnostics, when it has some.
INSERT INTO diagnostics_history (owner_id, computed_at, contacts, strong, weak, dormant, nascent, alter_ego_index,
                                 neighbourhood, city, department, region, country, europe, world, unknown_scale,
                                 brokerage_constraint, brokerage_effective_size, brokerage_efficiency)
SELECT owner_id, computed_at,
       coalesce((d ->> 'contacts')::integer, 0),
       coalesce((d -> 'byClass' -> 'STRONG' ->> 'count')::integer, 0),
       coalesce((d -> 'byClass' -> 'WEAK' ->> 'count')::integer, 0),
       coalesce((d -> 'byClass' -> 'DORMANT' ->> 'count')::integer, 0),
       coalesce((d -> 'byClass' -> 'NASCENT' ->> 'count')::integer, 0),
       (d ->> 'alterEgoIndex')::double precision,
       coalesce((d -> 'byScale' -> 'NEIGHBOURHOOD' ->> 'count')::integer, 0),
       coalesce((d -> 'byScale' -> 'CITY' ->> 'count')::integer, 0),
       coalesce((d -> 'byScale' -> 'DEPARTMENT' ->> 'count')::integer, 0),
       coalesce((d -> 'byScale' -> 'REGION' ->> 'count')::integer, 0),
       coalesce((d -> 'byScale' -> 'COUNTRY' ->> 'count')::integer, 0),
       coalesce((d -> 'byScale' -> 'EUROPE' ->> 'count')::integer, 0),
       coalesce((d -> 'byScale' -> 'WORLD' ->> 'count')::integer, 0),
       coalesce((d -> 'byScale' -> 'UNKNOWN' ->> 'count')::integer, 0),
       (d -> 'brokerage' ->> 'constraint')::double precision,
       (d -> 'brokerage' ->> 'effectiveSize')::double precision,
       (d -> 'brokerage' ->> 'efficiency')::double precision
FROM (SELECT owner_id, computed_at, diagnostics::jsonb AS d FROM owner_diagnostics) AS cached;

-- As in V3, plus: an erased owner's history goes with it, in the erasing transaction. After the version
-- row, as the cached entry: a cache write (which records the point) holds that row, so a point written
-- concurrently has committed before the last statement looks for it.
CREATE OR REPLACE FUNCTION network_owners_removed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        DELETE FROM network_versions WHERE owner_id IN (SELECT owner_id FROM old_rows);
        DELETE FROM owner_diagnostics WHERE owner_id IN (SELECT owner_id FROM old_rows);
        DELETE FROM diagnostics_history WHERE owner_id IN (SELECT owner_id FROM old_rows);
        RETURN NULL;
    END $$;

CREATE OR REPLACE FUNCTION network_owners_truncated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        DELETE FROM network_versions;
        DELETE FROM owner_diagnostics;
        DELETE FROM diagnostics_history;
        RETURN NULL;
    END $$;
