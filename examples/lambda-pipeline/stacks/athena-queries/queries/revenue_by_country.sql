-- Revenue and orders per country over a date range (inclusive).
SELECT country, sum(orders) AS orders, sum(revenue_cents) AS revenue_cents
FROM gold_daily_revenue
WHERE order_date BETWEEN :start AND :end
GROUP BY country
ORDER BY revenue_cents DESC, country
