import unittest

from catalog import crawler, store
from pipeline_common import files, stacks, testing  # after the stack's package, which puts lib/ on the path

stacks.use("database")
stacks.use("datalake")
from lake import gold, layout  # noqa: E402
from orders_db import seed  # noqa: E402

SETTINGS = testing.stack_settings(__file__)
DemoSwitch = testing.switch_test("glue-catalog", "integration")


class CrawlLakeTests(testing.TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.lake = layout.Lake(self.tmp, SETTINGS["bucket"])
        customers = seed.sample_customers(5)
        self.orders = seed.sample_orders(customers, 30)
        products = [{"sku": s, "name": s, "category": "books", "price_cents": 100} for s in seed.SKUS]
        self.lake.write_table("silver", "customers", customers)
        self.lake.write_table("silver", "orders", self.orders)
        self.lake.write_table("silver", "products", products)
        self.enriched = gold.orders_enriched(self.orders, customers, products)
        self.lake.write_table("gold", "orders_enriched", self.enriched, partition_by="order_date", parts=2)
        self.catalog_file = self.tmp / "catalog" / f"{SETTINGS['database']}.json"

    def crawl(self):
        return crawler.crawl(self.tmp, SETTINGS["bucket"], SETTINGS["database"], sample=SETTINGS["sample_size"])

    def test_crawl_describes_every_table_of_the_lake(self):
        tables = {t["Name"]: t for t in self.crawl()}
        self.assertEqual(sorted(tables), ["gold_orders_enriched", "silver_customers", "silver_orders", "silver_products"])
        fact = tables["gold_orders_enriched"]
        self.assertEqual(fact["PartitionKeys"], [{"Name": "order_date", "Type": "date"}])
        self.assertEqual(len(fact["Partitions"]), len({r["order_date"] for r in self.enriched}))
        columns = {c["Name"]: c["Type"] for c in fact["StorageDescriptor"]["Columns"]}
        self.assertEqual((columns["amount_cents"], columns["ordered_at"], columns["country"]), ("bigint", "timestamp", "string"))
        self.assertNotIn("order_date", columns)
        self.assertEqual(fact["StorageDescriptor"]["Location"], f"s3://{SETTINGS['bucket']}/gold/orders_enriched/")
        self.assertTrue(all(t["DatabaseName"] == SETTINGS["database"] for t in tables.values()))

    def test_catalog_versions_follow_compatible_changes_and_refuse_breaking_ones(self):
        self.assertEqual(set(store.update(self.catalog_file, SETTINGS["database"], self.crawl()).values()), {"created"})
        self.assertEqual(set(store.update(self.catalog_file, SETTINGS["database"], self.crawl()).values()), {"unchanged"})
        self.lake.write_table("silver", "orders", [{**o, "channel": "web"} for o in self.orders])
        report = store.update(self.catalog_file, SETTINGS["database"], self.crawl())
        self.assertEqual(report["silver_orders"], "updated")
        self.assertEqual(files.read_json(self.catalog_file)["Tables"]["silver_orders"]["Version"], 2)
        self.lake.write_table("silver", "orders", [{k: v for k, v in o.items() if k != "status"} for o in self.orders])
        with self.assertRaisesRegex(store.SchemaChangeError, "silver_orders would break readers: channel, status"):
            store.update(self.catalog_file, SETTINGS["database"], self.crawl())
        self.assertEqual(files.read_json(self.catalog_file)["Tables"]["silver_orders"]["Version"], 2)


if __name__ == "__main__":
    unittest.main()
