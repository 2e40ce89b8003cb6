import type { AccountabilityType as ActionType } from '@zhenggai/core/vocabulary';
import { request } from '../../api/client.ts';

// 问责 records of an inspection (only the inspection office and discipline inspection).
// The 13 kinds of action are the domain's own words (core vocabulary), not a copy.

export { ACCOUNTABILITY_TYPES as ACTION_TYPES } from '@zhenggai/core/vocabulary';
export type { ActionType };

export interface AccountabilityAction {
  id: number;
  inspectionId: number;
  personName: string;
  position: string | null;
  unitName: string | null;
  actionType: ActionType;
  actionLabel: string;
  actionDate: string;
  problemId: number | null;
  measureId: number | null;
  note: string | null;
}

export interface AccountabilityInput {
  personName: string;
  position?: string | null;
  unitName?: string | null;
  actionType: ActionType;
  actionDate: string;
  problemId?: number | null;
  measureId?: number | null;
  note?: string | null;
}

export const accountabilityApi = {
  list: (inspectionId: number) =>
    request<AccountabilityAction[]>('GET', `/api/inspections/${inspectionId}/accountability`),
  record: (inspectionId: number, body: AccountabilityInput) =>
    request<AccountabilityAction>('POST', `/api/inspections/${inspectionId}/accountability`, body),
  remove: (id: number) => request<{ ok: true }>('DELETE', `/api/accountability/${id}`),
};
