import { z } from 'zod';
import { DomainError, invalid, VERIFICATION_OUTCOMES } from '@zhenggai/core';
import { loadPack, PACKS, parseRuleFile, RuleFileError, type RuleSet } from '@zhenggai/checks';
import { isoDate } from './common.schema.ts';

export const hitsQuery = z.object({
  runId: z.coerce.number().int().positive().optional(),
  ruleId: z.string().max(100).optional(),
  outcome: z.enum(VERIFICATION_OUTCOMES).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
});

export const verifyBody = z.object({
  outcome: z.enum(VERIFICATION_OUTCOMES).exclude(['pending']),
  note: z.string().trim().max(2000).nullable().optional(),
});

/** The verify body from JSON or from multipart fields, with a Chinese reason when it is wrong. */
export function parseVerifyBody(fields: unknown) {
  const parsed = verifyBody.safeParse(fields ?? {});
  if (parsed.success) return parsed.data;
  if (parsed.error.issues.some((i) => i.path[0] === 'note')) throw invalid('说明不能超过 2000 字');
  throw invalid('核实结果只能是属实(confirmed)、不属实(not_true)或已整改(rectified)');
}

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

export const rulesQuery = z.object({
  pack: z.enum(PACKS).default('poverty'),
  engine: z.enum(['duckdb', 'postgres']).default('duckdb'),
  asOf: isoDate.optional(),
});

/** The fields that go with an uploaded rule file (the file itself is the part named `rules`). */
export const ruleFileFields = z.object({
  pack: z.union([z.enum(PACKS), z.literal('')]).default('poverty'),
  engine: z.enum(['duckdb', 'postgres']).default('duckdb'),
  asOf: isoDate.optional(),
});

/**
 * A rule file sent by a user (YAML or JSON, UTF-8), parsed on top of `pack`. Every problem comes
 * back with line, column and reason, under the file's own (sanitised) name.
 */
export function parseUploadedRules(fileName: string, content: Buffer, pack: string | undefined): RuleSet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw invalid('规则文件应为 UTF-8 编码的 YAML 或 JSON');
  }
  if (!text.trim()) throw invalid('规则文件为空');
  try {
    return parseRuleFile(fileName, text.replace(/^\uFEFF/, ''), pack ? loadPack(pack) : undefined);
  } catch (error) {
    if (!(error instanceof RuleFileError)) throw error;
    const shown = error.problems.slice(0, 5).map((p) => `第 ${p.line} 行第 ${p.column} 列：${p.reason}`);
    throw new DomainError(
      'VALIDATION',
      `规则文件 ${fileName} 有 ${error.problems.length} 处错误：${shown.join('；')}${error.problems.length > 5 ? '……' : ''}`,
      { problems: error.problems },
    );
  }
}
