"""The serving layer of the lambda architecture: batch rows, overridden by newer speed-layer rows."""
REVENUE_STATUSES = {"placed", "shipped", "delivered"}


def merge_orders(batch_orders, speed_orders):
    """Orders by id, taking the speed row when the batch has none or an older `updated_at`."""
    merged = {o["id"]: o for o in batch_orders}
    for order in speed_orders:
        known = merged.get(order["id"])
        if known is None or (order.get("updated_at") or "") > (known.get("updated_at") or ""):
            merged[order["id"]] = order
    return [merged[k] for k in sorted(merged)]


def revenue_by_customer(orders):
    totals = {}
    for order in orders:
        if order["status"] in REVENUE_STATUSES:
            totals[order["customer_id"]] = totals.get(order["customer_id"], 0) + order["quantity"] * order["unit_price_cents"]
    return totals
