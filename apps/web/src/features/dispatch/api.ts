import type {
  DispatchComparison,
  DispatchCounts,
  DispatchRow,
  ExtensionRequest,
  QueuedExtension,
  Snapshot,
  SnapshotMeta,
} from '@zhenggai/core/contracts';
import type { ExtensionStatus } from '@zhenggai/core/vocabulary';
import { request, toQuery } from '../../api/client.ts';

// The dispatch (调度) and extension-request (延期申请) endpoints, through the app's one API client.

export type {
  DispatchCounts,
  DispatchRow,
  ExtensionRequest,
  ExtensionStatus,
  QueuedExtension,
  Snapshot,
  SnapshotMeta,
};

export type Comparison = DispatchComparison & {
  /** True when the actor sees only the rows of his own units. */
  partial: boolean;
};

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
