-- 0001 initial: MCPHub's data (users, servers, groups, bearer keys, system configuration,
-- user configurations, OAuth clients and tokens, built-in prompts and resources), the usage
-- log and the console's audit trail (access_logs).
--
-- Nothing of a settings file may be lost (MCPHub's own database mode drops what it has no
-- column for). Hence, on every entity:
--   extra      JSON object of the keys this version does not know, in their file order;
--   key_order  JSON array of the entity's keys as they appeared in the file (presence and
--              order: an absent "enabled" is not the same as "enabled": true);
--   ordinal    the entity's position in its array or map in the file.
-- JSON columns hold the JSON text exactly as written (TEXT here, json on PostgreSQL; never
-- jsonb, which reorders keys). Timestamps are UTC ISO-8601 text with milliseconds.
-- Statements are separated by a semicolon at the end of a line.

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    password TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'active',
    email TEXT,
    full_name TEXT,
    access_token TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_login_at TEXT,
    last_activity TEXT,
    extra TEXT,
    key_order TEXT,
    ordinal INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mcp_servers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    description TEXT,
    command TEXT,
    args TEXT,
    url TEXT,
    env TEXT,
    headers TEXT,
    passthrough_headers TEXT,
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    owner TEXT,
    enable_keep_alive INTEGER CHECK (enable_keep_alive IN (0, 1)),
    keep_alive_interval INTEGER,
    tools TEXT,
    prompts TEXT,
    resources TEXT,
    options TEXT,
    proxy TEXT,
    oauth TEXT,
    openapi TEXT,
    extra TEXT,
    key_order TEXT,
    ordinal INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    servers TEXT NOT NULL DEFAULT '[]',
    owner TEXT,
    extra TEXT,
    key_order TEXT,
    ordinal INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_groups_name ON groups (name);

CREATE TABLE bearer_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    access_type TEXT NOT NULL DEFAULT 'all',
    allowed_groups TEXT,
    allowed_servers TEXT,
    extra TEXT,
    key_order TEXT,
    ordinal INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- One row per key of systemConfig (routing, install, smartRouting, ...): the value as JSON.
CREATE TABLE system_config (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    ordinal INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- One row per username of userConfigs: the whole value as JSON.
CREATE TABLE user_configs (
    username TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    ordinal INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE oauth_clients (
    client_id TEXT PRIMARY KEY,
    client_secret TEXT,
    name TEXT NOT NULL,
    redirect_uris TEXT NOT NULL DEFAULT '[]',
    grants TEXT NOT NULL DEFAULT '[]',
    scopes TEXT,
    owner TEXT,
    metadata TEXT,
    extra TEXT,
    key_order TEXT,
    ordinal INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Expiry dates stay the text the file holds, so that they come back byte for byte.
CREATE TABLE oauth_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    access_token TEXT NOT NULL UNIQUE,
    access_token_expires_at TEXT,
    refresh_token TEXT UNIQUE,
    refresh_token_expires_at TEXT,
    scope TEXT,
    client_id TEXT NOT NULL,
    username TEXT NOT NULL,
    extra TEXT,
    key_order TEXT,
    ordinal INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_oauth_tokens_client ON oauth_tokens (client_id);
CREATE INDEX idx_oauth_tokens_username ON oauth_tokens (username);

CREATE TABLE prompts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    title TEXT,
    description TEXT,
    template TEXT NOT NULL,
    arguments TEXT,
    enabled INTEGER CHECK (enabled IN (0, 1)),
    extra TEXT,
    key_order TEXT,
    ordinal INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE resources (
    id TEXT PRIMARY KEY,
    uri TEXT NOT NULL,
    name TEXT,
    description TEXT,
    mime_type TEXT,
    content TEXT NOT NULL,
    enabled INTEGER CHECK (enabled IN (0, 1)),
    extra TEXT,
    key_order TEXT,
    ordinal INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The settings document itself: its top-level key order, its unknown top-level keys and
-- how it was written (indent, final newline), so that an export can reproduce it.
CREATE TABLE settings_document (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    key_order TEXT,
    extra TEXT,
    format TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE mcp_usage_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp TEXT NOT NULL,
    username TEXT,
    server_name TEXT NOT NULL,
    tool_name TEXT NOT NULL,
    success INTEGER NOT NULL CHECK (success IN (0, 1)),
    arguments TEXT,
    error_message TEXT,
    duration INTEGER,
    ip TEXT,
    user_agent TEXT,
    session_id TEXT
);
CREATE INDEX idx_usage_timestamp ON mcp_usage_logs (timestamp);
CREATE INDEX idx_usage_server_timestamp ON mcp_usage_logs (server_name, timestamp);
CREATE INDEX idx_usage_tool ON mcp_usage_logs (tool_name);
CREATE INDEX idx_usage_success ON mcp_usage_logs (success);

-- The console's audit trail: one row per change made through the console or the CLI.
CREATE TABLE access_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    timestamp TEXT NOT NULL,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    resource TEXT NOT NULL,
    method TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    ip TEXT,
    user_agent TEXT,
    duration INTEGER,
    details TEXT
);
CREATE INDEX idx_access_timestamp ON access_logs (timestamp);
CREATE INDEX idx_access_resource ON access_logs (resource, timestamp);
