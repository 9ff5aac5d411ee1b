import unittest

from lake import layout, pipeline, serving
from pipeline_common import stacks, testing  # after the stack's package, which puts lib/ on the path

for upstream in ("database", "dms-cdc", "kinesis-stream", "ingestion-api"):
    stacks.use(upstream)
from cdc import capture, replicate  # noqa: E402
from ingest import fake_api, landing  # noqa: E402
from orders_db import migrate, seed  # noqa: E402
from streaming import consumer, local_stream, speed_view  # noqa: E402

SETTINGS = testing.stack_settings(__file__)
DemoSwitch = testing.switch_test("datalake", "integration")


class LakeIntegrationTests(testing.TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.db = migrate.connect(self.tmp / "orders.sqlite")
        migrate.migrate(self.db, migrate.discover())
        seed.seed(self.db, 6, 40)
        self.db.execute("INSERT INTO orders VALUES (99, 1, 'SKU-404', 1, 100, '2026-03-02T08:00:00Z', 'placed', '2026-03-02T08:00:00Z')")
        self.db.commit()
        self.task = replicate.ReplicationTask(self.db, ["customers", "orders"], self.tmp, SETTINGS["bucket"],
                                              self.tmp / "dms-state.json", 25)
        self.task.run()
        products = fake_api.catalog(15)
        landing.land([products[:8], products[8:]], self.tmp, SETTINGS["bucket"], "products", "2026-03-08", "2026-03-08T06:00:00Z")
        self.lake = layout.Lake(self.tmp, SETTINGS["bucket"])

    def rows(self, sql):
        cursor = self.db.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]

    def test_batch_run_builds_silver_and_gold_matching_the_source(self):
        counts = pipeline.run(self.tmp, SETTINGS["bucket"], SETTINGS["gold_parts"])
        self.assertEqual(counts, {"customers": 6, "orders": 41, "orders_quarantine": 0, "products": 14, "orders_enriched": 41})
        self.assertEqual(self.lake.read_table("silver", "orders"), self.rows("SELECT * FROM orders ORDER BY id"))
        enriched = self.lake.read_table("gold", "orders_enriched")
        self.assertEqual(sum(r["amount_cents"] for r in enriched),
                         self.db.execute("SELECT sum(quantity * unit_price_cents) FROM orders").fetchone()[0])
        self.assertEqual([r["category"] for r in enriched if r["order_id"] == 99], ["unknown"])
        days = {p.name for p in self.lake.table_dir("gold", "orders_enriched").iterdir()}
        self.assertEqual(days, {f"order_date={r['order_date']}" for r in enriched})
        self.assertTrue(all(len(list(d.iterdir())) <= SETTINGS["gold_parts"] for d in self.lake.table_dir("gold", "orders_enriched").iterdir()))
        self.assertEqual(pipeline.run(self.tmp, SETTINGS["bucket"], SETTINGS["gold_parts"]), counts)

    def test_serving_layer_merges_the_speed_view_over_the_batch_view(self):
        pipeline.run(self.tmp, SETTINGS["bucket"])
        batch = self.lake.read_table("silver", "orders")
        position = capture.last_seq(self.db)
        self.db.execute("UPDATE orders SET status = 'cancelled', updated_at = '2026-03-09T12:00:00Z' WHERE id <= 10")
        self.db.execute("INSERT INTO orders VALUES (100, 2, 'SKU-002', 4, 1000, '2026-03-09T12:00:00Z', 'placed', '2026-03-09T12:00:00Z')")
        self.db.commit()
        stream = local_stream.LocalStream(self.tmp / "stream", 2)
        local_stream.publish(stream, capture.read_changes(self.db, position, 1000), batch_size=50)
        view = speed_view.SpeedView()
        consumer.consume_all(stream, consumer.CheckpointStore(self.tmp / "checkpoints.json"), view.handle)

        merged = serving.merge_orders(batch, list(view.orders.values()))
        truth = dict(self.db.execute("SELECT customer_id, sum(quantity * unit_price_cents) FROM orders"
                                     " WHERE status != 'cancelled' GROUP BY customer_id").fetchall())
        self.assertEqual(serving.revenue_by_customer(merged), truth)
        self.assertNotEqual(serving.revenue_by_customer(batch), truth)


if __name__ == "__main__":
    unittest.main()
