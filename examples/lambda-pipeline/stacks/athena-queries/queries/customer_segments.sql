-- How many customers each RFM segment holds and what they spent.
SELECT segment, count(*) AS customers, sum(monetary_cents) AS monetary_cents
FROM gold_customer_rfm
GROUP BY segment
ORDER BY segment
