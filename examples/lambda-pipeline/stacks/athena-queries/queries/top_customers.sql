-- The customers who spent the most, cancelled orders excluded.
SELECT customer_id, country, count(*) AS orders, sum(amount_cents) AS spent_cents
FROM gold_orders_enriched
WHERE status <> 'cancelled'
GROUP BY customer_id, country
ORDER BY spent_cents DESC, customer_id
LIMIT :limit
