import type { PublicMessageCategory, PublicMessageChannel, PublicMessageStatus } from '../public-feedback.ts';

/** A published 整改情况通报 as the office manages it. */
export interface Publication {
  id: number;
  inspectionId: number;
  inspectionName: string;
  title: string;
  body: string;
  publishedBy: string | null;
  publishedAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
}

/** A 通报 in the public portal's list. */
export interface PublicPublicationSummary {
  id: number;
  title: string;
  inspectionName: string;
  inspectedUnit: string;
  publishedAt: string;
}

/** A 通报 as the public reads it. */
export interface PublicPublicationText extends PublicPublicationSummary {
  body: string;
  updatedAt: string;
}

/** What the holder of a tracking code sees: his own text, the status and the answer. */
export interface PublicAnswerView {
  status: PublicMessageStatus;
  statusLabel: string;
  category: PublicMessageCategory;
  categoryLabel: string;
  body: string;
  submittedAt: string;
  /** When the unit has to answer by (once assigned). */
  dueDate: string | null;
  answer: string | null;
  answeredAt: string | null;
}

/** A message from the public (群众反映) as the office and the assigned unit see it. */
export interface PublicMessage {
  id: number;
  status: PublicMessageStatus;
  statusLabel: string;
  channel: PublicMessageChannel;
  channelLabel: string;
  category: PublicMessageCategory;
  categoryLabel: string;
  body: string;
  contact: string | null;
  inspectionId: number | null;
  inspectionName: string | null;
  ownerUnitId: number;
  ownerUnitName: string;
  assignedUnitId: number | null;
  assignedUnitName: string | null;
  assignedOn: string | null;
  dueDate: string | null;
  triageNote: string | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  createdAt: string;
  /** Assigned, and past its due date. */
  overdue: boolean;
  /** Holds triage_public over the receiving unit. */
  canTriage: boolean;
  /** May answer: the assigned unit's clerk or leader, or the office itself. */
  canAnswer: boolean;
}

/** One message with its attachments and the ledger problems it was linked to. */
export interface PublicMessageDetail extends PublicMessage {
  files: { id: number; fileName: string; mime: string; size: number }[];
  problems: {
    problemId: number;
    number: string;
    title: string;
    inspectionId: number;
    inspectionName: string;
  }[];
}
