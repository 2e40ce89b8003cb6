import { z } from 'zod';
import { ROLES, UNIT_KINDS } from '@zhenggai/core';
import { text } from './common.schema.ts';

export const unitBody = z.object({
  name: text(200).min(1, '请填写单位名称'),
  kind: z.enum(UNIT_KINDS),
  parentId: z.number().int().positive(),
});

export const unitRenameBody = z.object({ name: text(200).min(1, '请填写单位名称') });

const grant = z.object({
  role: z.enum(ROLES),
  unitId: z.number().int().positive(),
  // 主要领导: only meaningful on a leader grant.
  principal: z.boolean().optional(),
});

export const userBody = z.object({
  username: z.string().regex(/^[A-Za-z0-9_.-]{2,64}$/, '用户名只能包含字母、数字、下划线、点和减号'),
  displayName: text(100).min(1),
  password: z.string().min(8, '密码至少 8 位').max(256),
  unitId: z.number().int().positive(),
  email: z.email().nullable().optional(),
  grants: z.array(grant).max(50),
});

export const userPatchBody = z.object({
  displayName: text(100).min(1).optional(),
  password: z.string().min(8, '密码至少 8 位').max(256).optional(),
  disabled: z.boolean().optional(),
  email: z.email().nullable().optional(),
});

export const grantsBody = z.object({ grants: z.array(grant).max(50) });
