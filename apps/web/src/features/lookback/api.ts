import type { LookbackOutcome as Outcome } from '@zhenggai/core/vocabulary';
import { request } from '../../api/client.ts';

// The 回头看 endpoints: rounds of an inspection, one round with its checks, recording a re-check.

export { LOOKBACK_OUTCOMES as OUTCOMES } from '@zhenggai/core/vocabulary';
export type { Outcome };

export interface LookbackRound {
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

export interface LookbackCheck {
  id: number;
  roundId: number;
  measureId: number;
  measureText: string;
  measureStatus: 'not_started' | 'in_progress' | 'pending_review' | 'closed';
  unitId: number;
  unitName: string;
  problemId: number;
  problemNumber: string;
  problemTitle: string;
  problemRecurring: boolean;
  outcome: Outcome | null;
  note: string | null;
  checkedBy: string | null;
  checkedAt: string | null;
  evidence: { id: number; fileName: string; mime: string; size: number }[];
}

export interface RoundDetail extends LookbackRound {
  inspectionName: string;
  canRecord: boolean;
  checks: LookbackCheck[];
}

export interface NewRound {
  name: string;
  unitId?: number | null;
  sampleSize?: number | null;
  seed?: string | null;
}

export const lookbackApi = {
  rounds: (inspectionId: number) =>
    request<{ rounds: LookbackRound[]; canCreate: boolean }>(
      'GET',
      `/api/inspections/${inspectionId}/lookback-rounds`,
    ),
  create: (inspectionId: number, body: NewRound) =>
    request<LookbackRound>('POST', `/api/inspections/${inspectionId}/lookback-rounds`, body),
  round: (id: number) => request<RoundDetail>('GET', `/api/lookback-rounds/${id}`),
  finish: (id: number) => request<LookbackRound>('POST', `/api/lookback-rounds/${id}/finish`),
  record: (checkId: number, outcome: Outcome, note: string, files: File[]) => {
    const form = new FormData();
    form.append('outcome', outcome);
    form.append('note', note);
    for (const file of files) form.append('files', file, file.name);
    return request<LookbackCheck & { reopened: boolean }>('POST', `/api/lookback-checks/${checkId}`, form);
  },
  evidenceUrl: (attachmentId: number) => `/api/lookback-evidence/${attachmentId}`,
};
