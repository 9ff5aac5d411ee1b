-- materialized: table
SELECT o.order_id, o.customer_id, o.product_sku, coalesce(p.category, 'unknown') AS category,
       o.quantity, o.amount_cents, o.status, o.order_date,
       CASE WHEN o.status = 'cancelled' THEN 0 ELSE 1 END AS is_revenue
FROM {{ ref('stg_orders') }} AS o
LEFT JOIN {{ ref('stg_products') }} AS p ON p.product_sku = o.product_sku
