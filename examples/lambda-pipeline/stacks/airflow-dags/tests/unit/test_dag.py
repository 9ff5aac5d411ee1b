import unittest

from dags import dag as dagmod
from dags import lakehouse_daily
from pipeline_common import project, testing  # after the stack's package, which puts lib/ on the path

DemoSwitch = testing.switch_test("airflow-dags", "unit")


def noop(context):
    return None


def small_dag():
    d = dagmod.DAG("t", "@daily")
    a, b, c, x = (d.task(name, "s", noop) for name in ("a", "b", "c", "x"))
    a >> [c, b]
    [b, c] >> x
    return d, a, b, c, x


class DagTests(unittest.TestCase):
    def test_topological_order_is_deterministic_and_respects_edges(self):
        d, *_ = small_dag()
        self.assertEqual(d.topological_order(), ["a", "b", "c", "x"])
        self.assertEqual(d.ancestors("x"), {"a", "b", "c"})

    def test_a_cycle_is_reported_with_its_path(self):
        d, a, b, c, x = small_dag()
        x >> a
        self.assertEqual(d.find_cycle(), ["a", "b", "x", "a"])
        with self.assertRaisesRegex(dagmod.CycleError, "a >> b >> x >> a"):
            d.topological_order()

    def test_failures_skip_descendants_and_retries_recover(self):
        d = dagmod.DAG("t", "@daily")
        calls = []

        def flaky(context):
            calls.append(1)
            if len(calls) < 2:
                raise ConnectionError("blip")
            return "ok"

        def broken(context):
            raise ValueError("bad input")

        ok = d.task("ok", "s", flaky, retries=1)
        bad = d.task("bad", "s", broken)
        after = d.task("after", "s", noop)
        ok >> bad >> after
        states, results = dagmod.run(d, {})
        self.assertEqual(states, {"ok": "success", "bad": "failed", "after": "upstream_failed"})
        self.assertEqual(results["bad"], "ValueError: bad input")


class LakehouseDagTests(unittest.TestCase):
    def setUp(self):
        self.dag = lakehouse_daily.build()
        self.stacks = project.read_stacks()

    def test_the_dag_is_acyclic_and_starts_with_the_sources(self):
        self.assertIsNone(self.dag.find_cycle())
        order = self.dag.topological_order()
        self.assertEqual(set(order[:2]), {"ingest_products", "replicate_orders"})
        self.assertEqual(order[-1], "dbt_test")

    def test_it_orchestrates_exactly_the_stacks_shipgate_says_it_depends_on(self):
        self.assertEqual(self.dag.stacks(), sorted(self.stacks["airflow-dags"]["depends_on"]))

    def test_its_order_follows_the_stack_dependencies_of_shipgate_yml(self):
        orchestrated = set(self.dag.stacks())
        for task in self.dag.tasks.values():
            for dep in project.upstream(self.stacks, task.stack) & orchestrated:
                for before in (t for t in self.dag.tasks.values() if t.stack == dep):
                    self.assertIn(before.task_id, self.dag.ancestors(task.task_id),
                                  f"{task.stack} depends on {dep} in shipgate.yml, so {before.task_id} must run before {task.task_id}")


if __name__ == "__main__":
    unittest.main()
