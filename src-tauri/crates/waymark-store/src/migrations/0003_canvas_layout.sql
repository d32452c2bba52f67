-- What the canvas lets a designer set beyond the content: a persona's avatar initials, a stage
-- column's width and a folded lane.
ALTER TABLE personas ADD COLUMN initials TEXT NOT NULL DEFAULT '';
ALTER TABLE stages ADD COLUMN width INTEGER CHECK (width IS NULL OR width BETWEEN 160 AND 800);
ALTER TABLE lanes ADD COLUMN collapsed INTEGER NOT NULL DEFAULT 0 CHECK (collapsed IN (0, 1));
