import sqlite3
import unittest

from orders_db import migrate, seed
from pipeline_common import testing

SETTINGS = testing.stack_settings(__file__)
DemoSwitch = testing.switch_test("database", "integration")


class DatabaseIntegrationTests(testing.TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.path = self.tmp / f"{SETTINGS['database_name']}.sqlite"

    def test_migrates_a_database_file_and_seeds_it(self):
        conn = migrate.connect(self.path)
        migrate.migrate(conn, migrate.discover())
        customers, orders = seed.seed(conn, SETTINGS["seed_customers"], SETTINGS["seed_orders"])
        conn.close()

        reopened = migrate.connect(self.path)
        self.assertEqual(reopened.execute("SELECT count(*) FROM orders").fetchone()[0], SETTINGS["seed_orders"])
        self.assertEqual(reopened.execute("SELECT count(*) FROM customers").fetchone()[0], len(customers))
        self.assertEqual(reopened.execute("PRAGMA foreign_key_check").fetchall(), [])
        self.assertEqual(reopened.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        total = sum(o["quantity"] * o["unit_price_cents"] for o in orders)
        self.assertEqual(reopened.execute("SELECT sum(quantity * unit_price_cents) FROM orders").fetchone()[0], total)

    def test_upgrades_an_old_database_keeping_its_rows(self):
        conn = migrate.connect(self.path)
        migrate.migrate(conn, migrate.discover(), target=1)
        conn.execute("INSERT INTO customers VALUES (1, 'a@example.com', 'A', 'DE', '2026-01-01T00:00:00Z')")
        conn.execute("INSERT INTO orders VALUES (1, 1, 'SKU-001', 2, 500, '2026-03-01T08:00:00Z')")
        conn.commit()
        self.assertEqual(migrate.migrate(conn, migrate.discover()), [2, 3])
        row = conn.execute("SELECT status, updated_at FROM orders WHERE id = 1").fetchone()
        self.assertEqual(row, ("placed", "2026-03-01T08:00:00Z"))

    def test_constraints_reject_bad_rows(self):
        conn = migrate.connect(self.path)
        migrate.migrate(conn, migrate.discover())
        with self.assertRaises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO orders (id, customer_id, product_sku, quantity, unit_price_cents, ordered_at)"
                         " VALUES (1, 99, 'SKU-001', 1, 100, '2026-03-01T08:00:00Z')")


if __name__ == "__main__":
    unittest.main()
