import sqlite3
import unittest

from athena import engine, runner
from pipeline_common import files, testing  # after the stack's package, which puts lib/ on the path

DemoSwitch = testing.switch_test("athena-queries", "unit")


def table(name, location, columns, partitions=()):
    return {"Name": name, "StorageDescriptor": {"Location": location, "Columns": [{"Name": n, "Type": t} for n, t in columns]},
            "PartitionKeys": [{"Name": n, "Type": t} for n, t in partitions]}


class EngineTests(testing.TempDirTestCase):
    def test_locations_map_into_the_local_lake(self):
        self.assertEqual(engine.local_path("s3://b/gold/t/", self.tmp), self.tmp / "b" / "gold" / "t")
        with self.assertRaises(ValueError):
            engine.local_path("/b/gold/t", self.tmp)

    def test_loads_partitioned_files_with_typed_columns(self):
        files.write_jsonl(self.tmp / "b/gold/t/day=2026-03-01/hour=9/part-00000.jsonl", [{"n": 1, "x": 0.5}, {"n": 2, "x": None}])
        definition = table("gold_t", "s3://b/gold/t/", [("n", "bigint"), ("x", "double")], [("day", "date"), ("hour", "bigint")])
        conn = sqlite3.connect(":memory:")
        self.assertEqual(engine.load_catalog(conn, [definition], self.tmp), {"gold_t": 2})
        self.assertEqual(conn.execute("SELECT n, x, day, hour, typeof(hour) FROM gold_t ORDER BY n").fetchall(),
                         [(1, 0.5, "2026-03-01", 9, "integer"), (2, None, "2026-03-01", 9, "integer")])


class RunnerTests(unittest.TestCase):
    def test_every_query_declares_its_parameters(self):
        self.assertEqual(runner.names(), ["customer_segments", "revenue_by_country", "top_customers"])
        self.assertEqual(runner.parameters(runner.load("revenue_by_country")), ["end", "start"])
        self.assertEqual(runner.parameters("SELECT '10:00' :: text, :a -- :ignored"), ["a"])

    def test_missing_parameters_and_unknown_queries_are_errors(self):
        conn = sqlite3.connect(":memory:")
        with self.assertRaisesRegex(runner.QueryError, "needs limit"):
            runner.run(conn, "top_customers")
        with self.assertRaisesRegex(runner.QueryError, "known: customer_segments"):
            runner.load("nope")

    def test_top_customers_ranks_by_spend(self):
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE TABLE gold_orders_enriched (customer_id, country, status, amount_cents)")
        conn.executemany("INSERT INTO gold_orders_enriched VALUES (?, ?, ?, ?)",
                         [(1, "DE", "placed", 100), (2, "FR", "placed", 300), (1, "DE", "shipped", 150), (3, "GB", "cancelled", 999)])
        header, rows = runner.run(conn, "top_customers", {"limit": 5})
        self.assertEqual(header, ["customer_id", "country", "orders", "spent_cents"])
        self.assertEqual(rows, [(2, "FR", 1, 300), (1, "DE", 2, 250)])
        with self.assertRaisesRegex(runner.QueryError, "more than 1 rows"):
            runner.run(conn, "top_customers", {"limit": 5}, max_rows=1)


if __name__ == "__main__":
    unittest.main()
