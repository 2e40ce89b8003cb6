// Finding the header among the first rows of a sheet. Real ledgers put one or more title rows
// above it, and often a two-row header (a merged group such as "责任主体" above 责任领导/责任单位/
// 责任人, with 序号 and 问题 merged down across both rows). We score every row, and every pair of
// adjacent rows read as one header, by how many distinct known columns they name, and take the best.

import { isBlank, rawToText, type Raw } from './cells.ts';
import { matchHeader, type Field } from './columns.ts';

/** How many leading rows we look at; nobody puts 30 rows of preamble above a table. */
export const HEADER_SCAN_ROWS = 30;

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  number: number;
  /** cells[0] is column A. */
  cells: Raw[];
}

export interface HeaderMap {
  /** Index of the first header row in the scanned rows, and how many rows the header spans. */
  firstRowIndex: number;
  rowCount: 1 | 2;
  /** Field → 0-based column index. */
  columns: Map<Field, number>;
  /** 0-based column index → the header text people see, for messages. */
  headerText: Map<number, string>;
  /** Columns naming a field already named to their left (e.g. 牵头单位 after 责任单位): unused. */
  duplicates: number[];
}

function rowFields(row: SheetRow): (Field | null)[] {
  return row.cells.map((raw) => (typeof raw === 'string' ? matchHeader(raw) : null));
}

function build(rows: SheetRow[], index: number, rowCount: 1 | 2): HeaderMap {
  const top = rows[index];
  const sub = rowCount === 2 ? rows[index + 1] : undefined;
  const topFields = top ? rowFields(top) : [];
  const subFields = sub ? rowFields(sub) : [];
  const width = Math.max(topFields.length, subFields.length);
  const columns = new Map<Field, number>();
  const headerText = new Map<number, string>();
  const duplicates: number[] = [];
  for (let c = 0; c < width; c++) {
    // The sub-header names the real column; the top row only matters where it was merged down.
    const useSub = subFields[c] != null;
    const field = useSub ? subFields[c] : topFields[c];
    const raw = useSub ? sub?.cells[c] : top?.cells[c];
    const text = raw === undefined || isBlank(raw) ? rawToText(sub?.cells[c] ?? null) : rawToText(raw);
    if (text !== '') headerText.set(c, text.replace(/\s+/g, ''));
    if (field == null) continue;
    if (columns.has(field)) duplicates.push(c);
    else columns.set(field, c);
  }
  return { firstRowIndex: index, rowCount, columns, headerText, duplicates };
}

function isUsable(map: HeaderMap): boolean {
  return (map.columns.has('problem') || map.columns.has('measure')) && map.columns.size >= 3;
}

/** Finds the header among the scanned rows, or null when nothing looks like a ledger header. */
export function findHeader(rows: SheetRow[]): HeaderMap | null {
  let best: HeaderMap | null = null;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  const singles = rows.slice(0, limit + 1).map((_, i) => build(rows, i, 1));
  for (let i = 0; i < limit; i++) {
    const candidates: HeaderMap[] = [singles[i] as HeaderMap];
    // Two adjacent rows form a header only when each adds columns the other lacks: a title
    // row above, or the first data row below, a one-row header adds nothing and is left out.
    const next = rows[i + 1];
    if (next && next.number === (rows[i]?.number ?? 0) + 1) {
      const pair = build(rows, i, 2);
      const alone = Math.max(singles[i]?.columns.size ?? 0, singles[i + 1]?.columns.size ?? 0);
      if (pair.columns.size > alone) candidates.push(pair);
    }
    for (const candidate of candidates) {
      if (!isUsable(candidate)) continue;
      // Strictly better only: on a tie the earlier candidate wins.
      if (!best || candidate.columns.size > best.columns.size) best = candidate;
    }
  }
  return best;
}
