-- 0004 change ids (issue 16), in the console's schema only: every write transaction of the
-- console carries a uuid, written into each of its audit rows (mcphub_admin.access_logs), so
-- that an Apply whose COMMIT went unanswered is looked up after reconnecting: found, it was
-- applied; absent, it was not. NULL in rows written before.
-- Statements are separated by a semicolon at the end of a line.

ALTER TABLE access_logs ADD COLUMN change_id TEXT;
CREATE INDEX idx_access_change_id ON access_logs (change_id);
