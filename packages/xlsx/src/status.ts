// 完成情况 words → measure status. People write the same state many ways; the writer's own labels
// (MEASURE_STATUS_LABELS) are included so an exported ledger reads back unchanged.

import {
  MEASURE_STATUS_LABELS,
  MEASURE_STATUSES,
  type MeasureKind,
  type MeasureStatus,
} from '@zhenggai/core';
import { toHalfWidth, type Raw } from './cells.ts';

const WORDS: readonly (readonly [string, MeasureStatus, MeasureKind?])[] = [
  ['长期坚持', 'in_progress', 'ongoing'],
  ['已完成', 'closed'],
  ['已整改', 'closed'],
  ['已整改完成', 'closed'],
  ['整改完成', 'closed'],
  ['完成', 'closed'],
  ['已销号', 'closed'],
  ['销号', 'closed'],
  ['已办结', 'closed'],
  ['办结', 'closed'],
  ['已完成整改', 'closed'],
  ['正在整改', 'in_progress'],
  ['整改中', 'in_progress'],
  ['持续整改', 'in_progress'],
  ['推进中', 'in_progress'],
  ['正在推进', 'in_progress'],
  ['进行中', 'in_progress'],
  ['基本完成', 'in_progress'],
  ['部分完成', 'in_progress'],
  ['未完成', 'not_started'],
  ['未启动', 'not_started'],
  ['未开始', 'not_started'],
  ['尚未启动', 'not_started'],
  ['待审核', 'pending_review'],
  ['申请销号', 'pending_review'],
  ['待销号', 'pending_review'],
  ...MEASURE_STATUSES.map((s) => [MEASURE_STATUS_LABELS[s], s] as const),
];
const EXACT = new Map(WORDS.map(([w, s, k]) => [w, { status: s, kind: k }]));
/** Longest first, so "未完成" is tried before "完成" when matching a prefix. */
const BY_LENGTH = [...WORDS].sort((a, b) => b[0].length - a[0].length);

export type StatusResult =
  { ok: true; status: MeasureStatus; kind: MeasureKind | null } | { ok: false; reason: string };

/** Empty means not started: a ledger line nobody has reported on yet. */
export function parseStatus(raw: Raw): StatusResult {
  if (raw === null) return { ok: true, status: 'not_started', kind: null };
  if (typeof raw !== 'string') {
    return { ok: false, reason: '完成情况应为文字（如“已完成”“整改中”“未启动”）' };
  }
  const text = toHalfWidth(raw).replace(/[\s。.!！]/g, '');
  if (text === '') return { ok: true, status: 'not_started', kind: null };
  const exact = EXACT.get(text);
  if (exact) return { ok: true, status: exact.status, kind: exact.kind ?? null };
  // "已完成(2024年3月)" or "整改中，已完成80%": the leading word decides.
  for (const [word, status, kind] of BY_LENGTH) {
    if (text.startsWith(word)) return { ok: true, status, kind: kind ?? null };
  }
  return {
    ok: false,
    reason: `无法识别的完成情况“${raw.trim()}”，应为：已完成、整改中、长期坚持、未启动、待审核等`,
  };
}
