import unittest

from lake import gold, layout, serving, silver
from pipeline_common import testing  # after the stack's package, which puts lib/ on the path

DemoSwitch = testing.switch_test("datalake", "unit")


def rec(seq, op, **data):
    return {"seq": seq, "metadata": {"operation": op, "table-name": "orders", "timestamp": "2026-03-01T00:00:00Z"}, "data": data}


def order(order_id, customer=1, sku="SKU-001", quantity=1, price=100, status="placed", updated="2026-03-01T10:00:00Z"):
    return {"id": order_id, "customer_id": customer, "product_sku": sku, "quantity": quantity, "unit_price_cents": price,
            "status": status, "ordered_at": "2026-03-01T09:00:00Z", "updated_at": updated}


class SilverTests(unittest.TestCase):
    def test_current_state_applies_records_in_sequence_order(self):
        records = [rec(3, "delete", id=2), rec(0, "load", id=1, v="a"), rec(0, "load", id=2, v="b"),
                   rec(2, "update", id=1, v="c"), rec(4, "insert", id=2, v="d"), rec(2, "update", id=1, v="c")]
        self.assertEqual(silver.current_state(records), [{"id": 1, "v": "c"}, {"id": 2, "v": "d"}])

    def test_bad_orders_are_quarantined_with_reasons(self):
        good, bad = silver.clean_orders([order(1), order(2, quantity=0), order(3, status="lost")])
        self.assertEqual([o["id"] for o in good], [1])
        self.assertEqual([(o["id"], o["_problems"]) for o in bad],
                         [(2, ["quantity must be a positive integer"]), (3, ["unknown status 'lost'"])])

    def test_latest_product_per_sku_wins(self):
        items = [{"sku": "B", "v": 1}, {"sku": "A", "v": 1}, {"sku": "B", "v": 2}]
        self.assertEqual(silver.latest_products(items), [{"sku": "A", "v": 1}, {"sku": "B", "v": 2}])


class GoldAndServingTests(unittest.TestCase):
    def test_enrichment_joins_and_marks_unknowns(self):
        rows = gold.orders_enriched([order(2, customer=9, sku="X", quantity=3), order(1)],
                                    [{"id": 1, "country": "DE"}], [{"sku": "SKU-001", "category": "books"}])
        self.assertEqual([(r["order_id"], r["country"], r["category"], r["amount_cents"], r["order_date"]) for r in rows],
                         [(1, "DE", "books", 100, "2026-03-01"), (2, "unknown", "unknown", 300, "2026-03-01")])

    def test_speed_rows_override_only_when_newer(self):
        batch = [order(1, status="placed", updated="2026-03-01T10:00:00Z"), order(2, status="shipped", updated="2026-03-02T10:00:00Z")]
        speed = [order(1, status="cancelled", updated="2026-03-03T10:00:00Z"), order(2, status="placed", updated="2026-03-01T10:00:00Z"),
                 order(3, quantity=2)]
        merged = serving.merge_orders(batch, speed)
        self.assertEqual([(o["id"], o["status"]) for o in merged], [(1, "cancelled"), (2, "shipped"), (3, "placed")])
        self.assertEqual(serving.revenue_by_customer(merged), {1: 300})


class LayoutTests(testing.TempDirTestCase):
    def test_partitioned_tables_round_trip_and_are_replaced_whole(self):
        lake = layout.Lake(self.tmp, "bucket")
        rows = [{"id": n, "day": f"2026-03-0{1 + n % 2}"} for n in range(6)]
        lake.write_table("gold", "t", rows, partition_by="day", parts=2)
        self.assertEqual(sorted(lake.read_table("gold", "t"), key=lambda r: r["id"]), rows)
        lake.write_table("gold", "t", rows[:1], partition_by="day")
        self.assertEqual(lake.read_table("gold", "t"), rows[:1])
        self.assertEqual([p.name for p in lake.table_dir("gold", "t").iterdir()], ["day=2026-03-01"])
        self.assertEqual(lake.tables("gold"), ["t"])
        with self.assertRaises(ValueError):
            lake.table_dir("platinum", "t")


if __name__ == "__main__":
    unittest.main()
