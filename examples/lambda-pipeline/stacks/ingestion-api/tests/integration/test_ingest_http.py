import datetime
import os
import unittest

from ingest import client, fake_api, landing, run
from pipeline_common import files, testing  # after the stack's package, which puts lib/ on the path

SETTINGS = testing.stack_settings(__file__)
DemoSwitch = testing.switch_test("ingestion-api", "integration")
TOKEN = os.environ.get("API_TOKEN") or "local-test-token"
NOW = datetime.datetime(2026, 3, 8, 6, 0, tzinfo=datetime.timezone.utc)


class IngestionIntegrationTests(testing.TempDirTestCase):
    def test_lands_the_whole_catalog_through_a_flaky_server(self):
        products = fake_api.catalog(23)
        with fake_api.FakeCatalogApi(products, TOKEN, failures=1) as api:
            api_client = client.ApiClient(api.url, TOKEN, page_size=SETTINGS["page_size"],
                                          max_retries=SETTINGS["max_retries"], backoff_seconds=0.01)
            manifest = run.ingest(api_client, self.tmp, SETTINGS["bucket"], now=NOW)
        pages = -(-len(products) // SETTINGS["page_size"])
        self.assertEqual((manifest["pages"], manifest["items"], manifest["rejected"]), (pages, 22, 1))
        self.assertEqual(manifest["requests"], pages + 1)
        self.assertEqual(api.hits, pages + 1)
        landed = landing.read_landed(self.tmp, SETTINGS["bucket"], "products", "2026-03-08")
        self.assertEqual([p["sku"] for p in landed], [p["sku"] for p in products if p["sku"] != "SKU-013"])
        folder = landing.partition(self.tmp, SETTINGS["bucket"], "products", "2026-03-08")
        self.assertEqual(files.read_jsonl(folder / "_rejected.jsonl")[0]["problems"], ["missing price_cents"])

    def test_a_wrong_token_fails_without_landing_anything(self):
        with fake_api.FakeCatalogApi(fake_api.catalog(3), TOKEN) as api:
            api_client = client.ApiClient(api.url, "wrong", page_size=SETTINGS["page_size"], backoff_seconds=0.01)
            with self.assertRaises(client.ApiError) as caught:
                run.ingest(api_client, self.tmp, SETTINGS["bucket"], now=NOW)
        self.assertEqual(caught.exception.status, 401)
        with self.assertRaises(FileNotFoundError):
            landing.read_landed(self.tmp, SETTINGS["bucket"], "products", "2026-03-08")

    def test_an_unreachable_server_is_retried_then_reported(self):
        with fake_api.FakeCatalogApi([], TOKEN) as api:
            url = api.url
        waits = []
        api_client = client.ApiClient(url, TOKEN, max_retries=SETTINGS["max_retries"], timeout=1, sleep=waits.append)
        with self.assertRaises(client.ApiError):
            api_client.get_json("/v1/products")
        self.assertEqual(len(waits), SETTINGS["max_retries"])


if __name__ == "__main__":
    unittest.main()
