import csv
import sqlite3
import unittest

from athena import engine, runner
from pipeline_common import stacks, testing  # after the stack's package, which puts lib/ on the path

for upstream in ("database", "datalake", "spark-jobs", "glue-catalog"):
    stacks.use(upstream)
from catalog import crawler  # noqa: E402
from jobs import registry  # noqa: E402
from lake import gold, layout  # noqa: E402
from orders_db import seed  # noqa: E402

SETTINGS = testing.stack_settings(__file__)
DemoSwitch = testing.switch_test("athena-queries", "integration")


class QueriesOnGoldTests(testing.TempDirTestCase):
    def setUp(self):
        super().setUp()
        bucket = SETTINGS["bucket"]
        self.customers = seed.sample_customers(10)
        self.orders = seed.sample_orders(self.customers, 80)
        products = [{"sku": s, "category": "books"} for s in seed.SKUS]
        lake = layout.Lake(self.tmp, bucket)
        lake.write_table("gold", "orders_enriched", gold.orders_enriched(self.orders, self.customers, products), partition_by="order_date")
        for job in ("daily_revenue", "customer_rfm"):
            registry.run_job(job, self.tmp, {"bucket": bucket, "output_parts": 2, "as_of": "2026-03-10"})
        self.conn = sqlite3.connect(":memory:")
        tables = crawler.crawl(self.tmp, bucket, "lakehouse", layers=("gold",))
        self.loaded = engine.load_catalog(self.conn, tables, self.tmp)

    def live(self):
        return [o for o in self.orders if o["status"] != "cancelled"]

    def test_catalog_tables_load_completely(self):
        self.assertEqual(sorted(self.loaded), ["gold_customer_rfm", "gold_daily_revenue", "gold_orders_enriched"])
        self.assertEqual(self.loaded["gold_orders_enriched"], len(self.orders))
        self.assertEqual(self.loaded["gold_customer_rfm"], len({o["customer_id"] for o in self.live()}))

    def test_revenue_by_country_matches_the_orders(self):
        header, rows = runner.run(self.conn, "revenue_by_country", {"start": "2026-03-01", "end": "2026-03-31"},
                                  max_rows=SETTINGS["max_result_rows"])
        country = {c["id"]: c["country"] for c in self.customers}
        expected = {}
        for o in self.live():
            expected[country[o["customer_id"]]] = expected.get(country[o["customer_id"]], 0) + o["quantity"] * o["unit_price_cents"]
        self.assertEqual({r[0]: r[2] for r in rows}, expected)
        self.assertEqual([r[2] for r in rows], sorted((r[2] for r in rows), reverse=True))
        _, none = runner.run(self.conn, "revenue_by_country", {"start": "2027-01-01", "end": "2027-12-31"})
        self.assertEqual(none, [])

    def test_every_query_runs_and_lands_a_csv_result(self):
        params = {"revenue_by_country": {"start": "2026-03-01", "end": "2026-03-07"}, "top_customers": {"limit": 3}}
        results = self.tmp / SETTINGS["bucket"] / SETTINGS["results_prefix"]
        for name in runner.names():
            header, rows = runner.run(self.conn, name, params.get(name), max_rows=SETTINGS["max_result_rows"])
            path = runner.write_result(results, name, "q-0001", header, rows)
            with open(path, newline="") as handle:
                self.assertEqual(len(list(csv.reader(handle))), len(rows) + 1)
        self.assertEqual(sorted(p.name for p in results.iterdir()), runner.names())
        segments = runner.run(self.conn, "customer_segments")[1]
        self.assertEqual(sum(r[1] for r in segments), self.loaded["gold_customer_rfm"])


if __name__ == "__main__":
    unittest.main()
