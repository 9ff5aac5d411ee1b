ALTER TABLE orders ADD COLUMN updated_at TEXT;
UPDATE orders SET updated_at = ordered_at;
