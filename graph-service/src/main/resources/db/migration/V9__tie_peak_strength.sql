-- The strongest each tie has been, and when (API.md Tie.peakStrength, peakStrengthAt): folded by the
-- projection as interactions arrive (tie-model's TieHistory), written with every tie it writes, by the
-- live projection and by a replay's rebuild alike.
--
-- Rows written before this migration have none (NULL): they are read, published and folded on from the
-- strength as of their last interaction (TieHistory.withoutRecordedPeak), which is all their stored
-- statistics can tell; a replay (POST /v1/admin/replay) folds their interactions again and records the
-- peak they really reached, along with the substantive and reciprocated instants their statistics lack.
-- A tie without any interaction has peak 0 and no instant.
ALTER TABLE ties
    ADD COLUMN peak_strength    double precision CHECK (peak_strength BETWEEN 0 AND 1),
    ADD COLUMN peak_strength_at timestamptz;
