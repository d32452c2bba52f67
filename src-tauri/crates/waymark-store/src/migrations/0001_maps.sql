-- The map library: maps and everything on them. Ids are unique within their map.
PRAGMA application_id = 1465470283; -- "WYMK": marks the file as a Waymark library

CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE maps (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE personas (
    map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '',
    needs TEXT NOT NULL DEFAULT '',
    frustrations TEXT NOT NULL DEFAULT '',
    quote TEXT NOT NULL DEFAULT '',
    colour TEXT NOT NULL,
    PRIMARY KEY (map_id, id)
) STRICT;

CREATE TABLE stages (
    map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    colour TEXT,
    PRIMARY KEY (map_id, id)
) STRICT;

CREATE TABLE lanes (
    map_id TEXT NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('actions', 'thoughts', 'touchpoints', 'emotions',
        'pain_points', 'opportunities', 'kpis', 'backstage', 'notes', 'custom')),
    title TEXT NOT NULL,
    PRIMARY KEY (map_id, id)
) STRICT;

CREATE TABLE cards (
    map_id TEXT NOT NULL,
    id TEXT NOT NULL,
    stage_id TEXT NOT NULL,
    lane_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    channel TEXT,
    severity INTEGER CHECK (severity BETWEEN 1 AND 5),
    impact INTEGER CHECK (impact BETWEEN 1 AND 5),
    effort INTEGER CHECK (effort BETWEEN 1 AND 5),
    metric_value TEXT,
    metric_target TEXT,
    colour TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (map_id, id),
    FOREIGN KEY (map_id, stage_id) REFERENCES stages (map_id, id) ON DELETE CASCADE,
    FOREIGN KEY (map_id, lane_id) REFERENCES lanes (map_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX cards_by_cell ON cards (map_id, stage_id, lane_id, position);
CREATE INDEX cards_by_lane ON cards (map_id, lane_id);

CREATE TABLE emotions (
    map_id TEXT NOT NULL,
    persona_id TEXT NOT NULL,
    stage_id TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('current', 'future')),
    score INTEGER NOT NULL CHECK (score BETWEEN -2 AND 2),
    note TEXT,
    PRIMARY KEY (map_id, persona_id, stage_id, state),
    FOREIGN KEY (map_id, persona_id) REFERENCES personas (map_id, id) ON DELETE CASCADE,
    FOREIGN KEY (map_id, stage_id) REFERENCES stages (map_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX emotions_by_stage ON emotions (map_id, stage_id);
