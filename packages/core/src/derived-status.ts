// Problem and inspection status are derived from their measures, never stored.

export type ProblemStatus = 'no_measures' | 'not_started' | 'in_progress' | 'closed';

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  no_measures: '未制定措施',
  not_started: '未启动',
  in_progress: '整改中',
  closed: '已完成',
};

export interface MeasureCounts {
  total: number;
  closed: number;
  notStarted: number;
}

export function problemStatus(counts: MeasureCounts): ProblemStatus {
  if (counts.total === 0) return 'no_measures';
  if (counts.closed === counts.total) return 'closed';
  if (counts.notStarted === counts.total) return 'not_started';
  return 'in_progress';
}

/** Closed share in percent with one decimal, 0 when there is nothing to count. */
export function completionRate(closed: number, total: number): number {
  return total === 0 ? 0 : Math.round((closed / total) * 1000) / 10;
}
