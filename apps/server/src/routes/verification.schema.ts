import { z } from 'zod';
import { VERIFICATION_OUTCOMES } from '@zhenggai/core';
import { isoDate } from './common.schema.ts';

export const hitsQuery = z.object({
  runId: z.coerce.number().int().positive().optional(),
  ruleId: z.string().max(100).optional(),
  outcome: z.enum(VERIFICATION_OUTCOMES).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const verifyBody = z.object({
  outcome: z.enum(VERIFICATION_OUTCOMES).exclude(['pending']),
  note: z.string().trim().max(2000).nullable().optional(),
});

export const promoteBody = z.object({
  ruleId: z.string().min(1).max(100),
  ruleTitle: z.string().trim().min(1).max(200),
  inspectionId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  deadline: isoDate,
});

export const runFields = z.object({
  pack: z.string().default('poverty'),
  asOf: isoDate.optional(),
  ownerUnitId: z.coerce.number().int().positive(),
});
