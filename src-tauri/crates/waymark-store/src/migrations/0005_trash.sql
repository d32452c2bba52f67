-- Deleting a map moves it to the Trash: it stays, restorable, until it is deleted for good
-- (by hand, or 30 days later).
ALTER TABLE maps ADD COLUMN deleted_at INTEGER;
