// Writes both reports for the sample ledger to .artifacts/reports/ for a look in LibreOffice:
//   npx tsx packages/reports/test/write-sample.ts
//   soffice --headless --convert-to pdf --outdir .artifacts/reports .artifacts/reports/*.docx
import { mkdir, writeFile } from 'node:fs/promises';
import { generateReport, REPORT_KINDS } from '../src/index.ts';
import { buildSampleLedger } from './builders.ts';

const outDir = new URL('../../../.artifacts/reports/', import.meta.url);
await mkdir(outDir, { recursive: true });
for (const kind of REPORT_KINDS) {
  const file = new URL(`${kind}.docx`, outDir);
  await writeFile(file, await generateReport(kind, buildSampleLedger()));
  console.log(file.pathname);
}
