-- 0004 hub events: the alerts the console raised about registered hubs (a state turning
-- worse, an error rate above the threshold, a recovery), kept so that they survive a restart
-- and can be acknowledged. title and message are the text shown when the event was raised.
-- kind: state_worse | error_rate | recovered; state: the hub state then (HubSample's names).
-- acknowledged_at/acknowledged_by stay NULL until an administrator acknowledges the event.
-- Timestamps are UTC ISO-8601 text with ms. Removing a hub removes its events.

CREATE TABLE hub_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hub_id INTEGER NOT NULL,
    timestamp TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('state_worse', 'error_rate', 'recovered')),
    state TEXT,
    title TEXT NOT NULL,
    message TEXT NOT NULL,
    acknowledged_at TEXT,
    acknowledged_by TEXT
);
CREATE INDEX idx_hub_events_time ON hub_events (timestamp);
CREATE INDEX idx_hub_events_hub_ack ON hub_events (hub_id, acknowledged_at);
