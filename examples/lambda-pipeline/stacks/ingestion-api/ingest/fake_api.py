"""The local stand-in for the product catalog API: a threaded http.server on 127.0.0.1."""
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CATEGORIES = ["books", "games", "garden", "kitchen"]


def catalog(count):
    """`count` products SKU-001…, the first five being what the sample orders buy; SKU-013 lacks a price."""
    products = []
    for n in range(1, count + 1):
        product = {"sku": f"SKU-{n:03d}", "name": f"Product {n}", "category": CATEGORIES[n % len(CATEGORIES)],
                   "price_cents": 500 + 250 * (n % 8)}
        if n == 13:
            del product["price_cents"]
        products.append(product)
    return products


class FakeCatalogApi:
    """Serves `/v1/products?limit=&cursor=` with a bearer token; fails the first `failures` requests with 503."""

    def __init__(self, products, token, failures=0):
        self.products = products
        self.token = token
        self.failures = failures
        self.hits = 0
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                api.hits += 1
                url = urllib.parse.urlparse(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                if api.failures > 0:
                    api.failures -= 1
                    return self.reply(503, {"message": "try again"}, {"Retry-After": "0"})
                if self.headers.get("Authorization") != f"Bearer {api.token}":
                    return self.reply(401, {"message": "bad token"})
                if url.path != "/v1/products":
                    return self.reply(404, {"message": "no such resource"})
                start, limit = int(query.get("cursor", 0)), int(query.get("limit", 100))
                body = {"items": api.products[start:start + limit]}
                if start + limit < len(api.products):
                    body["next_cursor"] = str(start + limit)
                return self.reply(200, body)

            def reply(self, status, body, headers=None):
                data = json.dumps(body).encode()
                self.send_response(status)
                for key, value in {"Content-Type": "application/json", **(headers or {})}.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
