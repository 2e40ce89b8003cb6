import { z } from 'zod';
import { isoDate, text } from './common.schema.ts';

export const snapshotBody = z.object({
  label: text(200).min(1, '请填写调度名称，例如“11月调度”'),
  takenOn: isoDate.nullable().optional(),
});

export const compareQuery = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
  format: z.enum(['json', 'xlsx', 'docx']).default('json'),
});
