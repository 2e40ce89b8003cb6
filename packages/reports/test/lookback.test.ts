import { describe, expect, it } from 'vitest';
import { buildView } from '../src/view.ts';
import { ReportError } from '../src/errors.ts';
import { defaultTemplate, renderTemplate } from '../src/index.ts';
import { buildReportData } from './builders.ts';

// 回头看 in the reports: one sentence from the counts, absent when nothing was re-checked.

describe('look-back sentence', () => {
  it('states the re-checks per outcome and the recurring problems', () => {
    const view = buildView(
      buildReportData({
        lookback: { checked: 12, consolidated: 10, rebounded: 2, notDone: 0, recurringProblems: 2 },
      }),
    );
    expect(view.values.lookback).toBe(
      '复查已销号措施12项，其中巩固10项、反弹2项，反弹和整改不到位的措施已重新打开整改；反复出现的问题2个',
    );
    expect(view.values['lookback.notDone']).toBe('0');
  });

  it('leaves the paragraph out when no look-back was done', async () => {
    const none = buildReportData({
      lookback: { checked: 0, consolidated: 0, rebounded: 0, notDone: 0, recurringProblems: 0 },
    });
    expect(buildView(none).values.lookback).toBeNull();
    expect(buildView(buildReportData({})).values.lookback).toBeNull();
    const text = JSON.stringify(renderTemplate(await defaultTemplate('progress'), none));
    expect(text).not.toContain('复查已销号措施');
    const some = buildReportData({
      lookback: { checked: 3, consolidated: 3, rebounded: 0, notDone: 0, recurringProblems: 0 },
    });
    expect(JSON.stringify(renderTemplate(await defaultTemplate('progress'), some))).toContain(
      '对已销号事项开展“回头看”，复查已销号措施3项，其中巩固3项。',
    );
  });

  it('refuses a negative count', () => {
    expect(() =>
      buildView(
        buildReportData({
          lookback: { checked: 1, consolidated: -1, rebounded: 0, notDone: 0, recurringProblems: 0 },
        }),
      ),
    ).toThrow(ReportError);
  });
});
