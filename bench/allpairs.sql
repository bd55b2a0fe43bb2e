-- Every (supplier, recipient) TIV in one window, shares of each recipient's
-- imports, and per-recipient HHI / effective number / CR1.
WITH p AS (
    SELECT recipient_id, supplier_id, sum(tiv) AS tiv
    FROM read_parquet(getvariable('flows'))
    WHERE year BETWEEN getvariable('y0') AND getvariable('y1')
    GROUP BY ALL
),
s AS (
    SELECT recipient_id, supplier_id, tiv,
           tiv / sum(tiv) OVER (PARTITION BY recipient_id) AS share
    FROM p
)
SELECT recipient_id, sum(tiv) AS total, count(*) AS suppliers,
       sum(share * share) AS hhi, 1 / sum(share * share) AS n_eff, max(share) AS cr1
FROM s GROUP BY recipient_id ORDER BY hhi DESC;
