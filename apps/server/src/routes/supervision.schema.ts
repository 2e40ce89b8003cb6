import { z } from 'zod';
import { NOTICE_CHANNELS, NOTICE_STATUSES, type NoticeLevel } from '@zhenggai/core';
import { boolFlag, isoDate, text } from './common.schema.ts';

const level = z.coerce
  .number()
  .int()
  .min(1, '督办级别须为 1、2 或 3')
  .max(3, '督办级别须为 1、2 或 3')
  .transform((l) => l as NoticeLevel);

export const inboxQuery = z.object({
  unread: boolFlag.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.coerce.number().int().positive().optional(),
});

export const markReadBody = z.object({ ids: z.array(z.number().int().positive()).max(500).optional() });

export const noticeQuery = z.object({
  inspectionId: z.coerce.number().int().positive().optional(),
  measureId: z.coerce.number().int().positive().optional(),
  status: z.enum(NOTICE_STATUSES).optional(),
  level: level.optional(),
  mine: boolFlag.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const noticeBody = z.object({
  measureId: z.number().int().positive(),
  level,
  channel: z.enum(NOTICE_CHANNELS),
  reason: text(2000).min(1, '请填写督办事由'),
  responseDue: isoDate.nullable().optional(),
});

export const answerBody = z.object({ response: text(4000).min(1, '请填写答复内容') });
export const closeBody = z.object({ note: text(2000).nullable().optional() });

export const noticeStatsQuery = z.object({ inspectionId: z.coerce.number().int().positive().optional() });
