-- SPDX-License-Identifier: GPL-3.0-or-later
-- journal.sql - a journal for the benchmark: @n entries (bench/run.sh sets
-- it: 40,000 is ten years, 200,000 a lifetime), 11 a day ending 2026-03-11,
-- foods spread over the bundled database.
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @n - 1)
INSERT INTO entries(day, meal, food, amount, mg)
SELECT date('2026-03-11', '-' || (i / 11) || ' days'),
       i % 4,
       (SELECT min(id) FROM foods) + (i * 7919) % (SELECT count(*) FROM foods WHERE source <> 'custom'),
       '100 g', 100000
FROM n;
COMMIT;
