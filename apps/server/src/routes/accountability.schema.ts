import { z } from 'zod';
import { ACCOUNTABILITY_TYPES } from '@zhenggai/core';
import { isoDate, text } from './common.schema.ts';

export const accountabilityBody = z.object({
  personName: text(100).min(1, '请填写被问责人姓名'),
  position: text(100).nullable().optional(),
  unitName: text(200).nullable().optional(),
  actionType: z.enum(ACCOUNTABILITY_TYPES),
  actionDate: isoDate,
  problemId: z.number().int().positive().nullable().optional(),
  measureId: z.number().int().positive().nullable().optional(),
  note: text(2000).nullable().optional(),
});
