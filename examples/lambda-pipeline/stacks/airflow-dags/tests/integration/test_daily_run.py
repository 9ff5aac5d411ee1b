import datetime
import unittest

from dags import dag as dagmod
from dags import lakehouse_daily
from pipeline_common import config, files, stacks, testing  # after the stack's package, which puts lib/ on the path

stacks.use("database")
stacks.use("ingestion-api")
from ingest import fake_api  # noqa: E402
from orders_db import migrate, seed  # noqa: E402

ENV = config.current_env()
SETTINGS = testing.stack_settings(__file__)
DemoSwitch = testing.switch_test("airflow-dags", "integration")
TOKEN = "local-test-token"


class DailyRunTests(testing.TempDirTestCase):
    def setUp(self):
        super().setUp()
        database = self.tmp / "orders.sqlite"
        conn = migrate.connect(database)
        migrate.migrate(conn, migrate.discover())
        self.customers, self.orders = seed.seed(conn, 6, 40)
        conn.close()
        (self.tmp / "state").mkdir()
        self.context = {"env": ENV, "run_date": "2026-03-08", "lake_root": self.tmp / "lake", "state_dir": self.tmp / "state",
                        "database": database, "api_token": TOKEN, "backoff_seconds": 0.01}

    def run_dag(self, api_token=TOKEN):
        with fake_api.FakeCatalogApi(fake_api.catalog(15), TOKEN, failures=1) as api:
            return dagmod.run(lakehouse_daily.build(SETTINGS["schedule"]), {**self.context, "api_url": api.url, "api_token": api_token})

    def test_a_daily_run_takes_the_sources_all_the_way_to_reports(self):
        started = datetime.datetime.now()
        states, results = self.run_dag()
        self.assertEqual(set(states.values()), {"success"}, results)
        self.assertEqual(results["ingest_products"], 14)
        self.assertEqual(results["replicate_orders"], len(self.customers) + len(self.orders))
        self.assertEqual(results["build_lake"]["orders_enriched"], len(self.orders))
        self.assertIn("gold_daily_revenue", results["crawl_catalog"])
        bucket = SETTINGS["bucket"]
        report = files.read_json(self.context["state_dir"] / "catalog" / f"{lakehouse_daily.settings('glue-catalog', self.context)['database']}.json")
        self.assertEqual(report["Tables"]["gold_orders_enriched"]["StorageDescriptor"]["Location"], f"s3://{bucket}/gold/orders_enriched/")
        top = [p for p in results["athena_reports"] if p.parent.name == "top_customers"][0]
        self.assertTrue(str(top).startswith(str(self.context["lake_root"] / bucket)))
        spent = {}
        for o in self.orders:
            if o["status"] != "cancelled":
                spent[o["customer_id"]] = spent.get(o["customer_id"], 0) + o["quantity"] * o["unit_price_cents"]
        first = top.read_text().splitlines()[1].split(",")
        self.assertEqual(int(first[3]), max(spent.values()))
        self.assertLess((datetime.datetime.now() - started).total_seconds(), 10)

    def test_a_failed_ingestion_stops_everything_downstream_but_not_replication(self):
        states, results = self.run_dag(api_token="revoked")
        self.assertEqual(states["ingest_products"], "failed")
        self.assertIn("HTTP 401", results["ingest_products"])
        self.assertEqual(states["replicate_orders"], "success")
        downstream = set(states) - {"ingest_products", "replicate_orders"}
        self.assertEqual({states[t] for t in downstream}, {"upstream_failed"})


if __name__ == "__main__":
    unittest.main()
