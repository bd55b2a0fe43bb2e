-- The seed article's two figures, 2020-2024: Russia's share of Kazakhstan's
-- imports, and Kazakhstan's share and rank among Russia's recipients.
-- Run as: duckdb -csv -c "SET VARIABLE flows = '<flows.parquet>'; $(cat kazakhstan.sql)"
WITH f AS (
    SELECT supplier, recipient, tiv FROM read_parquet(getvariable('flows'))
    WHERE year BETWEEN 2020 AND 2024
),
imp AS (
    SELECT supplier, sum(tiv) AS tiv, sum(tiv) / sum(sum(tiv)) OVER () AS share
    FROM f WHERE recipient = 'Kazakhstan' GROUP BY supplier
),
exp AS (
    SELECT recipient, sum(tiv) AS tiv, sum(tiv) / sum(sum(tiv)) OVER () AS share,
           rank() OVER (ORDER BY sum(tiv) DESC) AS rnk
    FROM f WHERE supplier = 'Russia' GROUP BY recipient
)
SELECT 'share_of_kazakhstan_imports' AS metric, share AS value FROM imp WHERE supplier = 'Russia'
UNION ALL SELECT 'share_of_russia_exports', share FROM exp WHERE recipient = 'Kazakhstan'
UNION ALL SELECT 'rank_among_russia_recipients', rnk FROM exp WHERE recipient = 'Kazakhstan';
