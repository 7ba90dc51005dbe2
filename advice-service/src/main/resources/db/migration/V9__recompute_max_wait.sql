-- An owner marked due for a recompute is pushed back by each later change (a trailing debounce), but
-- never beyond advice.recompute.max-wait after the first change not yet recomputed: first_marked_at.
-- Rows already waiting keep their due time: as if their first change came at it.
ALTER TABLE owner_recompute ADD COLUMN first_marked_at TIMESTAMPTZ;
UPDATE owner_recompute SET first_marked_at = due_at;
ALTER TABLE owner_recompute ALTER COLUMN first_marked_at SET NOT NULL, ALTER COLUMN first_marked_at SET DEFAULT now();
