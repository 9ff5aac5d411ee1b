-- materialized: table
SELECT c.customer_id, c.email, c.country,
       min(f.order_date) AS first_order_date,
       coalesce(sum(f.is_revenue), 0) AS lifetime_orders,
       coalesce(sum(f.amount_cents * f.is_revenue), 0) AS lifetime_revenue_cents
FROM {{ ref('stg_customers') }} AS c
LEFT JOIN {{ ref('fct_orders') }} AS f ON f.customer_id = c.customer_id
GROUP BY c.customer_id, c.email, c.country
