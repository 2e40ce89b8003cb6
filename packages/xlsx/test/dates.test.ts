import { describe, expect, it } from 'vitest';
import { parseDeadline, serialToIso } from '../src/dates.ts';
import { utcDate } from './builders.ts';

const ok = (kind: string, deadline: string | null, yearInferred = false) => ({
  ok: true,
  kind,
  deadline,
  yearInferred,
});

describe('parseDeadline', () => {
  it.each([
    ['2024年6月30日', ok('deadline', '2024-06-30')],
    ['2024.6.30', ok('deadline', '2024-06-30')],
    ['2024-06-30', ok('deadline', '2024-06-30')],
    ['2024/6/30', ok('deadline', '2024-06-30')],
    ['２０２４年６月３０日前', ok('deadline', '2024-06-30')],
    ['20240630', ok('deadline', '2024-06-30')],
    ['2024年6月底', ok('deadline', '2024-06-30')],
    ['2024年2月底前', ok('deadline', '2024-02-29')],
    ['2024年底', ok('deadline', '2024-12-31')],
    ['2024年上半年', ok('deadline', '2024-06-30')],
    ['6月底', ok('deadline', '2024-06-30', true)],
    ['6月30日前', ok('deadline', '2024-06-30', true)],
    ['六月底前', ok('deadline', '2024-06-30', true)],
    ['十二月底', ok('deadline', '2024-12-31', true)],
    ['年底前', ok('deadline', '2024-12-31', true)],
    ['长期坚持', ok('ongoing', null)],
    ['立行立改', ok('immediate', null)],
    ['立行立改，2024年3月31日前', ok('immediate', '2024-03-31')],
    ['长期坚持（2024-12-31）', ok('ongoing', '2024-12-31')],
    ['2024年6月底前完成排查，2024年12月底前全部整改到位', ok('deadline', '2024-12-31')],
    ['2024年6月至12月', ok('deadline', '2024-12-31')],
    ['2024年第三季度', ok('deadline', '2024-09-30')],
    ['2024年4季度末', ok('deadline', '2024-12-31')],
    ['2024年6月中旬', ok('deadline', '2024-06-20')],
    ['7月上旬前', ok('deadline', '2024-07-10', true)],
    [
      '3个月内',
      { ok: false, reason: '无法识别的整改时限，请写日期（如2024年6月30日）、“长期坚持”或“立行立改”' },
    ],
    ['', ok('deadline', null)],
  ])('%s', (text, expected) => {
    expect(parseDeadline(text, 2024)).toEqual(expected);
  });

  it('reads Excel dates as Date objects and as the serial numbers the streaming reader gives', () => {
    expect(parseDeadline(utcDate('2024-06-30'), null)).toEqual(ok('deadline', '2024-06-30'));
    expect(parseDeadline(45473, null)).toEqual(ok('deadline', '2024-06-30'));
    expect(serialToIso(45351)).toBe('2024-02-29');
  });

  it('rejects impossible dates with the date in the reason', () => {
    expect(parseDeadline('2024-02-30', null)).toEqual({ ok: false, reason: '日期不存在：2024-02-30' });
    expect(parseDeadline('2023年2月29日', null)).toEqual({ ok: false, reason: '日期不存在：2023年2月29日' });
    expect(parseDeadline('2024.13.1', null)).toEqual({ ok: false, reason: '日期不存在：2024.13.1' });
    expect(parseDeadline('2月30日', 2024)).toEqual({ ok: false, reason: '日期不存在：2024年2月30日' });
  });

  it('needs a year for 6月底 when there is no context', () => {
    expect(parseDeadline('6月底', null)).toEqual({
      ok: false,
      reason: '“6月底”没有写年份，标题中也找不到年份，请写成完整日期',
    });
  });

  it('rejects nonsense, numbers, booleans and formula errors', () => {
    expect(parseDeadline('尽快', 2024)).toEqual({
      ok: false,
      reason: '无法识别的整改时限，请写日期（如2024年6月30日）、“长期坚持”或“立行立改”',
    });
    expect(parseDeadline(42, 2024)).toEqual({ ok: false, reason: '整改时限是一个数字，不是日期' });
    expect(parseDeadline(true, 2024)).toEqual({
      ok: false,
      reason: '整改时限是逻辑值（TRUE/FALSE），不是日期',
    });
    expect(parseDeadline({ error: '#REF!' }, 2024)).toEqual({
      ok: false,
      reason: '整改时限单元格是公式错误 #REF!',
    });
    expect(parseDeadline('2024年6月30日，等上级部门通知后另行安排具体事项', 2024)).toEqual({
      ok: false,
      reason: '整改时限中除日期外还有无法理解的文字，请只写日期',
    });
  });
});
