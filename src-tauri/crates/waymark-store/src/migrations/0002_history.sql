-- Undo and redo history: each applied batch with its inverse, kept across restarts.
CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    forward TEXT NOT NULL,
    inverse TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX history_by_map ON history (map_id, undone, seq);
