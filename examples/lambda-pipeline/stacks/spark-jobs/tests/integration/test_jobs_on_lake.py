import unittest

from jobs import registry
from pipeline_common import stacks, testing  # after the stack's package, which puts lib/ on the path

stacks.use("database")
stacks.use("datalake")
from lake import gold, layout  # noqa: E402
from orders_db import seed  # noqa: E402

SETTINGS = testing.stack_settings(__file__)
DemoSwitch = testing.switch_test("spark-jobs", "integration")


class JobsOnLakeTests(testing.TempDirTestCase):
    def setUp(self):
        super().setUp()
        customers = seed.sample_customers(8)
        self.orders = seed.sample_orders(customers, 60)
        products = [{"sku": sku, "category": "books" if n % 2 else "games"} for n, sku in enumerate(seed.SKUS)]
        self.lake = layout.Lake(self.tmp, SETTINGS["bucket"])
        self.lake.write_table("gold", "orders_enriched", gold.orders_enriched(self.orders, customers, products), partition_by="order_date")

    def test_daily_revenue_adds_up_and_respects_output_parts(self):
        written = registry.run_job("daily_revenue", self.tmp, SETTINGS)
        result = self.lake.read_table("gold", "daily_revenue")
        self.assertEqual(len(result), written)
        live = [o for o in self.orders if o["status"] != "cancelled"]
        self.assertEqual(sum(r["revenue_cents"] for r in result), sum(o["quantity"] * o["unit_price_cents"] for o in live))
        self.assertEqual(sum(r["orders"] for r in result), len(live))
        for day in self.lake.table_dir("gold", "daily_revenue").iterdir():
            self.assertLessEqual(len(list(day.iterdir())), SETTINGS["output_parts"])
        registry.run_job("daily_revenue", self.tmp, SETTINGS)
        self.assertEqual(sorted(self.lake.read_table("gold", "daily_revenue"), key=str), sorted(result, key=str))

    def test_customer_rfm_covers_every_buying_customer(self):
        registry.run_job("customer_rfm", self.tmp, SETTINGS)
        result = self.lake.read_table("gold", "customer_rfm")
        buyers = {o["customer_id"] for o in self.orders if o["status"] != "cancelled"}
        self.assertEqual({r["customer_id"] for r in result}, buyers)
        self.assertTrue(all(r["segment"] in {"champion", "loyal", "occasional", "at_risk"} for r in result))
        self.assertTrue(all(1 <= r[k] <= 3 for r in result for k in "rfm"))


if __name__ == "__main__":
    unittest.main()
