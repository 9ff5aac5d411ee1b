import io
import json
import unittest
import urllib.error

from ingest import client, landing
from pipeline_common import files, testing  # after the stack's package, which puts lib/ on the path

DemoSwitch = testing.switch_test("ingestion-api", "unit")


class FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def opener_replying(*replies):
    """An urlopen stand-in answering each call with the next reply: a dict body or an HTTP status to raise."""
    calls = []

    def opener(request, timeout):
        calls.append(request.full_url)
        reply = replies[len(calls) - 1]
        if isinstance(reply, int):
            raise urllib.error.HTTPError(request.full_url, reply, "error", {"Retry-After": None}, None)
        return FakeResponse(json.dumps(reply).encode())

    return opener, calls


class ClientTests(unittest.TestCase):
    def test_follows_cursors_across_pages(self):
        opener, calls = opener_replying({"items": [1, 2], "next_cursor": "2"}, {"items": [3]})
        api = client.ApiClient("http://api", "t", page_size=2, opener=opener)
        self.assertEqual(list(api.pages("products")), [[1, 2], [3]])
        self.assertEqual(calls, ["http://api/v1/products?limit=2", "http://api/v1/products?limit=2&cursor=2"])

    def test_retries_server_errors_with_doubling_backoff(self):
        waits = []
        opener, calls = opener_replying(503, 502, {"items": []})
        api = client.ApiClient("http://api", "t", max_retries=3, backoff_seconds=0.5, sleep=waits.append, opener=opener)
        self.assertEqual(api.get_json("/v1/x"), {"items": []})
        self.assertEqual(waits, [0.5, 1.0])

    def test_gives_up_after_max_retries_and_never_retries_client_errors(self):
        opener, calls = opener_replying(500, 500, 500)
        with self.assertRaises(client.ApiError) as caught:
            client.ApiClient("http://api", "t", max_retries=2, sleep=lambda s: None, opener=opener).get_json("/v1/x")
        self.assertEqual((caught.exception.status, len(calls)), (500, 3))
        opener, calls = opener_replying(401)
        with self.assertRaises(client.ApiError):
            client.ApiClient("http://api", "t", sleep=lambda s: None, opener=opener).get_json("/v1/x")
        self.assertEqual(len(calls), 1)

    def test_retry_after_header_wins_and_backoff_is_capped(self):
        api = client.ApiClient("http://api", "t", backoff_seconds=1)
        self.assertEqual(api.backoff(0, "7"), 7.0)
        self.assertEqual(api.backoff(10), 30.0)


class LandingTests(testing.TempDirTestCase):
    def test_validation_names_each_problem(self):
        self.assertEqual(landing.problems({"sku": "A", "name": "a", "category": "c", "price_cents": 1}), [])
        self.assertEqual(landing.problems({"sku": "A", "name": "a", "price_cents": -1}), ["missing category", "price_cents is negative"])
        self.assertEqual(landing.problems({"sku": "A", "name": "a", "category": "c", "price_cents": True}), ["price_cents is not int"])

    def test_landing_again_replaces_the_day(self):
        good = {"sku": "A", "name": "a", "category": "c", "price_cents": 1}
        landing.land([[good, {"sku": "B"}], [good]], self.tmp, "b", "products", "2026-03-01", "t")
        manifest = landing.land([[good]], self.tmp, "b", "products", "2026-03-01", "t")
        self.assertEqual((manifest["pages"], manifest["items"], manifest["rejected"]), (1, 1, 0))
        folder = landing.partition(self.tmp, "b", "products", "2026-03-01")
        self.assertEqual(sorted(p.name for p in folder.iterdir()), ["_manifest.json", "page-0001.json"])
        self.assertEqual(landing.read_landed(self.tmp, "b", "products", "2026-03-01"), [good])
        self.assertEqual(files.read_json(folder / "_manifest.json")["run_date"], "2026-03-01")


if __name__ == "__main__":
    unittest.main()
