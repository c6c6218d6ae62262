-- 0005 change outbox (issue 16): the Redis notifications of committed changes, written in the
-- same transaction as the change, so that none is lost while Redis is down. The deliverer
-- (RedisOutbox) sends them in id order, at least once, and deletes each one sent.
-- redis_key is the config:update "key", payload the whole message (JSON). Self-contained.
-- (0004 is left to the change ids of the audit trail, issue 16.)

CREATE TABLE change_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id TEXT NOT NULL,
    redis_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
);
