-- Search across the library: every map's title and description, card texts, personas, stage and
-- lane names and curve notes, in one full-text index. Triggers keep it in step with the rows, so
-- it changes in the same transaction as they do.
--
-- `search_items` says what each indexed text belongs to; its `id` is the text's rowid in
-- `search_text`, and stays the same through VACUUM. The trigram tokenizer finds any part of a
-- word (as Find in map does), in every script, without regard to case or accents.
CREATE TABLE search_items (
    id INTEGER PRIMARY KEY,
    map_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('map', 'card', 'persona', 'stage', 'lane', 'note')),
    item_id TEXT NOT NULL,
    UNIQUE (map_id, kind, item_id)
) STRICT;

CREATE VIRTUAL TABLE search_text USING fts5(
    text,
    tokenize = 'trigram remove_diacritics 1'
);

CREATE TRIGGER search_forget_item AFTER DELETE ON search_items BEGIN
    DELETE FROM search_text WHERE rowid = old.id;
END;

-- Maps: the title, then the description.
CREATE TRIGGER search_map_added AFTER INSERT ON maps BEGIN
    INSERT INTO search_items (map_id, kind, item_id) VALUES (new.id, 'map', new.id);
    INSERT INTO search_text (rowid, text) VALUES (last_insert_rowid(),
        new.title || char(10) || new.description);
END;
CREATE TRIGGER search_map_changed AFTER UPDATE OF title, description ON maps
WHEN old.title IS NOT new.title OR old.description IS NOT new.description BEGIN
    UPDATE search_text SET text = new.title || char(10) || new.description
    WHERE rowid = (SELECT id FROM search_items
        WHERE map_id = old.id AND kind = 'map' AND item_id = old.id);
END;
CREATE TRIGGER search_map_removed AFTER DELETE ON maps BEGIN
    DELETE FROM search_items WHERE map_id = old.id;
END;

-- Cards: their text.
CREATE TRIGGER search_card_added AFTER INSERT ON cards BEGIN
    INSERT INTO search_items (map_id, kind, item_id) VALUES (new.map_id, 'card', new.id);
    INSERT INTO search_text (rowid, text) VALUES (last_insert_rowid(), new.text);
END;
CREATE TRIGGER search_card_changed AFTER UPDATE OF text ON cards
WHEN old.text IS NOT new.text BEGIN
    UPDATE search_text SET text = new.text
    WHERE rowid = (SELECT id FROM search_items
        WHERE map_id = old.map_id AND kind = 'card' AND item_id = old.id);
END;
CREATE TRIGGER search_card_removed AFTER DELETE ON cards BEGIN
    DELETE FROM search_items WHERE map_id = old.map_id AND kind = 'card' AND item_id = old.id;
END;

-- Personas: the name, then each detail on its own line.
CREATE TRIGGER search_persona_added AFTER INSERT ON personas BEGIN
    INSERT INTO search_items (map_id, kind, item_id) VALUES (new.map_id, 'persona', new.id);
    INSERT INTO search_text (rowid, text) VALUES (last_insert_rowid(),
        concat_ws(char(10), new.name, new.role, new.goals, new.needs, new.frustrations,
            new.quote));
END;
CREATE TRIGGER search_persona_changed
AFTER UPDATE OF name, role, goals, needs, frustrations, quote ON personas
WHEN concat_ws(char(10), old.name, old.role, old.goals, old.needs, old.frustrations, old.quote)
    IS NOT concat_ws(char(10), new.name, new.role, new.goals, new.needs, new.frustrations,
        new.quote) BEGIN
    UPDATE search_text SET text = concat_ws(char(10), new.name, new.role, new.goals, new.needs,
        new.frustrations, new.quote)
    WHERE rowid = (SELECT id FROM search_items
        WHERE map_id = old.map_id AND kind = 'persona' AND item_id = old.id);
END;
CREATE TRIGGER search_persona_removed AFTER DELETE ON personas BEGIN
    DELETE FROM search_items
    WHERE map_id = old.map_id AND kind = 'persona' AND item_id = old.id;
END;

-- Stages: the name, then the description.
CREATE TRIGGER search_stage_added AFTER INSERT ON stages BEGIN
    INSERT INTO search_items (map_id, kind, item_id) VALUES (new.map_id, 'stage', new.id);
    INSERT INTO search_text (rowid, text) VALUES (last_insert_rowid(),
        new.name || char(10) || new.description);
