-- materialized: view
SELECT sku AS product_sku, name AS product_name, category, price_cents
FROM {{ source('silver', 'products') }}
