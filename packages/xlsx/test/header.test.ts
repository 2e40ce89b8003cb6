import { describe, expect, it } from 'vitest';
import { matchHeader } from '../src/columns.ts';
import { findHeader, type SheetRow } from '../src/header.ts';

const rows = (...r: (string | null)[][]): SheetRow[] => r.map((cells, i) => ({ number: i + 1, cells }));

describe('matchHeader', () => {
  it.each([
    ['问题', 'problem'],
    ['存在问题', 'problem'],
    ['问题描述', 'problem'],
    ['反馈问题', 'problem'],
    ['整改措施', 'measure'],
    ['具体措施', 'measure'],
    ['整改举措', 'measure'],
    ['整改时限', 'deadline'],
    ['完成时限', 'deadline'],
    ['时限要求', 'deadline'],
    ['责任单位', 'unit'],
    ['牵头单位', 'unit'],
    ['配合单位', 'coop'],
    ['责任人', 'person'],
    ['具体责任人', 'person'],
    ['责任领导', 'leader'],
    ['分管领导', 'leader'],
    ['完成情况', 'status'],
    ['整改状态', 'status'],
    ['整改进展', 'progress'],
    ['进展情况', 'progress'],
    ['问题类别', 'category'],
    ['类别', 'category'],
    ['方面', 'category'],
    ['佐证材料', 'evidence'],
    ['备注', 'remark'],
    ['序 号', 'seq'],
    ['整改时限\n（完成时间）', 'deadline'],
    ['责任单位（牵头）', 'unit'],
  ])('%s → %s', (text, field) => {
    expect(matchHeader(text)).toBe(field);
  });

  it('ignores long text and unrelated words', () => {
    expect(matchHeader('清河县2024年巡察反馈问题整改落实情况台账')).toBeNull();
    expect(matchHeader('责任主体')).toBeNull();
  });
});

describe('findHeader', () => {
  it('skips title rows and picks the header row', () => {
    const h = findHeader(
      rows(
        ['某某台账'],
        [null, '填报单位：柳林镇'],
        ['序号', '问题', '整改措施', '整改时限'],
        ['1', 'a', 'b', 'c'],
      ),
    );
    expect(h?.firstRowIndex).toBe(2);
    expect(h?.rowCount).toBe(1);
    expect([...(h?.columns ?? [])]).toEqual([
      ['seq', 0],
      ['problem', 1],
      ['measure', 2],
      ['deadline', 3],
    ]);
  });

  it('combines a group row with its sub-headers', () => {
    const h = findHeader(
      rows(
        ['序号', '问题', '整改措施', '责任主体', null, null, '整改时限'],
        [null, null, null, '责任领导', '责任单位', '责任人', null],
      ),
    );
    expect(h?.rowCount).toBe(2);
    expect(Object.fromEntries(h?.columns ?? [])).toEqual({
      seq: 0,
      problem: 1,
      measure: 2,
      leader: 3,
      unit: 4,
      person: 5,
      deadline: 6,
    });
    expect(h?.headerText.get(4)).toBe('责任单位');
  });

  it('needs a problem or measure column', () => {
    expect(findHeader(rows(['姓名', '身份证号', '责任单位', '备注']))).toBeNull();
  });
});