END;
CREATE TRIGGER search_stage_changed AFTER UPDATE OF name, description ON stages
WHEN old.name IS NOT new.name OR old.description IS NOT new.description BEGIN
    UPDATE search_text SET text = new.name || char(10) || new.description
    WHERE rowid = (SELECT id FROM search_items
        WHERE map_id = old.map_id AND kind = 'stage' AND item_id = old.id);
END;
CREATE TRIGGER search_stage_removed AFTER DELETE ON stages BEGIN
    DELETE FROM search_items WHERE map_id = old.map_id AND kind = 'stage' AND item_id = old.id;
END;

-- Lanes: the title.
CREATE TRIGGER search_lane_added AFTER INSERT ON lanes BEGIN
    INSERT INTO search_items (map_id, kind, item_id) VALUES (new.map_id, 'lane', new.id);
    INSERT INTO search_text (rowid, text) VALUES (last_insert_rowid(), new.title);
END;
CREATE TRIGGER search_lane_changed AFTER UPDATE OF title ON lanes
WHEN old.title IS NOT new.title BEGIN
    UPDATE search_text SET text = new.title
    WHERE rowid = (SELECT id FROM search_items
        WHERE map_id = old.map_id AND kind = 'lane' AND item_id = old.id);
END;
CREATE TRIGGER search_lane_removed AFTER DELETE ON lanes BEGIN
    DELETE FROM search_items WHERE map_id = old.map_id AND kind = 'lane' AND item_id = old.id;
END;

-- Notes on the emotion curve, named "persona/stage/state". Only notes with text are indexed.
CREATE TRIGGER search_note_added AFTER INSERT ON emotions
WHEN coalesce(new.note, '') <> '' BEGIN
    INSERT INTO search_items (map_id, kind, item_id)
    VALUES (new.map_id, 'note', new.persona_id || '/' || new.stage_id || '/' || new.state);
    INSERT INTO search_text (rowid, text) VALUES (last_insert_rowid(), new.note);
END;
CREATE TRIGGER search_note_changed AFTER UPDATE OF note ON emotions
WHEN old.note IS NOT new.note BEGIN
    DELETE FROM search_items WHERE map_id = old.map_id AND kind = 'note'
        AND item_id = old.persona_id || '/' || old.stage_id || '/' || old.state;
    INSERT INTO search_items (map_id, kind, item_id)
    SELECT new.map_id, 'note', new.persona_id || '/' || new.stage_id || '/' || new.state
    WHERE coalesce(new.note, '') <> '';
    INSERT INTO search_text (rowid, text)
    SELECT last_insert_rowid(), new.note WHERE coalesce(new.note, '') <> '';
END;
CREATE TRIGGER search_note_removed AFTER DELETE ON emotions BEGIN
    DELETE FROM search_items WHERE map_id = old.map_id AND kind = 'note'
        AND item_id = old.persona_id || '/' || old.stage_id || '/' || old.state;
END;

-- What the library holds already.
INSERT INTO search_items (map_id, kind, item_id) SELECT id, 'map', id FROM maps;
INSERT INTO search_items (map_id, kind, item_id) SELECT map_id, 'card', id FROM cards;
INSERT INTO search_items (map_id, kind, item_id) SELECT map_id, 'persona', id FROM personas;
INSERT INTO search_items (map_id, kind, item_id) SELECT map_id, 'stage', id FROM stages;
INSERT INTO search_items (map_id, kind, item_id) SELECT map_id, 'lane', id FROM lanes;
INSERT INTO search_items (map_id, kind, item_id)
SELECT map_id, 'note', persona_id || '/' || stage_id || '/' || state FROM emotions
WHERE coalesce(note, '') <> '';
INSERT INTO search_text (rowid, text)
SELECT i.id, CASE i.kind
    WHEN 'map' THEN (SELECT m.title || char(10) || m.description FROM maps m WHERE m.id = i.map_id)
    WHEN 'card' THEN (SELECT c.text FROM cards c WHERE c.map_id = i.map_id AND c.id = i.item_id)
    WHEN 'persona' THEN (SELECT concat_ws(char(10), p.name, p.role, p.goals, p.needs,
            p.frustrations, p.quote)
        FROM personas p WHERE p.map_id = i.map_id AND p.id = i.item_id)
    WHEN 'stage' THEN (SELECT s.name || char(10) || s.description
        FROM stages s WHERE s.map_id = i.map_id AND s.id = i.item_id)
    WHEN 'lane' THEN (SELECT l.title FROM lanes l WHERE l.map_id = i.map_id AND l.id = i.item_id)
    ELSE (SELECT e.note FROM emotions e WHERE e.map_id = i.map_id
        AND e.persona_id || '/' || e.stage_id || '/' || e.state = i.item_id)
END
FROM search_items i;
