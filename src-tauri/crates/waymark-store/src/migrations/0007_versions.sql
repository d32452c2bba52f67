-- Versions: named moments of a map, made by hand or when something happened to it (an export,
-- an import replacing it, a restore, a merge, or the copy a file brought). Each holds the whole
-- map (encoded compactly, see versions.rs), and the ids of the versions it descends from, newest
-- first, which files carry too.
CREATE TABLE versions (
    id TEXT PRIMARY KEY NOT NULL,
    map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    made TEXT NOT NULL CHECK (made IN ('hand', 'export', 'import', 'restore', 'merge', 'received')),
    created_at INTEGER NOT NULL,
    stages INTEGER NOT NULL,
    lanes INTEGER NOT NULL,
    cards INTEGER NOT NULL,
    personas INTEGER NOT NULL,
    parents TEXT NOT NULL DEFAULT '[]',
    document BLOB NOT NULL
) STRICT;
CREATE INDEX versions_by_map ON versions (map_id, created_at);
