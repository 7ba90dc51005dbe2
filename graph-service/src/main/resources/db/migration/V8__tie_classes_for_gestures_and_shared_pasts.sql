-- The class rules changed: a contact without exchange that shares a past with its owner (a school mate,
-- a former colleague, family, a friend, a neighbour), declares closeness or connected more than two
-- years ago is DORMANT rather than NASCENT; a recent connection turns DORMANT two years after connecting;
-- dormancy counts from the last substantive exchange (gestures do not wake a tie); origins are inferred
-- for contacts that come without one. The classes stored and the instants scheduled under the former
-- rules are stale: every tie is made due, and the first sweeps re-evaluate them all, publish the classes
-- that moved and store each tie's next instant under the new rules.
UPDATE ties SET class_changes_at = now();
