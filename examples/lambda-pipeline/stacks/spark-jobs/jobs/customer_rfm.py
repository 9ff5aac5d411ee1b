"""Job `customer_rfm`: recency, frequency and monetary scores (1–3) and a segment per customer."""
import datetime

from .daily_revenue import REVENUE_STATUSES
from .frame import group_by, where


def score(value, thresholds, higher_is_better=True):
    """1, 2 or 3 against two ascending `thresholds`."""
    low, high = thresholds
    points = 1 + (value >= low) + (value >= high)
    return points if higher_is_better else 4 - points


def segment(r, f, m):
    if r + f + m >= 8:
        return "champion"
    if r == 1:
        return "at_risk"
    if f == 1:
        return "occasional"
    return "loyal"


def transform(enriched, as_of):
    day = datetime.date.fromisoformat(as_of)
    live = where(enriched, lambda row: row["status"] in REVENUE_STATUSES)
    rows = []
    for group in group_by(live, ["customer_id"], last=("max", "order_date"), orders=("count", None), spent=("sum", "amount_cents")):
        recency = (day - datetime.date.fromisoformat(group["last"])).days
        r = score(recency, (8, 31), higher_is_better=False)
        f = score(group["orders"], (2, 5))
        m = score(group["spent"], (3000, 10000))
        rows.append({"customer_id": group["customer_id"], "recency_days": recency, "frequency": group["orders"],
                     "monetary_cents": group["spent"], "r": r, "f": f, "m": m, "segment": segment(r, f, m)})
    return rows


def run(lake, settings):
    rows = transform(lake.read_table("gold", "orders_enriched"), settings["as_of"])
    lake.write_table("gold", "customer_rfm", rows)
    return len(rows)
