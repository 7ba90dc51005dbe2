-- The instant at which the tie's class next changes with time alone (STRONG fading to WEAK, a silent
-- tie turning DORMANT), computed whenever the tie is written; null when time alone never changes it.
-- The sweep looks for ties WHERE class_changes_at <= now(), through the partial index.
ALTER TABLE ties ADD COLUMN class_changes_at timestamptz;
CREATE INDEX ties_class_changes_at ON ties (class_changes_at) WHERE class_changes_at IS NOT NULL;

-- Ties written before this column existed are re-evaluated by the first sweep, which sets the real instant.
UPDATE ties SET class_changes_at = now() WHERE interaction_count > 0;
