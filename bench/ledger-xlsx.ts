// Ledger xlsx benchmark: generate a LedgerDraft (deterministic), write it with writeLedger, read it
// back with readLedger, check the round trip, and print time and peak memory for each step; then
// read the same ledger saved as a GB18030 CSV.
//   npx tsx bench/ledger-xlsx.ts [--measures 100000] [--out bench/out/ledger.xlsx]
// Each step runs in its own child process, so "peak RSS" is that step's own high-water mark
// (process.resourceUsage().maxRSS), not the sum of everything held by one process.

import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import iconv from 'iconv-lite';
import { MEASURE_KIND_LABELS, MEASURE_STATUS_LABELS, type LedgerDraft } from '@zhenggai/core';
import { readLedger, writeLedger } from '../packages/xlsx/src/index.ts';
import { joinProblemCell } from '../packages/xlsx/src/problem-text.ts';
import { generateLedger } from './ledger-generate.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const measures = Number(arg('measures', '100000'));
const out = arg('out', 'bench/out/ledger-xlsx.xlsx');
const phase = arg('phase', 'main');
const csvOut = out.replace(/\.xlsx$/, '') + '.csv';

/**
 * The same ledger as a GB18030 CSV with the standard columns, the way a Chinese Windows Excel
 * saves "CSV (逗号分隔)": exercises the CSV path of readLedger at the same size.
 */
function ledgerCsv(ledger: LedgerDraft): Buffer {
  const q = (v: string | null) => (v === null ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    '序号,问题类别,问题,整改措施,责任领导,责任单位,责任人,整改时限,整改进展,完成情况,佐证材料,备注',
  ];
  for (const c of ledger.categories) {
    for (const p of c.problems) {
      p.measures.forEach((m, k) => {
        const deadline =
          m.kind === 'deadline'
            ? m.deadline
            : `${MEASURE_KIND_LABELS[m.kind]}${m.deadline ? `（${m.deadline}）` : ''}`;
        const first = k === 0;
        const cells = [
          first ? p.number : null,
          first ? c.title : null,
          first ? joinProblemCell(p.title, p.text, p.crossCheckAll) : null,
          m.text,
          m.leaderName,
          [m.unitName, ...m.cooperatingUnitNames].filter(Boolean).join('、'),
          m.personName,
          deadline,
          m.progress,
          MEASURE_STATUS_LABELS[m.status],
          m.evidenceNote,
          m.remark,
        ];
        lines.push(cells.map(q).join(','));
      });
    }
  }
  return iconv.encode(`${ledger.title ?? ''}\r\n${lines.join('\r\n')}\r\n`, 'gb18030');
}

interface PhaseResult {
  phase: string;
  ms: number;
  /** CPU time (user + system) of the step: steadier than wall time on a busy machine. */
  cpuMs: number;
  maxRssMb: number;
  detail: string;
}

/** Drops the cell positions: they are where a value was read from, not part of the ledger. */
function withoutPositions(ledger: LedgerDraft): unknown {
  return JSON.parse(JSON.stringify(ledger, (key, value: unknown) => (key === 'at' ? undefined : value)));
}

const cpuTotal = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function runPhase(): Promise<PhaseResult> {
  if (phase === 'write') {
    const t0 = performance.now();
    const ledger = generateLedger({ measures });
    const genMs = performance.now() - t0;
    const t = performance.now();
    const cpu = process.cpuUsage();
    await writeLedger(ledger, { path: out });
    const ms = performance.now() - t;
    const cpuMs = cpuTotal(process.cpuUsage(cpu));
    const mb = (statSync(out).size / 1048576).toFixed(1);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    writeFileSync(csvOut, ledgerCsv(ledger)); // for the csv step; neither timed nor in the peak
    return {
      phase,
      ms,
      cpuMs,
      maxRssMb,
      detail: `file ${mb} MB (generating the draft took ${genMs.toFixed(0)} ms; the draft is in the peak)`,
    };
  }
  const t = performance.now();
  const cpu = process.cpuUsage();
  const result = await readLedger({ path: phase === 'csv' ? csvOut : out });
  const ms = performance.now() - t;
  const cpuMs = cpuTotal(process.cpuUsage(cpu));
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
    cpuMs,
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
  for (const p of ['write', 'read', 'csv']) {
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
      `${r.phase.padEnd(5)}  ${(r.ms / 1000).toFixed(2).padStart(6)} s (cpu ${(r.cpuMs / 1000).toFixed(2)} s)  peak RSS ${r.maxRssMb.toFixed(0).padStart(4)} MB  ${r.detail}`,
    );
  }
  if (failed) process.exitCode = 1;
}
