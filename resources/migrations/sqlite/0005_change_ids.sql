-- 0004 change ids (issue 16): every write transaction of the console carries a uuid, written
-- into each of its audit rows, so that an Apply whose COMMIT went unanswered (the primary
-- died, the connection broke) is looked up after reconnecting: found, it was applied; absent,
-- it was not. NULL in rows written before and in imported logs.
-- Statements are separated by a semicolon at the end of a line.

ALTER TABLE access_logs ADD COLUMN change_id TEXT;
CREATE INDEX idx_access_change_id ON access_logs (change_id);
