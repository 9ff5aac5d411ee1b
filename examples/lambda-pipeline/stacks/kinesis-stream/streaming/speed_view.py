"""The real-time view: current orders built from change records, and revenue per customer from it."""
import json

from pipeline_common import files

REVENUE_STATUSES = {"placed", "shipped", "delivered"}


class SpeedView:
    def __init__(self, orders=None, watermark=""):
        self.orders = dict(orders or {})
        self.watermark = watermark

    def apply(self, change):
        """Applies one DMS change record; records of other tables are ignored. Replaying is harmless."""
        meta = change["metadata"]
        if meta["table-name"] != "orders":
            return
        key = str(change["data"]["id"])
        if meta["operation"] == "delete":
            self.orders.pop(key, None)
        else:
            self.orders[key] = change["data"]
        self.watermark = max(self.watermark, meta["timestamp"])

    def handle(self, entries):
        """A stream consumer handler: decodes each stream entry and applies it."""
        for entry in entries:
            self.apply(json.loads(entry["data"]))

    def revenue_by_customer(self):
        totals = {}
        for order in self.orders.values():
            if order["status"] in REVENUE_STATUSES:
                totals[order["customer_id"]] = totals.get(order["customer_id"], 0) + order["quantity"] * order["unit_price_cents"]
        return totals

    def save(self, path):
        files.write_json(path, {"watermark": self.watermark, "orders": self.orders})

    @classmethod
    def load(cls, path):
        data = files.read_json(path, default={})
        return cls(data.get("orders"), data.get("watermark", ""))
