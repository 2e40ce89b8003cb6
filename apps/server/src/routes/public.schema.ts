import { z } from 'zod';
import { PUBLIC_LIMITS, PUBLIC_MESSAGE_CATEGORIES } from '@zhenggai/core';

export const trackingParam = z.object({ trackingCode: z.string().trim().min(4).max(40) });

/** The text fields of the public form (sent before any file). */
export const messageFields = z.object({
  challenge: z.string().min(1).max(300),
  nonce: z.string().min(1).max(20),
  category: z.enum(PUBLIC_MESSAGE_CATEGORIES, { message: '请选择反映类别' }),
  body: z
    .string()
    .trim()
    .min(PUBLIC_LIMITS.bodyMin, `反映内容至少 ${PUBLIC_LIMITS.bodyMin} 个字`)
    .max(PUBLIC_LIMITS.bodyMax, `反映内容不超过 ${PUBLIC_LIMITS.bodyMax} 个字`),
  contact: z
    .string()
    .trim()
    .max(PUBLIC_LIMITS.contactMax, `联系方式不超过 ${PUBLIC_LIMITS.contactMax} 个字`)
    .optional(),
  publicationId: z.coerce.number().int().positive().optional(),
});
