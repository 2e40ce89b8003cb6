// Import and export of a big ledger, end to end through the real CLI, each in its own process:
//   npx tsx bench/ledger-db.ts [--measures 100000] [--engine pglite|postgres]
// Generates an xlsx ledger, then times `zhenggai ledger import` (one all-or-nothing
// transaction) and `zhenggai ledger export`, reporting wall time and the peak RSS of each
// process (from the kernel's rusage of the child). For postgres set TEST_DATABASE_URL.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeLedger } from '@zhenggai/xlsx';
import { generateLedger } from './ledger-generate.ts';
import { freshDatabase, type TestDatabase } from '../test/databases.ts';

const { values } = parseArgs({
  options: { measures: { type: 'string', default: '100000' }, engine: { type: 'string', default: 'pglite' } },
});
const measures = Number(values.measures);
mkdirSync('bench/out', { recursive: true });
const file = `bench/out/ledger-${measures}.xlsx`;
await writeLedger(generateLedger({ measures, title: '基准测试台账' }), { path: file });
console.log(`ledger file: ${file} (${(statSync(file).size / 1048576).toFixed(1)} MB, ${measures} measures)`);

const data = mkdtempSync(join(tmpdir(), 'zg-bench-'));
const database: TestDatabase | null = values.engine === 'postgres' ? await freshDatabase('postgres') : null;
const env = { ...process.env, DATABASE_URL: database?.url ?? '', ZHENGGAI_ADMIN_PASSWORD: 'bench-password' };

const gnuTime = spawnSync('/usr/bin/time', ['--version']).status === 0;

/** Runs the CLI in its own process; wall seconds and the peak RSS reported by GNU time (Debian `time`). */
function cli(args: string[]): Promise<{ seconds: number; peakMb: number | null; stdout: string }> {
  const command = [process.execPath, 'apps/cli/bin/zhenggai.mjs', ...args, '--data', data];
  const [bin, ...rest] = gnuTime ? ['/usr/bin/time', '-f', 'PEAK_KB=%M', ...command] : command;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(bin!, rest, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`zhenggai ${args.join(' ')} exited ${code}: ${stderr}`));
      const kb = /PEAK_KB=(\d+)/.exec(stderr)?.[1];
      resolve({ seconds, peakMb: kb ? Math.round(Number(kb) / 1024) : null, stdout });
    });
  });
}

await cli(['init']);
const imported = await cli(['ledger', 'import', file, '--create-units', '--json']);
const summary = JSON.parse(imported.stdout) as { inspectionId: number; measures: number; problems: number };
const exported = await cli([
  'ledger',
  'export',
  '--inspection',
  String(summary.inspectionId),
  '-o',
  `bench/out/export-${measures}.xlsx`,
]);
console.log(
  `engine=${values.engine} measures=${summary.measures} problems=${summary.problems}\n` +
    `import (zhenggai ledger import, whole process): ${imported.seconds.toFixed(2)} s, peak RSS ${imported.peakMb} MB\n` +
    `export (zhenggai ledger export, whole process): ${exported.seconds.toFixed(2)} s, peak RSS ${exported.peakMb} MB`,
);
await database?.drop();
rmSync(data, { recursive: true, force: true });
