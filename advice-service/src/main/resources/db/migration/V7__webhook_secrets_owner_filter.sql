-- Webhook secrets sealed at rest, secret rotation with an overlap, and a filter on owners.
--
-- secret holds, when secret_key_id is set, base64 of the AES-256-GCM nonce, ciphertext and tag of the
-- whsec_ secret under the key named by secret_key_id (io.passerelle.advice.webhook.SecretCipher, the
-- subscription id as associated data). Rows written before this migration keep their secret in clear
-- with secret_key_id NULL: the service still reads them, and seals them at its next start
-- (WebhookSecretSealing), as it seals again every secret under a retired key.
ALTER TABLE webhook_subscriptions
    ADD COLUMN secret_key_id              TEXT,
    -- The secret a rotation replaced: deliveries carry its signature beside the new one until it expires.
    ADD COLUMN previous_secret            TEXT,
    ADD COLUMN previous_secret_key_id     TEXT,
    ADD COLUMN previous_secret_expires_at TIMESTAMPTZ,
    -- NULL: every owner's events; otherwise only the events about these owners.
    ADD COLUMN owner_ids                  TEXT[],
    ADD CONSTRAINT webhook_subscriptions_previous_secret_sealed
        CHECK (previous_secret IS NULL OR (previous_secret_key_id IS NOT NULL AND previous_secret_expires_at IS NOT NULL));
