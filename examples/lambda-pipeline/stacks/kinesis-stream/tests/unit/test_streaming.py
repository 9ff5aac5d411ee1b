import json
import unittest

from streaming import batching, consumer, local_stream, shards, speed_view
from pipeline_common import testing  # after the stack's package, which puts lib/ on the path

DemoSwitch = testing.switch_test("kinesis-stream", "unit")


def change(seq, op, order_id, status="placed", quantity=1, customer=1):
    return {"seq": seq, "metadata": {"table-name": "orders", "operation": op, "timestamp": f"2026-03-01T10:00:{seq:02d}Z"},
            "data": {"id": order_id, "customer_id": customer, "status": status, "quantity": quantity, "unit_price_cents": 100}}


class ShardTests(unittest.TestCase):
    def test_ranges_cover_the_hash_space_without_gaps(self):
        spans = shards.ranges(3)
        self.assertEqual(spans[0][0], 0)
        self.assertEqual(spans[-1][1], shards.HASH_SPACE - 1)
        self.assertTrue(all(spans[n][1] + 1 == spans[n + 1][0] for n in range(2)))

    def test_a_key_always_maps_to_the_same_shard(self):
        picks = {shards.shard_for(f"orders:{n}", 4) for n in range(200)}
        self.assertEqual(picks, {0, 1, 2, 3})
        self.assertEqual(shards.shard_for("orders:7", 4), shards.shard_for("orders:7", 4))
        self.assertEqual(shards.shard_for("anything", 1), 0)


class BatchingTests(unittest.TestCase):
    def test_splits_on_count_and_bytes(self):
        records = [{"partition_key": "k", "data": "x" * 9} for _ in range(7)]
        self.assertEqual([len(b) for b in batching.batches(records, max_records=3)], [3, 3, 1])
        self.assertEqual([len(b) for b in batching.batches(records, max_records=10, max_bytes=25)], [2, 2, 2, 1])

    def test_rejects_an_oversized_record(self):
        with self.assertRaisesRegex(ValueError, "1 MiB"):
            batching.batches([{"partition_key": "k", "data": "x" * batching.MAX_RECORD_BYTES}])


class ConsumerTests(testing.TempDirTestCase):
    def test_checkpoint_moves_only_after_the_handler_succeeds(self):
        stream = local_stream.LocalStream(self.tmp / "stream", 1)
        local_stream.publish(stream, [change(n, "insert", n) for n in range(1, 4)], batch_size=2)
        checkpoints = consumer.CheckpointStore(self.tmp / "checkpoints.json")

        def broken(entries):
            raise RuntimeError("handler crashed")

        with self.assertRaises(RuntimeError):
            consumer.consume(stream, checkpoints, broken)
        self.assertIsNone(checkpoints.get("shardId-000000000000"))
        seen = []
        self.assertEqual(consumer.consume_all(stream, checkpoints, seen.extend, limit=2), 3)
        self.assertEqual([json.loads(e["data"])["seq"] for e in seen], [1, 2, 3])
        self.assertEqual(consumer.CheckpointStore(self.tmp / "checkpoints.json").get("shardId-000000000000"), f"{3:020d}")


class SpeedViewTests(unittest.TestCase):
    def test_applies_changes_and_counts_only_live_orders(self):
        view = speed_view.SpeedView()
        for rec in [change(1, "insert", 1, quantity=2), change(2, "insert", 2, customer=2), change(3, "update", 2, "cancelled", customer=2),
                    change(4, "insert", 3, quantity=5), change(5, "delete", 3)]:
            view.apply(rec)
            view.apply(rec)
        self.assertEqual(view.revenue_by_customer(), {1: 200})
        self.assertEqual(view.watermark, "2026-03-01T10:00:05Z")


if __name__ == "__main__":
    unittest.main()
