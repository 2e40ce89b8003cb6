import type { ExtensionStatus } from '../vocabulary.ts';

/** A 延期申请 and its decision. */
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
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** A request in the office's queue, with what it is about. */
export interface QueuedExtension extends ExtensionRequest {
  /** Whether the actor may approve or refuse this one (office of the inspection's owner unit). */
  canDecide: boolean;
  inspectionId: number;
  inspectionName: string;
  problemNumber: string;
  measureText: string;
  unitName: string;
  measureDeadline: string | null;
}
