-- 0007: migration_runs.changes as plain text kept uncompressed out of line. A large run records
-- tens of thousands of created row ids here (megabytes of uuids, which do not compress): as
-- JSON the server parsed every byte and tried to compress it before storing it, about 200 ms
-- for a 66,000-row migration, four times what storing the text costs. The console writes it
-- with its own JSON writer and parses it when it reads it; nothing queries inside it.
-- Statements are separated by a semicolon at the end of a line.

ALTER TABLE migration_runs ALTER COLUMN changes TYPE TEXT;
ALTER TABLE migration_runs ALTER COLUMN changes SET STORAGE EXTERNAL;
