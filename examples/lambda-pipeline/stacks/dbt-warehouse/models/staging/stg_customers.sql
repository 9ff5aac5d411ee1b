-- materialized: view
SELECT id AS customer_id, lower(email) AS email, country, created_at
FROM {{ source('silver', 'customers') }}
