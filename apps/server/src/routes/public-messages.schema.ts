import { z } from 'zod';
import { PUBLIC_MESSAGE_CATEGORIES, PUBLIC_MESSAGE_STATUSES } from '@zhenggai/core';
import { boolFlag, isoDate, text } from './common.schema.ts';

export const publicationBody = z.object({
  title: z.string().trim().min(1, '标题不能为空').max(300),
  body: z.string().trim().min(1, '正文不能为空').max(100_000),
});

export const publicationsQuery = z.object({ inspectionId: z.coerce.number().int().positive().optional() });

export const withdrawBody = z.object({ withdrawn: z.boolean().default(true) }).default({ withdrawn: true });

export const messagesQuery = z.object({
  status: z.enum(PUBLIC_MESSAGE_STATUSES).optional(),
  q: text(100).optional(),
  overdue: boolFlag.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const triageBody = z.object({ note: text(2000) });
export const linkBody = z.object({
  problemIds: z.array(z.number().int().positive()).min(1).max(50),
  remove: z.boolean().optional(),
});
export const assignBody = z.object({
  unitId: z.number().int().positive(),
  dueDate: isoDate.nullable().optional(),
});
export const answerBody = z.object({ answer: z.string().trim().min(2, '答复内容至少 2 个字').max(5000) });
export const closeBody = z.object({ note: text(2000).nullable().optional() }).default({});
export const rejectBody = z.object({ reason: z.string().trim().min(2, '请写明不予受理的理由').max(5000) });

export const registerBody = z.object({
  channel: z.enum(['phone', 'letter', 'visit', 'email']),
  category: z.enum(PUBLIC_MESSAGE_CATEGORIES),
  body: z.string().trim().min(5, '反映内容至少 5 个字').max(5000),
  contact: text(200).nullable().optional(),
  inspectionId: z.number().int().positive().nullable().optional(),
  ownerUnitId: z.number().int().positive().nullable().optional(),
});
