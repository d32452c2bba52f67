-- Cards are ordered in their cell by fractional order keys instead of contiguous positions, so
-- moving or adding a card writes its row alone. Each card's key is an integer part, "c" and
-- three base-62 digits of its old position (in the same order), which any later key can go
-- before, after or between.
ALTER TABLE cards ADD COLUMN order_key TEXT NOT NULL DEFAULT '';
UPDATE cards SET order_key = 'c'
    || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', position / 3844 % 62 + 1, 1)
    || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', position / 62 % 62 + 1, 1)
    || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', position % 62 + 1, 1);
DROP INDEX cards_by_cell;
ALTER TABLE cards DROP COLUMN position;
CREATE INDEX cards_by_cell ON cards (map_id, stage_id, lane_id, order_key);
