import sqlite3
import unittest

from warehouse import dbt
from pipeline_common import testing  # after the stack's package, which puts lib/ on the path

DemoSwitch = testing.switch_test("dbt-warehouse", "unit")


def model(name, sql, materialized="view"):
    return dbt.Model(name, sql, materialized)


class CompileTests(unittest.TestCase):
    def test_refs_and_sources_compile_to_relations(self):
        m = model("m", "SELECT * FROM {{ ref('a') }} JOIN {{source('silver', 'orders')}} USING (id) JOIN {{ ref('a') }}")
        self.assertEqual((m.refs(), m.sources()), (["a"], [("silver", "orders")]))
        self.assertEqual(m.compile("dev_"), "SELECT * FROM dev_a JOIN silver_orders USING (id) JOIN dev_a")

    def test_build_order_puts_dependencies_first_and_rejects_cycles(self):
        models = {"c": model("c", "{{ ref('b') }} {{ ref('a') }}"), "b": model("b", "{{ ref('a') }}"), "a": model("a", "x")}
        self.assertEqual(dbt.build_order(models), ["a", "b", "c"])
        with self.assertRaisesRegex(dbt.ProjectError, "cycle: a, b"):
            dbt.build_order({"a": model("a", "{{ ref('b') }}"), "b": model("b", "{{ ref('a') }}")})
        with self.assertRaisesRegex(dbt.ProjectError, "unknown model zz"):
            dbt.build_order({"a": model("a", "{{ ref('zz') }}")})

    def test_the_project_is_complete(self):
        models = dbt.discover()
        order = dbt.build_order(models)
        self.assertLess(order.index("stg_orders"), order.index("fct_orders"))
        self.assertLess(order.index("fct_orders"), order.index("dim_customers"))
        self.assertTrue(set(dbt.load_schema()) <= set(models))
        self.assertEqual({models[n].materialized for n in order if n.startswith("stg_")}, {"view"})


class SchemaTestTests(unittest.TestCase):
    def test_each_kind_of_test_counts_bad_rows(self):
        conn = sqlite3.connect(":memory:")
        conn.executescript("CREATE TABLE p_parent (id); INSERT INTO p_parent VALUES (1), (2);"
                           "CREATE TABLE p_child (id, parent_id, status);"
                           "INSERT INTO p_child VALUES (1, 1, 'ok'), (1, 3, 'ok'), (NULL, 2, 'bad'), (4, NULL, 'ok');")
        schema = {"child": {"id": ["not_null", "unique"], "status": [{"accepted_values": ["ok"]}],
                            "parent_id": [{"relationships": {"to": "parent", "field": "id"}}]}}
        self.assertEqual(dbt.run_tests(conn, schema, "p_"), [
            ("child", "id", "not_null", 1), ("child", "id", "unique", 1),
            ("child", "parent_id", "relationships", 1), ("child", "status", "accepted_values", 1)])
        with self.assertRaisesRegex(dbt.ProjectError, "unknown test"):
            dbt.test_sql("t", "c", "positive", "")

    def test_models_rebuild_over_their_previous_versions(self):
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE TABLE silver_t (n)")
        conn.execute("INSERT INTO silver_t VALUES (1), (2)")
        models = {"v": model("v", "SELECT n FROM {{ source('silver', 't') }}"), "t": model("t", "SELECT sum(n) AS s FROM {{ ref('v') }}", "table")}
        self.assertEqual(dbt.run(conn, models, "x_"), [("v", "view", 2), ("t", "table", 1)])
        conn.execute("INSERT INTO silver_t VALUES (3)")
        dbt.run(conn, models, "x_")
        self.assertEqual(conn.execute("SELECT s FROM x_t").fetchone()[0], 6)


if __name__ == "__main__":
    unittest.main()
