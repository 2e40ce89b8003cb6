import type { LookbackOutcome, MeasureStatus } from '../vocabulary.ts';

/** A 回头看 round with its progress. */
export interface LookbackRoundSummary {
  id: number;
  inspectionId: number;
  name: string;
  unitId: number | null;
  unitName: string | null;
  sampleSize: number | null;
  seed: string | null;
  status: 'open' | 'finished';
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  total: number;
  checked: number;
  consolidated: number;
  rebounded: number;
  notDone: number;
}

/** One re-check of a closed measure in a round. */
export interface LookbackCheckRow {
  id: number;
  roundId: number;
  measureId: number;
  measureText: string;
  measureStatus: MeasureStatus;
  unitId: number;
  unitName: string;
  problemId: number;
  problemNumber: string;
  problemTitle: string;
  problemRecurring: boolean;
  outcome: LookbackOutcome | null;
  note: string | null;
  checkedBy: string | null;
  checkedAt: string | null;
  evidence: { id: number; fileName: string; mime: string; size: number }[];
}
