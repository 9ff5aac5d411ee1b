-- materialized: view
SELECT id AS order_id, customer_id, product_sku, quantity, unit_price_cents,
       quantity * unit_price_cents AS amount_cents, status, substr(ordered_at, 1, 10) AS order_date
FROM {{ source('silver', 'orders') }}
