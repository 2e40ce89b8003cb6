import type { MeasureKind, MeasureStatus } from './vocabulary.ts';

// A ledger as read from a spreadsheet or a document, before it touches the database.
// Units and people are still names here; the import use-case resolves them.

/** Where a value came from, so every complaint can point at a cell. */
export interface CellRef {
  sheet: string;
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Column letter as Excel shows it (A, B, … AA). */
  column: string;
}

/** A cell the reader could not understand. `reason` is Chinese, for the person fixing the file. */
export interface CellIssue extends CellRef {
  header: string | null;
  value: string | null;
  reason: string;
}

export interface MeasureDraft {
  text: string;
  kind: MeasureKind;
  /** YYYY-MM-DD, or null for 长期坚持 / not stated. */
  deadline: string | null;
  status: MeasureStatus;
  leaderName: string | null;
  /** Lead responsible unit (first of 责任单位), then cooperating units. */
  unitName: string | null;
  cooperatingUnitNames: string[];
  personName: string | null;
  progress: string | null;
  evidenceNote: string | null;
  remark: string | null;
  at: CellRef | null;
}

export interface ProblemDraft {
  number: string;
  title: string;
  text: string;
  /** 举一反三: check the same fault everywhere. */
  crossCheckAll: boolean;
  measures: MeasureDraft[];
  at: CellRef | null;
}

export interface CategoryDraft {
  title: string;
  problems: ProblemDraft[];
}

export interface LedgerDraft {
  title: string | null;
  categories: CategoryDraft[];
}

export interface LedgerReadResult {
  ledger: LedgerDraft;
  issues: CellIssue[];
  /** Things worth telling but not blocking (e.g. a year inferred from the title). */
  warnings: string[];
}
