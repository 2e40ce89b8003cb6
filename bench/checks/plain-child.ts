// One measured run of the hand-written DuckDB script (plain.sql), for comparison.
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, memory: { type: 'string', default: '3GB' } },
});
const dir = resolve(values.dir ?? 'bench/out/checks-500000');
const work = join(dir, 'run-plain');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'hits'), { recursive: true });
const t0 = performance.now();
const inst = await DuckDBInstance.create(join(work, 'plain.duckdb'), {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  memory_limit: values.memory ?? '3GB',
  temp_directory: join(work, 'tmp'),
});
const conn = await inst.connect();
const script = readFileSync(new URL('./plain.sql', import.meta.url), 'utf8')
  .replaceAll('{{DIR}}', dir)
  .replaceAll('{{OUT}}', join(work, 'hits'));
await conn.run(script);
conn.closeSync();
inst.closeSync();
const seconds = (performance.now() - t0) / 1000;
const rules: Record<string, number> = {};
for (const f of readdirSync(join(work, 'hits')).sort()) {
  const lines = readFileSync(join(work, 'hits', f), 'utf8')
    .split('\n')
    .filter((l) => l !== '').length;
  rules[f.replace(/\.csv$/, '')] = lines - 1;
}
console.log(JSON.stringify({ engine: 'plain-duckdb', seconds, rules }));
