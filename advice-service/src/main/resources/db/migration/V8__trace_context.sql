-- The W3C traceparent of the event that caused a row, so that what a scheduled job does later with
-- it (recompute an owner, publish an outbox event, send a webhook) stays in that event's trace.
-- Null for rows without a traced cause; nothing reads these columns but the tracing.
ALTER TABLE owner_recompute ADD COLUMN traceparent TEXT;
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
ALTER TABLE webhook_deliveries ADD COLUMN traceparent TEXT;
