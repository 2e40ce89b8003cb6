import type { DispatchRow, DispatchTotals } from '../dispatch.ts';

export interface SnapshotMeta {
  id: number;
  inspectionId: number;
  label: string;
  takenOn: string;
  createdAt: string;
  createdByName: string | null;
}

/** A 调度 snapshot: every measure's state on the dispatch date. */
export interface Snapshot extends SnapshotMeta {
  inspectionName: string;
  /** True when the actor sees only the rows of his own units (a unit clerk). */
  partial: boolean;
  rows: DispatchRow[];
  totals: DispatchTotals;
}
