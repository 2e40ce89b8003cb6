// Import and export of a big ledger through the real use-cases:
//   npx tsx bench/ledger-db.ts [--measures 100000] [--engine pglite|postgres]
// xlsx file → readLedger → importLedger (one all-or-nothing transaction), then
// exportLedgerDraft → writeLedger. Prints wall time and peak RSS of this process for each step.
// For postgres set DATABASE_URL (a database that may be emptied) or TEST_DATABASE_URL.
import { mkdirSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportLedgerDraft, importLedger, initialize, SYSTEM_ACTOR } from '@zhenggai/app';
import { openDatabase } from '@zhenggai/db';
import { readLedger, writeLedger } from '@zhenggai/xlsx';
import { generateLedger } from './ledger-generate.ts';
import { trackPeakRss } from './memory.ts';
import { freshDatabase } from '../test/databases.ts';

const { values } = parseArgs({
  options: { measures: { type: 'string', default: '100000' }, engine: { type: 'string', default: 'pglite' } },
});
const measures = Number(values.measures);
mkdirSync('bench/out', { recursive: true });
const file = `bench/out/ledger-${measures}.xlsx`;
await writeLedger(generateLedger({ measures, title: '基准测试台账' }), { path: file });
console.log(`ledger file: ${file} (${(statSync(file).size / 1048576).toFixed(1)} MB, ${measures} measures)`);

const database =
  values.engine === 'postgres'
    ? await freshDatabase('postgres')
    : { ...(await openDatabase({})), drop: async () => {} };
await initialize(database.db, { demo: false, password: 'bench-password', countyName: '基准县' });
const memory = trackPeakRss();

memory.reset();
let t = performance.now();
const read = await readLedger({ path: file });
const readMs = performance.now() - t;
const summary = await importLedger(database.db, SYSTEM_ACTOR, read.ledger, read.issues, {
  newInspection: { ownerUnitId: 1, inspectedUnitId: 1 },
  createUnits: true,
});
const importMs = performance.now() - t;
const importPeak = memory.peakMb();
if (summary.issues.length) throw new Error(`import refused: ${summary.issues.length} issues`);

memory.reset();
t = performance.now();
const draft = await exportLedgerDraft(database.db, SYSTEM_ACTOR, { inspectionId: summary.inspectionId! });
await writeLedger(draft, { path: `bench/out/export-${measures}.xlsx` });
const exportMs = performance.now() - t;
const exportPeak = memory.peakMb();
memory.stop();

console.log(
  `engine=${database.kind} measures=${summary.measures} problems=${summary.problems}\n` +
    `import: ${(importMs / 1000).toFixed(2)} s (of which reading the xlsx ${(readMs / 1000).toFixed(2)} s), peak RSS ${importPeak} MB\n` +
    `export: ${(exportMs / 1000).toFixed(2)} s, peak RSS ${exportPeak} MB`,
);
await database.drop();
