import { z } from 'zod';
import { INSPECTION_KINDS, MEASURE_KINDS, MEASURE_STATUSES } from '@zhenggai/core';
import { boolFlag, csvList } from './common.schema.ts';

export const ledgerQuery = z.object({
  inspectionId: z.coerce.number().int().positive().optional(),
  problemId: z.coerce.number().int().positive().optional(),
  status: csvList(MEASURE_STATUSES).optional(),
  kind: csvList(MEASURE_KINDS).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  unitSubtree: boolFlag.optional(),
  leaderName: z.string().max(100).optional(),
  categoryTitle: z.string().max(300).optional(),
  overdue: boolFlag.optional(),
  dueSoon: boolFlag.optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(['position', 'urgency', 'updated']).optional(),
  limit: z.coerce.number().int().min(1).max(20_000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const importFields = z.object({
  inspectionId: z.coerce.number().int().positive().optional(),
  name: z.string().trim().min(1).max(300).optional(),
  kind: z.enum(INSPECTION_KINDS).optional(),
  ownerUnitId: z.coerce.number().int().positive().optional(),
  inspectedUnitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  dryRun: boolFlag.optional(),
  createUnits: boolFlag.optional(),
});

export const statsQuery = z.object({ inspectionId: z.coerce.number().int().positive().optional() });

export const auditQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  action: z.string().max(80).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  until: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
});
