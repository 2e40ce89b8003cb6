import { request, toQuery } from '../../api/client.ts';
import type { Light, MeasureStatus } from '../../api/types.ts';

// The dispatch (调度) and extension-request (延期申请) endpoints, through the app's one API client.

export interface DispatchNumber {
  label: string;
  value: number;
  unit?: string;
}

export interface DispatchRow {
  measureId: number;
  problemNumber: string;
  problemTitle: string;
  text: string;
  unitId: number;
  unitName: string;
  status: MeasureStatus;
  light: Light;
  deadline: string | null;
  progressCount: number;
  lastProgressAt: string | null;
  numbers: DispatchNumber[];
}

export interface DispatchCounts {
  measures: number;
  byStatus: Record<MeasureStatus, number>;
  lights: Record<Light, number>;
  overdue: number;
  closed: number;
}

export interface SnapshotMeta {
  id: number;
  inspectionId: number;
  label: string;
  takenOn: string;
  createdAt: string;
  createdByName: string | null;
}

export interface Snapshot extends SnapshotMeta {
  inspectionName: string;
  partial: boolean;
  rows: DispatchRow[];
  totals: DispatchCounts & { byUnit: (DispatchCounts & { unitId: number; unitName: string })[] };
}

interface Base {
  measureId: number;
  problemNumber: string;
  text: string;
  unitId: number;
  unitName: string;
}

export interface Comparison {
  inspectionId: number;
  inspectionName: string;
  from: { id: number; label: string; takenOn: string };
  to: { id: number; label: string; takenOn: string };
  totals: { then: DispatchCounts; now: DispatchCounts };
  moved: (Base & { from: MeasureStatus; to: MeasureStatus })[];
  stalled: {
    unitId: number;
    unitName: string;
    measures: {
      measureId: number;
      problemNumber: string;
      text: string;
      status: MeasureStatus;
      light: Light;
      deadline: string | null;
      lastProgressAt: string | null;
    }[];
  }[];
  numbers: (Base & { label: string; unit: string | null; from: number | null; to: number; delta: number })[];
  added: DispatchRow[];
  removed: DispatchRow[];
  units: { unitId: number; unitName: string; then: DispatchCounts | null; now: DispatchCounts | null }[];
  /** True when the actor sees only the rows of his own units. */
  partial: boolean;
}

export type ExtensionStatus = 'pending' | 'approved' | 'refused' | 'withdrawn';

export interface ExtensionRequest {
  id: number;
  measureId: number;
  currentDeadline: string | null;
  requestedDeadline: string;
  reason: string;
  status: ExtensionStatus;
  statusLabel: string;
  requestedBy: number | null;
  requestedByName: string | null;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface QueuedExtension extends ExtensionRequest {
  canDecide: boolean;
  inspectionId: number;
  inspectionName: string;
  problemNumber: string;
  measureText: string;
  unitName: string;
  measureDeadline: string | null;
}

export const compareUrl = (from: number, to: number, format: 'xlsx' | 'docx') =>
  `/api/dispatch-compare${toQuery({ from, to, format })}`;

export const dispatchApi = {
  snapshots: (inspectionId: number) =>
    request<SnapshotMeta[]>('GET', `/api/inspections/${inspectionId}/dispatch-snapshots`),
  take: (inspectionId: number, body: { label: string; takenOn?: string | null }) =>
    request<Snapshot>('POST', `/api/inspections/${inspectionId}/dispatch-snapshots`, body),
  snapshot: (id: number) => request<Snapshot>('GET', `/api/dispatch-snapshots/${id}`),
  compare: (from: number, to: number) =>
    request<Comparison>('GET', `/api/dispatch-compare${toQuery({ from, to })}`),

  measureExtensions: (measureId: number) =>
    request<{ deadline: string | null; canRequest: boolean; canDecide: boolean; items: ExtensionRequest[] }>(
      'GET',
      `/api/measures/${measureId}/extension-requests`,
    ),
  requestExtension: (measureId: number, body: { requestedDeadline: string; reason: string }) =>
    request<ExtensionRequest>('POST', `/api/measures/${measureId}/extension-requests`, body),
  queue: (query: { status?: ExtensionStatus; inspectionId?: number }) =>
    request<{ items: QueuedExtension[]; canDecide: boolean }>(
      'GET',
      `/api/extension-requests${toQuery(query)}`,
    ),
  decide: (id: number, body: { approve: boolean; note?: string | null }) =>
    request<ExtensionRequest>('POST', `/api/extension-requests/${id}/decide`, body),
  withdraw: (id: number) => request<ExtensionRequest>('POST', `/api/extension-requests/${id}/withdraw`),
};
