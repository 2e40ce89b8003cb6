import type { InspectionKind, MeasureKind, MeasureStatus } from '@zhenggai/core';

// What a report needs, gathered from the ledger by the caller (a core use-case). The reports
// package never reads the database: it turns this plain value into a document, so it can be
// tested with hand-built data and used from the server and the CLI alike.

/** Dates are ISO strings: `YYYY-MM-DD`, or `YYYY-MM` where only the month is known. */
export type IsoDate = string;

export interface ReportInspection {
  /** One of core's INSPECTION_KINDS; printed with its Chinese label (巡察, 成效考核 …). */
  kind: InspectionKind;
  /** The round as people name it, e.g. "县委第四轮巡察", "2020年度脱贫攻坚成效考核". */
  name: string;
  /** Who ordered it ("县委"), if known. */
  issuer: string | null;
  /** Who carried it out ("县委第四巡察组"), if known. */
  team: string | null;
  /** The inspected unit ("小甸镇党委"). */
  inspectedUnit: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  /** When the findings were fed back (反馈). */
  feedbackDate: IsoDate | null;
}

export interface ReportMeasure {
  text: string;
  kind: MeasureKind;
  /** Lead responsible unit (责任单位). */
  unit: string | null;
  /** `YYYY-MM-DD`; null for 长期坚持 or when not set. */
  deadline: IsoDate | null;
  status: MeasureStatus;
  /** Latest progress update (整改进展), if any. */
  progress: string | null;
}

/** As recorded in the ledger; the totals derive closure from the measures, not from this. */
export const PROBLEM_STATUSES = ['open', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export interface ReportProblem {
  /** The ledger's own number ("5"); the document numbers problems in sequence regardless. */
  number: string;
  title: string;
  /** The finding (问题表现); may be empty. */
  text: string;
  status: ProblemStatus;
  measures: ReportMeasure[];
}

export interface ReportCategory {
  title: string;
  problems: ReportProblem[];
}

export interface ReportContact {
  phone: string | null;
  email: string | null;
  /** Postal address or mailbox (邮政信箱). */
  address: string | null;
}

/** 回头看 results and problems found to recur (反复), counted from the ledger. */
export interface ReportLookback {
  /** Re-checks with a recorded outcome. */
  checked: number;
  consolidated: number;
  rebounded: number;
  notDone: number;
  /** Problems marked 反复. */
  recurringProblems: number;
}

export interface ReportSupervision {
  total: number;
  /** Notices at levels 1, 2 and 3. */
  byLevel: [number, number, number];
  answered: number;
  closed: number;
}

export interface ReportPublicFeedback {
  total: number;
  answered: number;
  closed: number;
}

export interface ReportData {
  inspection: ReportInspection;
  /** The unit that reports and signs ("中共寿县小甸镇委员会"). */
  reportingUnit: string;
  /** Date of the report (成文日期), `YYYY-MM-DD`; also the "截至" date of the numbers. */
  reportDate: IsoDate;
  /** Addressee of the progress report (主送机关, "县委巡察办"), if any. */
  recipient: string | null;
  categories: ReportCategory[];
  /** People held accountable, by type of action: `{ '诫勉谈话': 3, '提醒谈话': 1 }`. May be empty. */
  accountability: Record<string, number>;
  /** Look-back results; omitted or all zero when no look-back has been done. */
  lookback?: ReportLookback;
  /** 督办单 issued so far; absent or total 0 when there were none. */
  supervision?: ReportSupervision | null;
  /** Messages from the public about this inspection; absent or total 0 when there were none. */
  publicFeedback?: ReportPublicFeedback | null;
  /** Channels for public supervision; null when none is to be published. */
  contact: ReportContact | null;
}
