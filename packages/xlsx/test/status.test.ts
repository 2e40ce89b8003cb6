import { MEASURE_STATUSES, MEASURE_STATUS_LABELS } from '@zhenggai/core';
import { describe, expect, it } from 'vitest';
import { parseStatus } from '../src/status.ts';

describe('parseStatus', () => {
  it.each([
    ['已完成', 'closed', null],
    ['已整改', 'closed', null],
    ['完成', 'closed', null],
    ['已销号', 'closed', null],
    ['正在整改', 'in_progress', null],
    ['整改中', 'in_progress', null],
    ['持续整改', 'in_progress', null],
    ['推进中', 'in_progress', null],
    ['长期坚持', 'in_progress', 'ongoing'],
    ['未完成', 'not_started', null],
    ['未启动', 'not_started', null],
    ['待审核', 'pending_review', null],
    [' 已完成。', 'closed', null],
    ['已完成（2024年3月）', 'closed', null],
    ['整改中，已完成80%', 'in_progress', null],
  ])('%s → %s', (word, status, kind) => {
    expect(parseStatus(word)).toEqual({ ok: true, status, kind });
  });

  it('reads back every label the writer uses', () => {
    for (const s of MEASURE_STATUSES)
      expect(parseStatus(MEASURE_STATUS_LABELS[s])).toMatchObject({ status: s });
  });

  it('treats an empty cell as not started', () => {
    expect(parseStatus(null)).toEqual({ ok: true, status: 'not_started', kind: null });
  });

  it('reports words it does not know and non-text cells', () => {
    expect(parseStatus('差不多了')).toEqual({
      ok: false,
      reason: '无法识别的完成情况“差不多了”，应为：已完成、整改中、长期坚持、未启动、待审核等',
    });
    expect(parseStatus(1)).toEqual({ ok: false, reason: '完成情况应为文字（如“已完成”“整改中”“未启动”）' });
  });
});
