-- materialized: table
SELECT d.country, f.order_date, sum(f.amount_cents * f.is_revenue) AS revenue_cents, sum(f.is_revenue) AS orders
FROM {{ ref('fct_orders') }} AS f
JOIN {{ ref('dim_customers') }} AS d ON d.customer_id = f.customer_id
GROUP BY d.country, f.order_date
