-- The baseline: what an analyst would write by hand in DuckDB for the same checks.
-- Same files, same loads (all columns as text), same joins, hits written as CSV.
-- {{DIR}} and {{OUT}} are filled in by plain-child.ts.
CREATE OR REPLACE TABLE households AS SELECT * FROM read_csv('{{DIR}}/households.csv', header = true, all_varchar = true);
CREATE OR REPLACE TABLE vehicles AS SELECT * FROM read_csv('{{DIR}}/vehicles.csv', header = true, all_varchar = true);
CREATE OR REPLACE TABLE housing AS SELECT * FROM read_csv('{{DIR}}/housing.csv', header = true, all_varchar = true);
CREATE OR REPLACE TABLE staff AS SELECT * FROM read_csv('{{DIR}}/staff.csv', header = true, all_varchar = true);
CREATE OR REPLACE TABLE business AS SELECT * FROM read_csv('{{DIR}}/business.csv', header = true, all_varchar = true);
CREATE OR REPLACE TABLE deaths AS SELECT * FROM read_csv('{{DIR}}/deaths.csv', header = true, all_varchar = true);
CREATE OR REPLACE TABLE disability AS SELECT * FROM read_csv('{{DIR}}/disability.csv', header = true, all_varchar = true);
CREATE OR REPLACE TABLE posts AS SELECT * FROM read_csv('{{DIR}}/posts.csv', header = true, all_varchar = true);
CREATE OR REPLACE TABLE followups AS SELECT * FROM read_csv('{{DIR}}/followups.csv', header = true, all_varchar = true);

-- invalid-id: empty, wrong shape, impossible birth date or wrong check character (per row)
COPY (
  SELECT 户编号, 身份证号, 姓名, 所属村 FROM households
  WHERE 身份证号 IS NULL
     OR NOT regexp_full_match(身份证号, '[0-9]{17}[0-9X]')
     OR try_strptime(substr(身份证号, 7, 8), '%Y%m%d') IS NULL
     OR substr('10X98765432', (list_sum(list_transform(range(17), i -> (ascii(substr(身份证号, i + 1, 1)) - 48) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][i + 1])) % 11)::INT + 1, 1) <> substr(身份证号, 18, 1)
) TO '{{OUT}}/invalid-id.csv' (HEADER);

COPY (
  SELECT 身份证号, string_agg(DISTINCT 户编号, '、') AS 户 FROM households WHERE 身份证号 IS NOT NULL
  GROUP BY 身份证号 HAVING count(DISTINCT 户编号) > 1
) TO '{{OUT}}/duplicate-person.csv' (HEADER);

COPY (
  SELECT 户编号, count(*) AS 实列, max(家庭人口数) AS 填报 FROM households GROUP BY 户编号
  HAVING bool_or(TRY_CAST(家庭人口数 AS INT) <> 0) AND (count(*) <> min(TRY_CAST(家庭人口数 AS INT)) OR count(*) <> max(TRY_CAST(家庭人口数 AS INT)))
) TO '{{OUT}}/household-size.csv' (HEADER);

COPY (SELECT DISTINCT ON (h.身份证号) h.身份证号, h.姓名, h.户编号, h.所属村, v.号牌号码 FROM households h JOIN vehicles v ON v.身份证号 = h.身份证号) TO '{{OUT}}/owns-vehicle.csv' (HEADER);
COPY (SELECT DISTINCT ON (h.身份证号) h.身份证号, h.姓名, h.户编号, h.所属村, x.房屋坐落 FROM households h JOIN housing x ON x.身份证号 = h.身份证号 WHERE x.房屋类型 IN ('商品房', '门市房')) TO '{{OUT}}/owns-housing.csv' (HEADER);
COPY (SELECT DISTINCT ON (h.身份证号) h.身份证号, h.姓名, h.户编号, h.所属村, x.工作单位 FROM households h JOIN staff x ON x.身份证号 = h.身份证号) TO '{{OUT}}/financially-supported.csv' (HEADER);
COPY (SELECT DISTINCT ON (h.身份证号) h.身份证号, h.姓名, h.户编号, h.所属村, x.企业名称 FROM households h JOIN business x ON x.身份证号 = h.身份证号) TO '{{OUT}}/business-registered.csv' (HEADER);
COPY (SELECT DISTINCT ON (h.身份证号) h.身份证号, h.姓名, h.户编号, h.所属村, x.死亡日期 FROM households h JOIN deaths x ON x.身份证号 = h.身份证号) TO '{{OUT}}/deceased.csv' (HEADER);
COPY (SELECT DISTINCT ON (h.身份证号) h.身份证号, h.姓名, h.户编号, h.所属村, x.残疾等级 FROM households h JOIN disability x ON x.身份证号 = h.身份证号 WHERE h.健康状况 = '健康') TO '{{OUT}}/disability-marked-healthy.csv' (HEADER);
COPY (
  SELECT DISTINCT ON (coalesce(身份证号, rowid::VARCHAR)) 身份证号, 姓名, 户编号, 所属村, 务工收入 FROM households
  WHERE 劳动技能 IN ('丧失劳动力', '无劳动力') AND TRY_CAST(务工收入 AS DOUBLE) > 0
) TO '{{OUT}}/no-labour-with-wages.csv' (HEADER);
COPY (
  SELECT p.身份证号, p.岗位, p.合同截止日期, h.姓名, h.户编号, h.所属村 FROM posts p
  LEFT JOIN (SELECT DISTINCT ON (身份证号) * FROM households) h ON h.身份证号 = p.身份证号
  WHERE TRY_CAST(p.合同截止日期 AS DATE) < DATE '2024-06-30'
) TO '{{OUT}}/post-contract-expired.csv' (HEADER);
COPY (
  SELECT DISTINCT ON (coalesce(h.身份证号, h.rowid::VARCHAR)) h.身份证号, h.姓名, h.户编号, h.所属村, coalesce(f.n, 0) AS 次数 FROM households h
  LEFT JOIN (
    SELECT 身份证号, count(*) AS n FROM followups
    WHERE TRY_CAST(随访日期 AS DATE) > DATE '2024-06-30' - INTERVAL 365 DAY AND TRY_CAST(随访日期 AS DATE) <= DATE '2024-06-30'
    GROUP BY 身份证号
  ) f ON f.身份证号 = h.身份证号
  WHERE h.健康状况 IN ('长期慢性病', '大病') AND coalesce(f.n, 0) < 6
) TO '{{OUT}}/followups-below-6.csv' (HEADER);
