import unittest

from jobs import customer_rfm, daily_revenue, frame, registry
from pipeline_common import testing  # after the stack's package, which puts lib/ on the path

DemoSwitch = testing.switch_test("spark-jobs", "unit")


def row(order_id, customer, day, amount, status="placed", country="DE", category="books"):
    return {"order_id": order_id, "customer_id": customer, "order_date": day, "amount_cents": amount, "quantity": 1,
            "status": status, "country": country, "category": category}


class FrameTests(unittest.TestCase):
    def test_group_by_aggregates_and_sorts(self):
        rows = [{"k": "b", "v": 2}, {"k": "a", "v": 1}, {"k": "b", "v": 2}]
        self.assertEqual(frame.group_by(rows, ["k"], n=("count", None), total=("sum", "v"), distinct=("count_distinct", "v")),
                         [{"k": "a", "n": 1, "total": 1, "distinct": 1}, {"k": "b", "n": 2, "total": 4, "distinct": 1}])

    def test_unknown_aggregate_is_an_error(self):
        with self.assertRaisesRegex(ValueError, "median"):
            frame.group_by([], ["k"], x=("median", "v"))


class JobTests(unittest.TestCase):
    def test_daily_revenue_skips_cancelled_orders(self):
        rows = [row(1, 1, "2026-03-01", 100), row(2, 2, "2026-03-01", 50), row(3, 1, "2026-03-01", 999, status="cancelled"),
                row(4, 1, "2026-03-02", 10, country="FR")]
        self.assertEqual(daily_revenue.transform(rows), [
            {"order_date": "2026-03-01", "country": "DE", "category": "books", "orders": 2, "units": 2, "revenue_cents": 150, "customers": 2},
            {"order_date": "2026-03-02", "country": "FR", "category": "books", "orders": 1, "units": 1, "revenue_cents": 10, "customers": 1}])

    def test_rfm_scores_and_segments(self):
        self.assertEqual([customer_rfm.score(v, (2, 5)) for v in (1, 2, 5)], [1, 2, 3])
        self.assertEqual([customer_rfm.score(v, (8, 31), higher_is_better=False) for v in (0, 8, 31)], [3, 2, 1])
        rows = [row(n, 1, "2026-03-09", 3000) for n in range(5)] + [row(9, 2, "2026-01-01", 100)]
        result = customer_rfm.transform(rows, "2026-03-10")
        self.assertEqual([(r["customer_id"], r["recency_days"], r["segment"]) for r in result], [(1, 1, "champion"), (2, 68, "at_risk")])

    def test_unknown_job_is_named(self):
        with self.assertRaisesRegex(KeyError, "known: customer_rfm, daily_revenue"):
            registry.run_job("nope", "/nonexistent", {"bucket": "b"})


if __name__ == "__main__":
    unittest.main()
