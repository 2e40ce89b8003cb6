import type { NoticeChannel, NoticeLevel, NoticeStatus } from '../vocabulary.ts';

/** A 督办单 as the API returns it. */
export interface Notice {
  id: number;
  inspectionId: number;
  inspectionName: string;
  measureId: number | null;
  measureText: string | null;
  problemId: number | null;
  problemTitle: string | null;
  unitId: number;
  unitName: string;
  level: NoticeLevel;
  channel: NoticeChannel;
  origin: 'auto' | 'manual';
  reason: string;
  /** The deadline (or evidence date) the notice is about. */
  dueDate: string | null;
  issuedOn: string;
  responseDue: string;
  recipients: { id: number; displayName: string }[];
  status: NoticeStatus;
  response: string | null;
  respondedByName: string | null;
  respondedAt: string | null;
  closeNote: string | null;
  closedByName: string | null;
  closedAt: string | null;
  issuedByName: string | null;
  /** Past its response date and still unanswered. */
  late: boolean;
}

/** What the signed-in user may do with this notice, so the page shows only those actions. */
export interface NoticeDetail extends Notice {
  canAnswer: boolean;
  canClose: boolean;
}

/** 督办 in numbers: totals, by level, and the units carrying the most open notices. */
export interface NoticeStats {
  total: number;
  open: number;
  answered: number;
  closed: number;
  /** Open and past the response date. */
  late: number;
  byLevel: { level: NoticeLevel; total: number; open: number }[];
  units: { unitId: number; unitName: string; open: number; highestLevel: number }[];
}

/** One calendar day of the scheduler. */
export interface SchedulerDay {
  day: string;
  /** Already done before this call. */
  skipped: boolean;
  summary: Record<string, number>;
}
