"""Job `daily_revenue`: revenue, orders, units and buyers per day, country and category."""
from .frame import group_by, where

REVENUE_STATUSES = {"placed", "shipped", "delivered"}


def transform(enriched):
    live = where(enriched, lambda r: r["status"] in REVENUE_STATUSES)
    return group_by(live, ["order_date", "country", "category"], orders=("count", None), units=("sum", "quantity"),
                    revenue_cents=("sum", "amount_cents"), customers=("count_distinct", "customer_id"))


def run(lake, settings):
    rows = transform(lake.read_table("gold", "orders_enriched"))
    lake.write_table("gold", "daily_revenue", rows, partition_by="order_date", parts=settings["output_parts"])
    return len(rows)
