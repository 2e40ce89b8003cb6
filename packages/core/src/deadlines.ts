import type { MeasureKind, MeasureStatus } from './vocabulary.ts';

// Deadline lights (倒排工期): green, yellow when due within `yellowDays`, red when overdue.
// 长期坚持 measures are judged on fresh evidence instead of a deadline.

export type Light = 'green' | 'yellow' | 'red' | 'none';

export interface LightInput {
  kind: MeasureKind;
  status: MeasureStatus;
  deadline: string | null;
  lastProgressAt: string | null;
  createdAt: string;
  evidenceCadenceDays: number | null;
}

export const DEFAULT_YELLOW_DAYS = 7;
export const DEFAULT_EVIDENCE_CADENCE_DAYS = 30;
const DAY_MS = 86_400_000;

/** Whole days from `today` to `date` (both YYYY-MM-DD); negative when past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function measureLight(m: LightInput, today: string, yellowDays = DEFAULT_YELLOW_DAYS): Light {
  if (m.kind === 'ongoing') {
    const cadence = m.evidenceCadenceDays ?? DEFAULT_EVIDENCE_CADENCE_DAYS;
    const since = (m.lastProgressAt ?? m.createdAt).slice(0, 10);
    const left = daysUntil(addDays(since, cadence), today);
    if (left < 0) return 'red';
    return left <= yellowDays ? 'yellow' : 'green';
  }
  if (m.status === 'closed') return 'none';
  if (!m.deadline) return 'green';
  const left = daysUntil(m.deadline, today);
  if (left < 0) return 'red';
  return left <= yellowDays ? 'yellow' : 'green';
}
