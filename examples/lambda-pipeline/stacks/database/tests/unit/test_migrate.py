import sqlite3
import unittest

from orders_db import migrate, seed
from pipeline_common import testing

DemoSwitch = testing.switch_test("database", "unit")


class DiscoverTests(testing.TempDirTestCase):
    def write(self, name, sql="SELECT 1;"):
        (self.tmp / name).write_text(sql)

    def test_orders_migrations_by_version(self):
        self.write("002_second.sql")
        self.write("001_first.sql")
        self.assertEqual([(m.version, m.name) for m in migrate.discover(self.tmp)], [(1, "first"), (2, "second")])

    def test_rejects_a_gap(self):
        self.write("001_first.sql")
        self.write("003_third.sql")
        with self.assertRaisesRegex(migrate.MigrationError, "expected migration 002"):
            migrate.discover(self.tmp)

    def test_rejects_a_badly_named_file(self):
        self.write("1-first.sql")
        with self.assertRaisesRegex(migrate.MigrationError, "001_create_table"):
            migrate.discover(self.tmp)


class MigrateTests(unittest.TestCase):
    def test_applies_every_migration_once(self):
        conn = sqlite3.connect(":memory:")
        migrations = migrate.discover()
        self.assertEqual(migrate.migrate(conn, migrations), [m.version for m in migrations])
        self.assertEqual(migrate.migrate(conn, migrations), [])
        self.assertIn("updated_at", migrate.columns(conn, "orders"))

    def test_stops_at_target(self):
        conn = sqlite3.connect(":memory:")
        migrate.migrate(conn, migrate.discover(), target=1)
        self.assertEqual(migrate.applied_versions(conn), [1])
        self.assertNotIn("status", migrate.columns(conn, "orders"))

    def test_failed_migration_leaves_nothing_behind(self):
        conn = sqlite3.connect(":memory:")
        broken = [migrate.Migration(1, "half", "CREATE TABLE a (x INTEGER);\nCREATE TABLE a (y INTEGER);")]
        with self.assertRaisesRegex(migrate.MigrationError, "001_half failed"):
            migrate.migrate(conn, broken)
        self.assertEqual(migrate.applied_versions(conn), [])
        self.assertEqual(conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'a'").fetchone()[0], 0)


class SeedTests(unittest.TestCase):
    def test_sample_data_is_deterministic_and_consistent(self):
        customers = seed.sample_customers(4)
        orders = seed.sample_orders(customers, 10)
        self.assertEqual(orders, seed.sample_orders(seed.sample_customers(4), 10))
        self.assertTrue({o["customer_id"] for o in orders} <= {c["id"] for c in customers})
        self.assertTrue(all(o["status"] in seed.STATUSES for o in orders))


if __name__ == "__main__":
    unittest.main()
