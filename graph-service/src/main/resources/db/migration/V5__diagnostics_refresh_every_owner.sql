-- The background refresh recomputes the diagnostics of every owner whose network changed, not only
-- of owners who asked once, so that even a first request is answered from the cache. What it needs
-- to know per owner lives beside the version, on network_versions:
--   diagnosed_version      the version the cached diagnostics were computed from (null: none yet);
--   stale_since            when the network first changed after it was last diagnosed (a network
--                          that never rests is still refreshed after refresh.max-age);
--   refresh_claimed_until  an instance recomputing the owner holds it until then (here rather than on
--                          owner_diagnostics: an owner never diagnosed has no entry to claim).
ALTER TABLE network_versions
    ADD COLUMN diagnosed_version     bigint,
    ADD COLUMN stale_since           timestamptz,
    ADD COLUMN refresh_claimed_until timestamptz;

UPDATE network_versions v SET diagnosed_version = d.network_version
FROM owner_diagnostics d WHERE d.owner_id = v.owner_id;

UPDATE network_versions SET stale_since = changed_at WHERE diagnosed_version IS DISTINCT FROM version;

-- owner_diagnostics.refresh_claimed_until is no longer read or written, but stays: instances of the
-- previous version, still serving during a rolling upgrade, write it with every cache entry. A later
-- migration may drop it once no such instance can remain.

-- The owners waiting for a refresh, found without reading those that are current.
CREATE INDEX network_versions_stale ON network_versions (changed_at) WHERE diagnosed_version IS DISTINCT FROM version;

-- As in V3, plus: a network that was current becomes stale now; one already stale stays stale since then.
CREATE OR REPLACE FUNCTION bump_network_versions(owner_ids text[]) RETURNS void
    LANGUAGE sql
    AS $$
        INSERT INTO network_versions (owner_id, version, changed_at, stale_since)
        SELECT o, nextval('network_version_seq'), now(), now()
        FROM (SELECT DISTINCT o FROM unnest(owner_ids) AS u(o) WHERE o IS NOT NULL ORDER BY o) AS owners
        ON CONFLICT (owner_id) DO UPDATE SET
            version = EXCLUDED.version,
            changed_at = EXCLUDED.changed_at,
            stale_since = CASE WHEN network_versions.diagnosed_version IS DISTINCT FROM network_versions.version
                               THEN coalesce(network_versions.stale_since, EXCLUDED.stale_since)
                               ELSE EXCLUDED.stale_since END
    $$;
