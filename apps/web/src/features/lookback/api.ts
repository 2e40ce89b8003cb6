import type { LookbackOutcome as Outcome } from '@zhenggai/core/vocabulary';
import type { LookbackCheckRow, LookbackRoundSummary } from '@zhenggai/core/contracts';
import { request } from '../../api/client.ts';

// The 回头看 endpoints: rounds of an inspection, one round with its checks, recording a re-check.

export { LOOKBACK_OUTCOMES as OUTCOMES } from '@zhenggai/core/vocabulary';
export type { Outcome };

export type LookbackRound = LookbackRoundSummary;
export type LookbackCheck = LookbackCheckRow;

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
