import { z } from 'zod';
import { INSPECTION_KINDS } from '@zhenggai/core';

const measure = z.object({ text: z.string().trim().min(1).max(5000) });
const problem = z.object({
  number: z.string().trim().max(20),
  title: z.string().trim().min(1).max(500),
  text: z.string().max(20_000),
  measures: z.array(measure).max(200),
});

/** The parsed structure as the person corrected it in the preview. */
export const importDocBody = z.object({
  document: z.object({
    title: z.string().max(300).nullable(),
    kind: z.enum(INSPECTION_KINDS).nullable(),
    inspector: z.string().max(200).nullable(),
    inspectedUnit: z.string().max(200).nullable(),
    inspectionPeriod: z.object({ start: z.string(), end: z.string() }).nullable(),
    feedbackDate: z.string().nullable(),
    categories: z
      .array(z.object({ title: z.string().max(300), problems: z.array(problem).max(2000) }))
      .max(100),
    contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
    statedTotals: z.record(z.string(), z.number()).default({}),
    warnings: z.array(z.string()).default([]),
  }),
  inspectionId: z.number().int().positive().optional(),
  unitId: z.number().int().positive().optional(),
  dryRun: z.boolean().optional(),
  fileName: z.string().max(200).optional(),
});

export const parseTextBody = z.object({ text: z.string().min(1, '请粘贴文档内容').max(2_000_000) });

export const reportParams = z.object({
  id: z.coerce.number().int().positive(),
  kind: z.enum(['tongbao', 'progress']),
});

export const reportQuery = z.object({
  date: z.iso.date().optional(),
  phone: z.string().max(50).optional(),
  email: z.string().max(100).optional(),
});

export const contactBody = z.object({
  phone: z.string().trim().max(50).nullable(),
  email: z.string().trim().max(100).nullable(),
  address: z.string().trim().max(200).nullable(),
});

export const templateParams = z.object({ kind: z.enum(['tongbao', 'progress']) });
export const templateBody = z.object({ template: z.string().min(1).max(200_000) });
