import { describe, expect, it } from 'vitest';
import { stripChrome } from '../src/chrome.ts';
import { findRange, findDates, formatDate, yearOnOrAfter, yearOnOrBefore } from '../src/dates.ts';
import { extractMeasures } from '../src/measures.ts';
import { digitizeDates } from '../src/normalize.ts';
import { cnNumber } from '../src/numerals.ts';
import { buildOutline, classify } from '../src/outline.ts';
import { findTitle } from '../src/title.ts';

const texts = (lines: string[]): string[] => extractMeasures(lines).map((m) => m.text);

describe('numerals and dates', () => {
  it('reads Chinese numerals used in markers', () => {
    expect([cnNumber('一'), cnNumber('十'), cnNumber('十二'), cnNumber('二十'), cnNumber('二十三')]).toEqual([
      1, 10, 12, 20, 23,
    ]);
    expect(cnNumber('三十十')).toBeNull();
  });

  it('finds ranges whose end omits year and month', () => {
    const r = findRange('于2021年7月5日至19日对某县开展巡视');
    expect(r && [formatDate(r.start), formatDate(r.end)]).toEqual(['2021-07-05', '2021-07-19']);
    const across = findRange('12月20日至1月10日');
    expect(across?.end.month).toBe(1);
  });

  it('keeps month precision for 底/中旬 and ignores 年度', () => {
    expect(findDates('2020年度考核，9月底反馈').map((h) => h.date)).toEqual([
      { year: null, month: 9, day: null },
    ]);
    expect(findDates('5月中旬').map((h) => h.date.day)).toEqual([null]);
  });

  it('infers the missing year from context', () => {
    const after = yearOnOrAfter({ year: null, month: 3, day: 21 }, { year: 2024, month: 1, day: 14 });
    expect(formatDate(after)).toBe('2024-03-21');
    const wrapped = yearOnOrAfter({ year: null, month: 1, day: 5 }, { year: 2023, month: 11, day: 30 });
    expect(formatDate(wrapped)).toBe('2024-01-05');
    const before = yearOnOrBefore({ year: null, month: 12, day: 1 }, { year: 2020, month: 3, day: 1 });
    expect(formatDate(before)).toBe('2019-12-01');
  });

  it('rewrites Chinese-numeral dates but not ordinary words', () => {
    expect(digitizeDates('二〇二二年四月十二日')).toBe('2022年4月12日');
    expect(digitizeDates('统一月度调度')).toBe('统一月度调度');
  });
});

describe('measures', () => {
  it('counts 一是… mid-paragraph, after a summary sentence', () => {
    expect(texts(['先总体部署。一是建立台账；二是限期销号。三是开展回头看。'])).toEqual([
      '建立台账',
      '限期销号',
      '开展回头看',
    ]);
  });

  it('does not count nested (1)(2) inside 一是, nor 一是 inside a word', () => {
    expect(texts(['一是规范程序：(1)受理；(2)公示。', '二是统一是非标准，加强档案管理。'])).toHaveLength(2);
  });

  it('takes ① and 1) lists when those come first', () => {
    expect(texts(['①清查；②核销；③公示'])).toEqual(['清查', '核销', '公示']);
    expect(texts(['1)建立制度；2)落实责任'])).toEqual(['建立制度', '落实责任']);
  });

  it('treats an unenumerated paragraph as one measure and nothing as none', () => {
    expect(texts(['已全部整改到位。'])).toEqual(['已全部整改到位']);
    expect(texts([])).toEqual([]);
  });
});

describe('outline', () => {
  it('classifies markers and refuses numbers that are amounts', () => {
    expect(classify('（三）关于作风方面')).toMatchObject({ style: 'paren', n: 3 });
    expect(classify('22,关于整改')).toMatchObject({ style: 'num', n: 22, weak: true });
    expect(classify('1.5万元已拨付')).toBeNull();
  });

  it('nests a restarted 一、 list and climbs out when the outer list continues', () => {
    const root = buildOutline(['一、甲', '二、乙', '三、丙', '一、内甲', '1、问题', '二、内乙', '四、丁']);
    expect(root.children.map((c) => c.heading?.text)).toEqual(['甲', '乙', '丙', '丁']);
    expect(root.children[2]?.children.map((c) => c.heading?.text)).toEqual(['内甲', '内乙']);
  });

  it("keeps a 1. 2. list inside a numbered item as that item's text", () => {
    const root = buildOutline(['1.问题一', '1.子项', '2.子项', '2.问题二']);
    expect(root.children.map((c) => c.heading?.text)).toEqual(['问题一', '问题二']);
    expect(root.children[0]?.body).toEqual(['1.子项', '2.子项']);
  });
});

describe('chrome and title', () => {
  it('drops site chrome and keeps the dateline for year inference', () => {
    const { lines, publishedDate } = stripChrome([
      '某某网Logo',
      '登录',
      '某镇关于整改情况的通报',
      '时间:2021-06-01 09:00 来源:某某网',
      '正文第一句。',
      '沪ICP备00000000号',
      '推荐阅读',
      '另一篇文章的标题',
    ]);
    expect(lines).toEqual(['某镇关于整改情况的通报', '正文第一句。']);
    expect(publishedDate).toEqual({ year: 2021, month: 6, day: 1 });
  });

  it("drops a government site's breadcrumb, font and print buttons", () => {
    const { lines } = stripChrome([
      '当前位置：首页 > 通知公告',
      '某局关于整改情况的公告',
      '发布时间：2022-03-04 来源：某局 浏览次数：321',
      '【字体：大 中 小】',
      '正文。',
      '【打印本页】【关闭窗口】',
      '扫一扫在手机打开当前页',
    ]);
    expect(lines).toEqual(['某局关于整改情况的公告', '正文。']);
  });

  it('prefers the report heading over a cover letter title', () => {
    const lines = [
      '某镇关于问题整改情况的报告',
      '县领导小组：',
      '现将我镇整改情况报告如下。',
      '2021年5月1日',
      '某镇关于问题整改落实情况的报告',
      '正文。',
    ];
    expect(findTitle(lines)).toEqual({ title: '某镇关于问题整改落实情况的报告', bodyStart: 5 });
    expect(findTitle(['根据部署，某组开展了巡察。', '一、标题']).title).toBeNull();
  });
});

describe('more shapes', () => {
  it('reads a range known only to the month', () => {
    const r = findRange('2023年11月至次年1月');
    expect(r).toBeNull();
    const m = findRange('于2023年10月至12月开展巡察');
    expect(m && [formatDate(m.start), formatDate(m.end)]).toEqual(['2023-10', '2023-12']);
  });
});
