-- Tie reads in O(page): a page of ties is read through an index in the stored order, and the stored
-- strength is kept fresh by the sweep, which re-scores every tie whose score is older than
-- passerelle.graph.sweep.rescore-after (README, "Tie reads").
--
-- scored_at is the instant the stored strength and class were computed as of. Until now the
-- projection and the sweep wrote strength and updated_at together (the sweep only when the class
-- moved), so updated_at is that instant for every existing row.
ALTER TABLE ties ADD COLUMN scored_at timestamptz;
UPDATE ties SET scored_at = updated_at;
ALTER TABLE ties ALTER COLUMN scored_at SET NOT NULL, ALTER COLUMN scored_at SET DEFAULT now();

-- The sweep claims the stalest scores first.
CREATE INDEX ties_scored_at ON ties (scored_at);
-- A page of one class, or of one scale, in the listing order (ties_owner_strength serves the others).
CREATE INDEX ties_owner_class_strength ON ties (owner_id, tie_class, strength DESC, contact_id);
CREATE INDEX ties_owner_scale_strength ON ties (owner_id, geographic_scale, strength DESC, contact_id);
