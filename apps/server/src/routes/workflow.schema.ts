import { z } from 'zod';
import { MEASURE_EVENTS } from '@zhenggai/core';

export const eventParams = z.object({
  id: z.coerce.number().int().positive(),
  event: z.enum(MEASURE_EVENTS).exclude(['report_progress']),
});

export const eventBody = z.object({ reason: z.string().trim().max(2000).nullable().optional() }).nullish();

export const hardNumbers = z
  .array(
    z.object({
      label: z.string().trim().min(1).max(100),
      value: z.number().finite(),
      unit: z.string().trim().max(20).optional(),
    }),
  )
  .max(50);

export const attachmentParams = z.object({ id: z.coerce.number().int().positive() });
