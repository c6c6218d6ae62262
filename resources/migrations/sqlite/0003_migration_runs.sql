-- 0003 migration runs: the history of settings-file migrations, rollbacks and exports.
-- counts/report are JSON objects; changes is the JSON array of the rows a run wrote, each
-- {"table", "key", "before" (null when inserted), "after"}, so that a run can be rolled back
-- and a rollback can tell whether a later change touched the same rows.
-- Self-contained: it depends on 0001 only.

CREATE TABLE migration_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL DEFAULT 'migrate' CHECK (kind IN ('migrate', 'rollback')),
    source_path TEXT,
    source_sha256 TEXT,
    target TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('completed', 'failed', 'cancelled', 'rolled-back')),
    actor TEXT NOT NULL,
    counts TEXT,
    report TEXT,
    changes TEXT,
    rollback_of INTEGER REFERENCES migration_runs (id)
);
CREATE INDEX idx_migration_runs_started ON migration_runs (started_at);
