ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'placed'
    CHECK (status IN ('placed', 'shipped', 'delivered', 'cancelled'));
CREATE INDEX orders_by_customer ON orders(customer_id);
