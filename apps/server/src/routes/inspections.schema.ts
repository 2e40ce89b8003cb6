import { z } from 'zod';
import { INSPECTION_KINDS, MEASURE_KINDS, PROBLEM_SOURCES } from '@zhenggai/core';
import { isoDate, text } from './common.schema.ts';

export const inspectionBody = z.object({
  name: text(300).min(1, '请填写巡察名称'),
  kind: z.enum(INSPECTION_KINDS),
  issuer: text(200).nullable().optional(),
  team: text(200).nullable().optional(),
  ownerUnitId: z.number().int().positive(),
  inspectedUnitId: z.number().int().positive(),
  extendedUnitIds: z.array(z.number().int().positive()).max(500).optional(),
  periodStart: isoDate.nullable().optional(),
  periodEnd: isoDate.nullable().optional(),
  feedbackDate: isoDate.nullable().optional(),
  planDue: isoDate.nullable().optional(),
  reportDue: isoDate.nullable().optional(),
  yellowDays: z.number().int().min(0).max(365).optional(),
  reminderDays: z.array(z.number().int().min(0).max(90)).max(5).optional(),
  escalationDays: z.number().int().min(1).max(90).optional(),
  responseDays: z.number().int().min(1).max(60).optional(),
});

export const categoryBody = z.object({
  title: text(300).min(1, '请填写类别名称'),
  position: z.number().int().optional(),
});

export const problemBody = z.object({
  categoryId: z.number().int().positive().nullable(),
  number: text(20),
  title: text(500).min(1, '请填写问题标题'),
  finding: text(20_000).optional(),
  source: z.enum(PROBLEM_SOURCES).optional(),
  crossCheckAll: z.boolean().optional(),
  leaderName: text(100).nullable().optional(),
  leadUnitId: z.number().int().positive().nullable().optional(),
  position: z.number().int().optional(),
});

export const measureBody = z.object({
  text: text(5000).min(1, '请填写整改措施'),
  kind: z.enum(MEASURE_KINDS),
  unitId: z.number().int().positive(),
  cooperatingUnitIds: z.array(z.number().int().positive()).max(50).optional(),
  leaderName: text(100).nullable().optional(),
  personName: text(100).nullable().optional(),
  deadline: isoDate.nullable().optional(),
  evidenceCadenceDays: z.number().int().min(1).max(366).nullable().optional(),
  evidenceNote: text(2000).nullable().optional(),
  remark: text(2000).nullable().optional(),
  position: z.number().int().optional(),
});
