// The cross-check benchmark: end-to-end time (import + all rules + hits as CSV) and peak
// memory, each in its own child process under /usr/bin/time -v, for
//   (a) our engine on DuckDB, (b) the hand-written DuckDB script plain.sql, (c) our engine
//   on PostgreSQL (DuckDB import + COPY into PostgreSQL + the same rules there).
//   node --import tsx bench/checks/run.ts                 # county: 500,000 members
//   node --import tsx bench/checks/run.ts --big           # province: 10,000,000 members
//   options: --members N, --repeat K (median of K runs), --skip postgres,plain
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string' },
    big: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    skip: { type: 'string', default: '' },
    memory: { type: 'string', default: '3GB' },
  },
});
const members = Number(values.members ?? (values.big ? 10_000_000 : 500_000));
const dir = join('bench', 'out', `checks-${members}`);
const skip = new Set(values.skip.split(',').filter(Boolean));

if (!existsSync(join(dir, 'followups.csv'))) {
  const t = performance.now();
  const counts = await generate(members, dir);
  console.error(
    `generated ${dir} in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`,
  );
}
const rows =
  Number(
    execFileSync('sh', ['-c', `cat ${dir}/*.csv | wc -l`])
      .toString()
      .trim(),
  ) - 9;

interface Measured {
  seconds: number;
  /** user + system CPU seconds: less sensitive than wall time to a busy machine. */
  cpu: number;
  wall: number;
  peakMiB: number;
  rules: Record<string, number>;
}

function measure(script: string, args: string[]): Measured {
  const res = spawnSync(
    '/usr/bin/time',
    [
      '-v',
      process.execPath,
      '--import',
      'tsx',
      join('bench', 'checks', script),
      '--dir',
      dir,
      '--memory',
      values.memory,
      ...args,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  if (res.status !== 0) throw new Error(`${script} failed: ${res.stderr}`);
  const out = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}') as {
    seconds: number;
    rules: Record<string, number>;
  };
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr)?.[1] ?? 0);
  const wallText = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(res.stderr)?.[1] ?? '0';
  const wall = wallText.split(':').reduce((s, p) => s * 60 + Number(p), 0);
  const cpu =
    Number(/User time \(seconds\): ([\d.]+)/.exec(res.stderr)?.[1] ?? 0) +
    Number(/System time \(seconds\): ([\d.]+)/.exec(res.stderr)?.[1] ?? 0);
  return { seconds: out.seconds, cpu, wall, peakMiB: Math.round(rss / 1024), rules: out.rules };
}

function median(xs: Measured[]): Measured {
  const sorted = [...xs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)] as Measured;
}

const runs: Record<string, Measured[]> = { engine: [], plain: [], postgres: [] };
for (let i = 0; i < Number(values.repeat); i++) {
  // Interleaved, so a busy moment on the machine hurts all three alike.
  runs.engine?.push(measure('engine-child.ts', ['--engine', 'duckdb']));
  if (!skip.has('plain')) runs.plain?.push(measure('plain-child.ts', []));
  if (!skip.has('postgres')) runs.postgres?.push(measure('engine-child.ts', ['--engine', 'postgres']));
}
const result = Object.fromEntries(
  Object.entries(runs)
    .filter(([, v]) => v.length > 0)
    .map(([k, v]) => [k, median(v)]),
);
const e = result.engine as Measured;
const p = result.plain as Measured | undefined;
console.log(
  `members ${members.toLocaleString('en-US')}, roster rows ${rows.toLocaleString('en-US')}, ${values.repeat} run(s), median; cpus ${execFileSync('nproc').toString().trim()}, load ${execFileSync('cat', ['/proc/loadavg']).toString().split(' ').slice(0, 3).join(' ')}`,
);
console.log('| path | end-to-end (s) | process wall (s) | CPU user+sys (s) | peak RSS (MiB) |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, m] of Object.entries(result)) {
  const label =
    name === 'engine'
      ? 'zhenggai check, DuckDB'
      : name === 'plain'
        ? 'hand-written DuckDB SQL'
        : 'zhenggai check, PostgreSQL';
  console.log(
    `| ${label} | ${m.seconds.toFixed(2)} | ${m.wall.toFixed(2)} | ${m.cpu.toFixed(2)} | ${m.peakMiB} |`,
  );
}
if (p)
  console.log(
    `ratio engine / plain: ${(e.seconds / p.seconds).toFixed(2)} (end-to-end), ${(e.cpu / p.cpu).toFixed(2)} (CPU)`,
  );
const mismatch = Object.entries(result).flatMap(([name, m]) =>
  Object.entries(e.rules)
    .filter(([id, n]) => m.rules[id] !== undefined && m.rules[id] !== n)
    .map(([id, n]) => `${name} ${id}: ${m.rules[id]} vs ${n}`),
);
console.log(
  mismatch.length ? `hit counts differ: ${mismatch.join('; ')}` : 'hit counts identical across all paths',
);
console.log(JSON.stringify({ members, rows, result }));
