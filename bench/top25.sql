-- Top 25 exporters 2020-2024 with world shares.
SELECT supplier, sum(tiv) AS tiv, sum(tiv) / sum(sum(tiv)) OVER () AS share
FROM read_parquet(getvariable('flows'))
WHERE year BETWEEN 2020 AND 2024
GROUP BY supplier ORDER BY tiv DESC LIMIT 25;
