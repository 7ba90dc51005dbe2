-- The diagnostics' meaning changed without any network changing: sectors are compared as the
-- vocabulary's canonical sectors, Blau's index is normalised by the attribute's categories in the
-- population (or not at all), brokerage is null below the share of contacts with mutual-contact
-- data, and the answer carries a summary. Every owner's version is bumped, so that no cached answer
-- of the former rules is served and the background refresh recomputes each network (and records a
-- history point where a main figure moved, a brokerage now unknown included).
SELECT bump_network_versions(ARRAY(SELECT owner_id FROM network_versions));
