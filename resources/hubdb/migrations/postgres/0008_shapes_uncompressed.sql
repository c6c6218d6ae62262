-- 0008: settings_shapes.keys kept uncompressed out of line. An entity's shapes row lists every
-- entry of a large file (a megabyte for 50,000 users): the server compressed it as it stored
-- it, about 8 ms of a migration's 20 spent on the shapes, for a row read once per migration or
-- export. The console's own column: MCPHub's tables are never altered.
-- Statements are separated by a semicolon at the end of a line.

ALTER TABLE settings_shapes ALTER COLUMN keys SET STORAGE EXTERNAL;
