// Ledger xlsx benchmark: generate a LedgerDraft (deterministic), write it with writeLedger, read it
// back with readLedger, check the round trip, and print time and peak memory for each step.
//   npx tsx bench/ledger-xlsx.ts [--measures 100000] [--out bench/out/ledger.xlsx]
// Each step runs in its own child process, so "peak RSS" is that step's own high-water mark
// (process.resourceUsage().maxRSS), not the sum of everything held by one process.

import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { LedgerDraft } from '@zhenggai/core';
import { readLedger, writeLedger } from '../packages/xlsx/src/index.ts';
import { generateLedger } from './ledger-generate.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const measures = Number(arg('measures', '100000'));
const out = arg('out', 'bench/out/ledger-xlsx.xlsx');
const phase = arg('phase', 'main');

interface PhaseResult {
  phase: string;
  ms: number;
  maxRssMb: number;
  detail: string;
}

/** Drops the cell positions: they are where a value was read from, not part of the ledger. */
function withoutPositions(ledger: LedgerDraft): unknown {
  return JSON.parse(JSON.stringify(ledger, (key, value: unknown) => (key === 'at' ? undefined : value)));
}

async function runPhase(): Promise<PhaseResult> {
  if (phase === 'write') {
    const t0 = performance.now();
    const ledger = generateLedger({ measures });
    const genMs = performance.now() - t0;
    const t = performance.now();
    await writeLedger(ledger, { path: out });
    const ms = performance.now() - t;
    const mb = (statSync(out).size / 1048576).toFixed(1);
    return {
      phase,
      ms,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      detail: `file ${mb} MB (generating the draft took ${genMs.toFixed(0)} ms; the draft is in the peak)`,
    };
  }
  const t = performance.now();
  const result = await readLedger({ path: out });
  const ms = performance.now() - t;
  // Taken before the reference draft is generated for the comparison below.
  const rss = process.resourceUsage().maxRSS / 1024;
  const same = isDeepStrictEqual(
    withoutPositions(result.ledger),
    withoutPositions(generateLedger({ measures })),
  );
  const count = result.ledger.categories.reduce(
    (n, c) => n + c.problems.reduce((m, p) => m + p.measures.length, 0),
    0,
  );
  return {
    phase,
    ms,
    maxRssMb: rss,
    detail: `${count} measures, ${result.issues.length} issues, round trip ${same ? 'identical' : 'DIFFERENT'}`,
  };
}

if (phase !== 'main') {
  const result = await runPhase();
  process.stdout.write(JSON.stringify(result));
} else {
  mkdirSync(dirname(out), { recursive: true });
  console.log(
    `ledger xlsx benchmark: ${measures} measures, Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  let failed = false;
  for (const p of ['write', 'read']) {
    const json = execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1] as string,
        '--phase',
        p,
        '--measures',
        String(measures),
        '--out',
        out,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const r = JSON.parse(json) as PhaseResult;
    if (r.detail.includes('DIFFERENT')) failed = true;
    console.log(
      `${r.phase.padEnd(5)}  ${(r.ms / 1000).toFixed(2).padStart(6)} s  peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB  ${r.detail}`,
    );
  }
  if (failed) process.exitCode = 1;
}
