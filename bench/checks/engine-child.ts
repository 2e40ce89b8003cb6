// One measured run of our engine (import + all rules + CSV hits), in its own process so
// the parent can read its peak memory. Prints one JSON line.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runCheck } from '../../packages/checks/src/run.ts';

const ROSTERS = [
  'households',
  'vehicles',
  'housing',
  'staff',
  'business',
  'deaths',
  'disability',
  'posts',
  'followups',
];

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    engine: { type: 'string', default: 'duckdb' },
    memory: { type: 'string', default: '3GB' },
    xlsx: { type: 'boolean', default: false },
  },
});
const dir = values.dir ?? 'bench/out/checks-500000';
const engine = values.engine === 'postgres' ? 'postgres' : 'duckdb';
const work = join(dir, `run-${engine}`);
rmSync(work, { recursive: true, force: true });
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `zg_bench_${randomBytes(3).toString('hex')}`;
const t0 = performance.now();
let timings: Record<string, number> = {};
let last = t0;
try {
  const result = await runCheck({
    pack: 'poverty',
    rosters: ROSTERS.map((name) => ({ name, file: join(dir, `${name}.csv`) })),
    asOf: '2024-06-30',
    engine,
    dataDir: join(work, 'data'),
    outDir: join(work, 'hits'),
    formats: values.xlsx ? ['csv', 'xlsx'] : ['csv'],
    memoryLimit: values.memory,
    keepHits: false,
    databaseUrl: url,
    pgSchema: schema,
    onProgress: (step) => {
      const now = performance.now();
      timings = { ...timings, [step]: Math.round(now - last) };
      last = now;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      engine,
      seconds,
      rows: result.rosters.reduce((s, r) => s + r.rows, 0),
      rules: Object.fromEntries(result.rules.map((r) => [r.id, r.hits])),
      timings,
    }),
  );
} finally {
  if (engine === 'postgres') {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  }
}
