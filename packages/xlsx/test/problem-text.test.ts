import { describe, expect, it } from 'vitest';
import { joinProblemCell, splitProblemCell, splitUnits } from '../src/problem-text.ts';

describe('splitProblemCell', () => {
  it('splits number, title and details', () => {
    expect(splitProblemCell('1.村级财务报销手续不全。抽查三个村，凭证缺少签字。')).toEqual({
      number: '1',
      title: '村级财务报销手续不全',
      text: '抽查三个村，凭证缺少签字。',
      crossCheckAll: false,
    });
    expect(splitProblemCell('（三）低保动态管理不到位')).toEqual({
      number: '三',
      title: '低保动态管理不到位',
      text: '',
      crossCheckAll: false,
    });
    expect(splitProblemCell('12、会议记录不全。')).toMatchObject({
      number: '12',
      title: '会议记录不全',
      text: '',
    });
  });

  it('does not take an amount or a year for a number', () => {
    expect(splitProblemCell('1.5万元资金未及时拨付')).toMatchObject({
      number: null,
      title: '1.5万元资金未及时拨付',
    });
    expect(splitProblemCell('2023年度项目验收滞后')).toMatchObject({
      number: null,
      title: '2023年度项目验收滞后',
    });
  });

  it('flags 举一反三 and inverts joinProblemCell', () => {
    expect(splitProblemCell('公益岗管理松散，要求举一反三全面排查。')).toMatchObject({ crossCheckAll: true });
    const cell = joinProblemCell('危房改造验收把关不严', '个别户未验收即拨款。\n第二段。', true);
    expect(cell).toBe('【举一反三】危房改造验收把关不严\n个别户未验收即拨款。\n第二段。');
    expect(splitProblemCell(cell)).toEqual({
      number: null,
      title: '危房改造验收把关不严',
      text: '个别户未验收即拨款。\n第二段。',
      crossCheckAll: true,
    });
  });
});

describe('splitUnits', () => {
  it('splits on 、 , ； and line breaks and drops 牵头/配合 labels', () => {
    expect(splitUnits('镇财政所、镇民政所')).toEqual(['镇财政所', '镇民政所']);
    expect(splitUnits('牵头单位：县民政局；配合单位：县财政局，石桥乡')).toEqual([
      '县民政局',
      '县财政局',
      '石桥乡',
    ]);
    expect(splitUnits('')).toEqual([]);
  });
});
