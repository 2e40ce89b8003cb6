// What we know about one imported roster: where it came from and what happened to each row.
import type { ColumnMapping } from './mapping.ts';

export interface Rejection {
  /** 1-based line (CSV) or row (xlsx) in the file as given. */
  line: number;
  reason: string;
}

export interface RosterProvenance {
  name: string;
  file: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  bytes: number;
  encoding: 'utf-8' | 'gb18030' | 'xlsx';
  importedBy: string;
  importedAt: string;
  /** Data records seen = rows + rejected (blank lines are not records). */
  rowsRead: number;
  rows: number;
  rejected: number;
  /** Up to 100, in file order. */
  rejections: Rejection[];
  blankLines: number;
  /** Line of the header row. */
  headerLine: number;
  /** Lines (blank or rejected) between the header and the data, for mapping row positions back to lines. */
  skippedLines: number[];
  mapping: ColumnMapping;
  invalidIds: number;
  /** Distinct ID numbers that occur on more than one row. */
  duplicateIds: number;
  unknownRegions: number;
  /** Rows with a value that is not a number / date where one was declared (kept, value emptied). */
  badValues: number;
  warnings: string[];
}

/** File line of the row at 0-based position `ordinal` among the accepted rows. */
export function lineOfRow(p: Pick<RosterProvenance, 'headerLine' | 'skippedLines'>, ordinal: number): number {
  let line = p.headerLine + 1 + ordinal;
  for (const s of p.skippedLines) {
    if (s <= line) line++;
    else break;
  }
  return line;
}
