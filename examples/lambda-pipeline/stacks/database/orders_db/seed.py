"""Deterministic sample customers and orders, so every stack downstream sees the same shapes."""
import random

COUNTRIES = ["DE", "FR", "GB", "US"]
SKUS = ["SKU-001", "SKU-002", "SKU-003", "SKU-004", "SKU-005"]
STATUSES = ["placed", "shipped", "delivered", "cancelled"]


def sample_customers(count, seed=7):
    rng = random.Random(seed)
    return [
        {"id": n, "email": f"customer{n}@example.com", "name": f"Customer {n}",
         "country": rng.choice(COUNTRIES), "created_at": f"2026-01-{1 + n % 28:02d}T09:00:00Z"}
        for n in range(1, count + 1)
    ]


def sample_orders(customers, count, seed=11):
    rng = random.Random(seed)
    orders = []
    for n in range(1, count + 1):
        day = f"2026-03-{1 + rng.randrange(7):02d}T{8 + rng.randrange(10):02d}:00:00Z"
        orders.append({"id": n, "customer_id": rng.choice(customers)["id"], "product_sku": rng.choice(SKUS),
                       "quantity": 1 + rng.randrange(4), "unit_price_cents": 500 + 250 * rng.randrange(8),
                       "ordered_at": day, "status": rng.choice(STATUSES), "updated_at": day})
    return orders


def insert(conn, table, rows):
    if not rows:
        return 0
    keys = list(rows[0])
    conn.executemany(f"INSERT INTO {table} ({', '.join(keys)}) VALUES ({', '.join('?' for _ in keys)})",
                     [tuple(row[key] for key in keys) for row in rows])
    conn.commit()
    return len(rows)


def seed(conn, customers, orders):
    """Inserts `customers` sample customers and `orders` sample orders; returns both lists."""
    people = sample_customers(customers)
    placed = sample_orders(people, orders)
    insert(conn, "customers", people)
    insert(conn, "orders", placed)
    return people, placed
