-- 0002 hubs: the hub registry, the samples the poller takes of each hub (raw, then 1-minute
-- and 1-hour aggregates as they age), the per-server status of each raw sample, the
-- monitoring settings, and the link from a synced usage-log row to the hub's activity id.
-- No secret is stored here: hub passwords and bearer keys live in the OS keychain
-- (service "mcphub-admin", key "hub/<name>"). Timestamps are UTC ISO-8601 text with ms.

CREATE TABLE hubs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    base_url TEXT NOT NULL,
    auth_kind TEXT NOT NULL CHECK (auth_kind IN ('none', 'password', 'bearer')),
    username TEXT,
    poll_interval_ms INTEGER NOT NULL CHECK (poll_interval_ms >= 1000),
    timeout_ms INTEGER NOT NULL CHECK (timeout_ms >= 100),
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    trusted_fingerprint TEXT,
    -- where the activity sync resumes: the newest row taken and the ids taken at that instant
    activity_cursor_at TEXT,
    activity_cursor_ids TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- resolution: 0 = one poll, 60 = one-minute aggregate, 3600 = one-hour aggregate.
-- Aggregates keep the worst state of their bucket, averages of the gauges and the last value
-- of the hub's cumulative activity counters; sample_count says how many polls they cover.
CREATE TABLE hub_samples (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hub_id INTEGER NOT NULL,
    timestamp TEXT NOT NULL,
    resolution INTEGER NOT NULL DEFAULT 0,
    sample_count INTEGER NOT NULL DEFAULT 1,
    state TEXT NOT NULL,
    health_message TEXT,
    version TEXT,
    servers_total INTEGER NOT NULL DEFAULT 0,
    servers_connected INTEGER NOT NULL DEFAULT 0,
    servers_disconnected INTEGER NOT NULL DEFAULT 0,
    latency_ms INTEGER,
    tools_total INTEGER,
    users_total INTEGER,
    activities_available INTEGER NOT NULL DEFAULT 0 CHECK (activities_available IN (0, 1)),
    calls_total INTEGER,
    calls_success INTEGER,
    calls_error INTEGER,
    avg_duration_ms INTEGER,
    last_error TEXT
);
CREATE INDEX idx_hub_samples_hub_time ON hub_samples (hub_id, timestamp);
CREATE INDEX idx_hub_samples_time ON hub_samples (resolution, timestamp);

-- What /api/servers said in one raw sample.
CREATE TABLE hub_server_status (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sample_id INTEGER NOT NULL,
    hub_id INTEGER NOT NULL,
    timestamp TEXT NOT NULL,
    server_name TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    tool_count INTEGER NOT NULL DEFAULT 0,
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
);
CREATE INDEX idx_hub_server_status_sample ON hub_server_status (sample_id);
CREATE INDEX idx_hub_server_status_hub_time ON hub_server_status (hub_id, timestamp);

-- Monitoring settings (retention, alert thresholds): one row per key, the value as text.
CREATE TABLE hub_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A usage-log row synced from a hub names the hub and the hub's own activity id; the unique
-- index keeps a re-read page from adding a row twice (rows written by other means have NULLs).
ALTER TABLE mcp_usage_logs ADD COLUMN hub_name TEXT;
ALTER TABLE mcp_usage_logs ADD COLUMN hub_activity_id TEXT;
CREATE UNIQUE INDEX idx_usage_hub_activity ON mcp_usage_logs (hub_name, hub_activity_id);
CREATE INDEX idx_usage_hub_timestamp ON mcp_usage_logs (hub_name, timestamp);
