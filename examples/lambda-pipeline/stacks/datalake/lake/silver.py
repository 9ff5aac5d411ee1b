"""Bronze → silver: current state of each table from its change records, cleaned, with bad rows quarantined."""
ORDER_STATUSES = {"placed", "shipped", "delivered", "cancelled"}


def current_state(records, key="id"):
    """Rows as they stand after applying load and change records in sequence order (replays are harmless)."""
    rows = {}
    for record in sorted(records, key=lambda r: r["seq"]):
        row = record["data"]
        if record["metadata"]["operation"] == "delete":
            rows.pop(row[key], None)
        else:
            rows[row[key]] = row
    return [rows[k] for k in sorted(rows)]


def order_problems(order):
    problems = []
    if not isinstance(order.get("quantity"), int) or order["quantity"] <= 0:
        problems.append("quantity must be a positive integer")
    if not isinstance(order.get("unit_price_cents"), int) or order["unit_price_cents"] < 0:
        problems.append("unit_price_cents must be a non-negative integer")
    if order.get("status") not in ORDER_STATUSES:
        problems.append(f"unknown status {order.get('status')!r}")
    if order.get("customer_id") is None:
        problems.append("customer_id is missing")
    return problems


def clean_orders(orders):
    """(valid orders, quarantined rows with their problems)."""
    good = [o for o in orders if not order_problems(o)]
    bad = [{**o, "_problems": order_problems(o)} for o in orders if order_problems(o)]
    return good, bad


def latest_products(items):
    """One row per SKU, the last one seen winning."""
    by_sku = {item["sku"]: item for item in items}
    return [by_sku[sku] for sku in sorted(by_sku)]


def build(lake):
    """Writes silver customers, orders (plus orders_quarantine) and products; returns row counts."""
    customers = current_state(lake.bronze_changes("customers"))
    orders, quarantined = clean_orders(current_state(lake.bronze_changes("orders")))
    products = latest_products(lake.bronze_latest_landing("products"))
    lake.write_table("silver", "customers", customers)
    lake.write_table("silver", "orders", orders)
    lake.write_table("silver", "orders_quarantine", quarantined)
    lake.write_table("silver", "products", products)
    return {"customers": len(customers), "orders": len(orders), "orders_quarantine": len(quarantined), "products": len(products)}
