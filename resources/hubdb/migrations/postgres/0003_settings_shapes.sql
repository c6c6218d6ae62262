-- 0003: the shape of each settings-file entity migrated into MCPHub's tables (its keys in file
-- order and its place in the file), in the console's schema: MCPHub's tables hold the values,
-- this holds what makes an export give back the file as it was (keys absent from the file stay
-- absent, explicit defaults stay explicit, the order stays). id is "<top-level key>/<entry
-- key>" ("document/" for the top level).
-- Statements are separated by a semicolon at the end of a line.

CREATE TABLE settings_shapes (
    id TEXT PRIMARY KEY,
    ordinal INTEGER NOT NULL,
    keys TEXT NOT NULL
);
