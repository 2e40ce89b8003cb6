import { z } from 'zod';
import { LOOKBACK_OUTCOMES } from '@zhenggai/core';
import { text } from './common.schema.ts';

export const roundBody = z.object({
  name: text(200).min(1, '请填写本轮回头看的名称'),
  unitId: z.number().int().positive().nullable().optional(),
  sampleSize: z.number().int().min(1, '抽查数量应为正整数').max(100_000).nullable().optional(),
  seed: text(100).nullable().optional(),
});

/** The fields of a re-check (multipart fields or JSON). The use-case checks them again. */
export const checkFields = z.object({
  outcome: z.enum(LOOKBACK_OUTCOMES, { message: '复查结果只能是巩固、反弹或整改不到位' }),
  note: text(2000).nullable().optional(),
});
