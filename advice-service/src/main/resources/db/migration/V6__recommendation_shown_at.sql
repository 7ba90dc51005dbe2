-- When a recommendation was first shown: returned by the recommendations API, or its
-- recommendation.issued webhook delivered (2xx). Effectiveness counts only shown recommendations
-- (DOMAIN.md section 5, "Measured"); kept across re-issued versions of the same recommendation.
-- Recommendations issued before this column existed stay unshown.
ALTER TABLE recommendations ADD COLUMN shown_at TIMESTAMPTZ;
