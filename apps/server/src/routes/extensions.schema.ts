import { z } from 'zod';
import { EXTENSION_STATUSES } from '@zhenggai/core';
import { isoDate, text } from './common.schema.ts';

export const extensionBody = z.object({
  requestedDeadline: isoDate,
  reason: text(2000).min(1, '请填写延期理由'),
});

export const extensionQueueQuery = z.object({
  status: z.enum(EXTENSION_STATUSES).optional(),
  inspectionId: z.coerce.number().int().positive().optional(),
});

export const decisionBody = z.object({
  approve: z.boolean(),
  note: text(2000).nullable().optional(),
});
