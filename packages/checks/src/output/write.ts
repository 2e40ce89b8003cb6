// Per rule: <rule>.csv (UTF-8 with BOM so Excel opens it as Chinese) and <rule>.xlsx
// (streamed), optionally one folder per village; plus hits.jsonl for machines.
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { maskIdNumber } from '../id-number.ts';
import { csvField } from '../roster/csv-line.ts';
import { HIT_HEADERS, hitCells, type Hit } from './hits.ts';

export type OutputFormat = 'csv' | 'xlsx';

export interface WriteOptions {
  outDir: string;
  unmask: boolean;
  splitByVillage: boolean;
  formats: OutputFormat[];
}

const NO_VILLAGE = '未填村';

/** A village name as a folder name on any OS. */
export function safeFolderName(name: string | null): string {
  const cleaned = [...(name ?? '')]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^\.+/, '_')
    .trim();
  return cleaned === '' ? NO_VILLAGE : cleaned.slice(0, 80);
}

async function writeCsv(file: string, rows: string[][]): Promise<void> {
  const out = createWriteStream(file);
  out.write('\uFEFF');
  for (const r of [HIT_HEADERS, ...rows]) {
    if (!out.write(`${r.map(csvField).join(',')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

async function writeXlsx(file: string, sheetName: string, rows: string[][]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || 'hits');
  ws.addRow(HIT_HEADERS).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

export async function writeRuleHits(
  ruleId: string,
  title: string,
  hits: Hit[],
  o: WriteOptions,
): Promise<string[]> {
  const groups = new Map<string, Hit[]>();
  if (o.splitByVillage) {
    for (const h of hits) {
      const key = safeFolderName(h.village);
      const list = groups.get(key) ?? [];
      list.push(h);
      groups.set(key, list);
    }
  } else groups.set('', hits);
  const written: string[] = [];
  for (const [folder, list] of groups) {
    const dir = folder ? join(o.outDir, folder) : o.outDir;
    mkdirSync(dir, { recursive: true });
    const rows = list.map((h) => hitCells(h, title, o.unmask));
    if (o.formats.includes('csv')) {
      const f = join(dir, `${ruleId}.csv`);
      await writeCsv(f, rows);
      written.push(f);
    }
    if (o.formats.includes('xlsx')) {
      const f = join(dir, `${ruleId}.xlsx`);
      await writeXlsx(f, title, rows);
      written.push(f);
    }
  }
  return written;
}

/** One JSON object per hit, appended rule by rule: the input for verification tasks. */
export function openHitsJsonl(
  outDir: string,
  unmask: boolean,
): { write: (hits: Hit[]) => Promise<void>; close: () => Promise<void> } {
  mkdirSync(outDir, { recursive: true });
  const out = createWriteStream(join(outDir, 'hits.jsonl'));
  return {
    async write(hits) {
      for (const h of hits) {
        const line = JSON.stringify({
          ...h,
          idNumber: unmask ? h.idNumber : h.idNumber && maskIdNumber(h.idNumber),
        });
        if (!out.write(`${line}\n`)) await once(out, 'drain');
      }
    },
    async close() {
      out.end();
      await once(out, 'close');
    },
  };
}
