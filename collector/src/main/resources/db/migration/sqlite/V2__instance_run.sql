-- When the reporting JVM started (epoch ms): a restarted agent counts its sequence from 1 again,
-- so a report is newer when it comes from a later run, or from the same run with a higher sequence.
ALTER TABLE instance ADD COLUMN started_at BIGINT NOT NULL DEFAULT 0;
