import sqlite3
import unittest

from warehouse import dbt, sources
from pipeline_common import stacks, testing  # after the stack's package, which puts lib/ on the path

stacks.use("database")
from lake import layout  # noqa: E402  (datalake, put on the path by warehouse.sources)
from orders_db import seed  # noqa: E402

SETTINGS = testing.stack_settings(__file__)
PREFIX = SETTINGS["target_prefix"]
DemoSwitch = testing.switch_test("dbt-warehouse", "integration")


class WarehouseBuildTests(testing.TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.lake = layout.Lake(self.tmp, SETTINGS["bucket"])
        self.customers = seed.sample_customers(8)
        self.orders = seed.sample_orders(self.customers, 50)
        self.lake.write_table("silver", "customers", self.customers)
        self.lake.write_table("silver", "orders", self.orders)
        self.lake.write_table("silver", "products", [{"sku": s, "name": s, "category": "games", "price_cents": 100} for s in seed.SKUS[:-1]])
        self.conn = sqlite3.connect(":memory:")

    def build(self):
        sources.load(self.conn, self.tmp, SETTINGS["bucket"], ["customers", "orders", "products"])
        return dbt.run(self.conn, dbt.discover(), PREFIX)

    def test_builds_every_model_and_passes_every_schema_test(self):
        built = self.build()
        self.assertEqual([name for name, _, _ in built], dbt.build_order(dbt.discover()))
        relations = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        self.assertTrue({PREFIX + name for name, _, _ in built} <= relations)
        failing = [result for result in dbt.run_tests(self.conn, dbt.load_schema(), PREFIX) if result[3]]
        self.assertEqual(failing, [])
        live = sum(o["quantity"] * o["unit_price_cents"] for o in self.orders if o["status"] != "cancelled")
        self.assertEqual(self.conn.execute(f"SELECT sum(lifetime_revenue_cents) FROM {PREFIX}dim_customers").fetchone()[0], live)
        self.assertEqual(self.conn.execute(f"SELECT sum(revenue_cents) FROM {PREFIX}mart_country_revenue").fetchone()[0], live)
        unknown = self.conn.execute(f"SELECT count(*) FROM {PREFIX}fct_orders WHERE category = 'unknown'").fetchone()[0]
        self.assertEqual(unknown, sum(1 for o in self.orders if o["product_sku"] == seed.SKUS[-1]))

    def test_schema_tests_catch_bad_source_rows(self):
        bad = [{**self.orders[0], "status": "lost"}, {**self.orders[1], "id": self.orders[2]["id"], "customer_id": 999}]
        self.lake.write_table("silver", "orders", self.orders[2:] + bad)
        self.build()
        failing = {(model, column, test) for model, column, test, count in dbt.run_tests(self.conn, dbt.load_schema(), PREFIX) if count}
        self.assertEqual(failing, {("stg_orders", "status", "accepted_values"), ("stg_orders", "order_id", "unique"),
                                   ("stg_orders", "customer_id", "relationships"), ("fct_orders", "order_id", "unique")})


if __name__ == "__main__":
    unittest.main()
