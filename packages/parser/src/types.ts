import type { InspectionKind } from '@zhenggai/core';

// The structured reading of one rectification document. Field names follow issue 4;
// every string is taken verbatim from the document so a person can find it again.

export interface ParsedMeasure {
  text: string;
}

export interface ParsedProblem {
  /** The numeral as written ("22" even when the document wrote "22,"). */
  number: string;
  /** Heading up to the first "。". */
  title: string;
  /** The whole finding as written under the number. */
  text: string;
  measures: ParsedMeasure[];
}

export interface ParsedCategory {
  /** Heading after its marker; "" when problems are numbered without any category heading. */
  title: string;
  problems: ParsedProblem[];
}

/** Counts the document states about itself ("3个方面12个问题", "30条整改措施"). */
export interface StatedTotals {
  categories?: number;
  problems?: number;
  measures?: number;
  completedMeasures?: number;
}

export interface ParsedDocument {
  title: string | null;
  kind: InspectionKind | null;
  inspector: string | null;
  inspectedUnit: string | null;
  /** YYYY-MM-DD (or YYYY-MM when only the month is known). */
  inspectionPeriod: { start: string; end: string } | null;
  feedbackDate: string | null;
  categories: ParsedCategory[];
  contact: { phone: string | null; email: string | null } | null;
  statedTotals: StatedTotals;
  /** Chinese, for the person checking the import. */
  warnings: string[];
}
