-- The usual BI approach to every unit × every month, for DuckDB (benchmarks/bench_table.py).
--
-- One fact row per employment × working day and per absence record × day, joined to an
-- ancestor closure table over time, summed in integers. Inputs (Parquet, written by
-- the benchmark from the same database as Samråd reads): units (unit, parent, first,
-- last), jobs (employee, unit, hours, first, last), records (employee, first, last,
-- degree), calendar (day, working), months (period, p_first, p_last). Days are days
-- since 1970, hours and degree are × 10 000, ids are integer surrogate keys.
-- The placeholders {folder} and {open_end} are filled in by the benchmark.

CREATE TABLE units AS SELECT * FROM read_parquet('{folder}/units.parquet');
CREATE TABLE jobs AS SELECT * FROM read_parquet('{folder}/jobs.parquet');
CREATE TABLE records AS SELECT * FROM read_parquet('{folder}/records.parquet');
CREATE TABLE calendar AS SELECT * FROM read_parquet('{folder}/calendar.parquet');
CREATE TABLE months AS SELECT * FROM read_parquet('{folder}/months.parquet');

-- The ancestor closure over time: a transfer splits a unit's rows at its date.
CREATE TABLE closure AS
WITH RECURSIVE up(unit, ancestor, first, last) AS (
    SELECT unit, unit, first, last FROM units
    UNION ALL
    SELECT up.unit, u.parent, greatest(up.first, u.first), least(up.last, u.last)
    FROM up JOIN units u ON u.unit = up.ancestor
    WHERE u.parent IS NOT NULL AND greatest(up.first, u.first) <= least(up.last, u.last)
)
SELECT * FROM up;

-- Working days counted up to each day, for the spells' gaps.
CREATE TABLE counted AS
SELECT day, working::INT AS working, sum(working::INT) OVER (ORDER BY day) AS through
FROM calendar;

-- Spells: a record continues the previous one when only non-working days lie between.
CREATE TABLE tagged AS
WITH r AS (
    SELECT r.*, a.through - a.working AS before_first, b.through AS through_last
    FROM records r
    JOIN counted a ON a.day = r.first
    JOIN counted b ON b.day = r.last
    WHERE b.through - (a.through - a.working) > 0
),
g AS (
    SELECT *, lag(through_last) OVER w AS previous_through
    FROM r WINDOW w AS (PARTITION BY employee ORDER BY first, last)
),
n AS (
    SELECT *, sum(CASE WHEN previous_through IS NULL OR before_first - previous_through > 0
                       THEN 1 ELSE 0 END)
              OVER (PARTITION BY employee ORDER BY first, last ROWS UNBOUNDED PRECEDING) AS nth
    FROM g
)
SELECT employee, first, last, degree, nth,
       min(first) OVER s AS spell_first, max(last) OVER s AS spell_last
FROM n WINDOW s AS (PARTITION BY employee, nth);

CREATE TABLE day_month AS
SELECT c.day, c.working, m.period, m.p_last
FROM calendar c JOIN months m ON c.day BETWEEN m.p_first AND m.p_last;

-- The facts.
CREATE TABLE employment_days AS
SELECT j.employee, j.unit, j.hours, d.day, d.period
FROM jobs j JOIN day_month d ON d.day BETWEEN j.first AND j.last
WHERE d.working;

CREATE TABLE absence_days AS
SELECT t.employee, t.degree, t.spell_first, t.spell_last, d.day, d.p_last
FROM tagged t JOIN day_month d ON d.day BETWEEN t.first AND t.last;

-- The figures per ancestor and month.
CREATE TABLE planned AS
SELECT c.ancestor, e.period, sum(e.hours) AS planned, count(DISTINCT e.employee) AS headcount
FROM employment_days e
JOIN closure c ON c.unit = e.unit AND e.day BETWEEN c.first AND c.last
GROUP BY ALL;

CREATE TABLE absent AS
SELECT c.ancestor, e.period,
       sum(CASE WHEN g = 0 THEN e.hours * a.degree ELSE 0 END) AS absent_0,
       sum(CASE WHEN g = 1 THEN e.hours * a.degree ELSE 0 END) AS absent_1,
       sum(CASE WHEN g = 2 THEN e.hours * a.degree ELSE 0 END) AS absent_2,
       sum(CASE WHEN g = 3 THEN e.hours * a.degree ELSE 0 END) AS absent_3
FROM (
    SELECT *, CASE WHEN known >= 31 THEN 3 WHEN known >= 15 THEN 2 WHEN known >= 4 THEN 1
                   ELSE 0 END AS g
    FROM (SELECT *, least(spell_last, p_last) - spell_first + 1 AS known FROM absence_days)
) a
JOIN employment_days e ON e.employee = a.employee AND e.day = a.day
JOIN closure c ON c.unit = e.unit AND e.day BETWEEN c.first AND c.last
GROUP BY ALL;

-- A spell counts in the month of its last day, for the units its employee is in then.
CREATE TABLE ended AS
SELECT DISTINCT c.ancestor, d.period, s.employee, s.spell_first, s.spell_last,
       s.spell_last - s.spell_first + 1 AS length
FROM (SELECT DISTINCT employee, spell_first, spell_last FROM tagged
      WHERE spell_last < {open_end}) s
JOIN day_month d ON d.day = s.spell_last
JOIN jobs j ON j.employee = s.employee AND s.spell_last BETWEEN j.first AND j.last
JOIN closure c ON c.unit = j.unit AND s.spell_last BETWEEN c.first AND c.last;

CREATE TABLE spells AS
SELECT ancestor, period,
       count(*) FILTER (WHERE length < 4) AS spells_0,
       count(*) FILTER (WHERE length BETWEEN 4 AND 14) AS spells_1,
       count(*) FILTER (WHERE length BETWEEN 15 AND 30) AS spells_2,
       count(*) FILTER (WHERE length >= 31) AS spells_3,
       sum(length) AS spell_days,
       count(DISTINCT employee) AS spell_employees
FROM ended GROUP BY ALL;

CREATE TABLE result AS
SELECT a.ancestor AS unit, m.period, m.p_first, m.p_last,
       (SELECT count(*) FROM calendar WHERE working AND day BETWEEN m.p_first AND m.p_last)
           AS working_days,
       coalesce(p.planned, 0) AS planned, coalesce(p.headcount, 0) AS headcount,
       coalesce(b.absent_0, 0) AS absent_0, coalesce(b.absent_1, 0) AS absent_1,
       coalesce(b.absent_2, 0) AS absent_2, coalesce(b.absent_3, 0) AS absent_3,
       coalesce(s.spells_0, 0) AS spells_0, coalesce(s.spells_1, 0) AS spells_1,
       coalesce(s.spells_2, 0) AS spells_2, coalesce(s.spells_3, 0) AS spells_3,
       coalesce(s.spell_days, 0) AS spell_days, coalesce(s.spell_employees, 0) AS spell_employees
FROM (SELECT DISTINCT ancestor FROM closure) a CROSS JOIN months m
LEFT JOIN planned p ON p.ancestor = a.ancestor AND p.period = m.period
LEFT JOIN absent b ON b.ancestor = a.ancestor AND b.period = m.period
LEFT JOIN spells s ON s.ancestor = a.ancestor AND s.period = m.period;
