import unittest

from streaming import consumer, local_stream, speed_view
from pipeline_common import stacks, testing  # after the stack's package, which puts lib/ on the path

stacks.use("database")
stacks.use("dms-cdc")
from cdc import capture  # noqa: E402
from orders_db import migrate, seed  # noqa: E402

SETTINGS = testing.stack_settings(__file__)
DemoSwitch = testing.switch_test("kinesis-stream", "integration")


class StreamIntegrationTests(testing.TempDirTestCase):
    def setUp(self):
        super().setUp()
        self.db = migrate.connect(self.tmp / "orders.sqlite")
        migrate.migrate(self.db, migrate.discover())
        capture.enable(self.db, ["customers", "orders"])
        seed.seed(self.db, 5, 30)
        self.stream = local_stream.LocalStream(self.tmp / SETTINGS["stream_name"], SETTINGS["shard_count"])
        self.position = 0

    def publish_new_changes(self):
        changes = capture.read_changes(self.db, self.position, 10_000)
        self.position = changes[-1]["seq"] if changes else self.position
        return local_stream.publish(self.stream, changes, SETTINGS["batch_size"])

    def expected_revenue(self):
        rows = self.db.execute("SELECT customer_id, sum(quantity * unit_price_cents) FROM orders"
                               " WHERE status != 'cancelled' GROUP BY customer_id")
        return dict(rows.fetchall())

    def test_speed_view_follows_the_database_across_restarts(self):
        calls = self.publish_new_changes()
        self.assertEqual(calls, -(-35 // SETTINGS["batch_size"]))
        view = speed_view.SpeedView()
        checkpoint_file = self.tmp / "checkpoints.json"
        self.assertEqual(consumer.consume_all(self.stream, consumer.CheckpointStore(checkpoint_file), view.handle), 35)
        self.assertEqual(view.revenue_by_customer(), self.expected_revenue())
        view.save(self.tmp / "speed-view.json")

        self.db.execute("UPDATE orders SET status = 'cancelled' WHERE id <= 5")
        self.db.execute("DELETE FROM orders WHERE id BETWEEN 6 AND 8")
        self.db.commit()
        self.publish_new_changes()
        restarted = speed_view.SpeedView.load(self.tmp / "speed-view.json")
        self.assertEqual(consumer.consume_all(self.stream, consumer.CheckpointStore(checkpoint_file), restarted.handle), 8)
        self.assertEqual(restarted.revenue_by_customer(), self.expected_revenue())

    def test_a_crash_before_the_checkpoint_redelivers_without_double_counting(self):
        self.publish_new_changes()
        view = speed_view.SpeedView()
        checkpoints = consumer.CheckpointStore(self.tmp / "checkpoints.json")
        delivered = []

        def crash_once(entries):
            view.handle(entries)
            delivered.append(len(entries))
            if len(delivered) == 1:
                raise ConnectionError("consumer lost its lease")

        with self.assertRaises(ConnectionError):
            consumer.consume(self.stream, checkpoints, crash_once, limit=7)
        consumer.consume_all(self.stream, checkpoints, crash_once, limit=7)
        self.assertEqual(delivered[0], 7)
        self.assertEqual(sum(delivered), 35 + 7)
        self.assertEqual(view.revenue_by_customer(), self.expected_revenue())
        self.assertEqual(len(checkpoints.positions), len([s for s in self.stream.shard_ids() if self.stream.get_records(s)]))


if __name__ == "__main__":
    unittest.main()
