// Rule-file mistakes come back with file, line and a reason a clerk can act on.
import { describe, expect, it } from 'vitest';
import { RuleFileError, type RuleFileProblem } from '../src/rules/errors.ts';
import { parseRuleFile } from '../src/rules/parse.ts';
import { loadPack } from '../src/packs/index.ts';

function problems(text: string, base = loadPack('poverty')): RuleFileProblem[] {
  try {
    parseRuleFile('my-rules.yaml', text, base);
  } catch (e) {
    if (e instanceof RuleFileError) return e.problems;
    throw e;
  }
  return [];
}

describe('rule file errors', () => {
  it('points at the line of an unknown column', () => {
    const text = [
      'rules:',
      '  - id: big-income',
      '    class: 逻辑问题',
      '    roster: households',
      '    where: { column: incom, gt: 100000 }',
      '    reason: 收入过高',
    ].join('\n');
    expect(problems(text)).toEqual([
      { file: 'my-rules.yaml', line: 5, column: 22, reason: '名单“households”没有声明列“incom”' },
    ]);
  });

  it('reports a wrong class, an unknown roster and a missing reason, each on its own line', () => {
    const text = [
      'rules:',
      '  - id: r1',
      '    class: 错误',
      '    roster: cars',
      '    where: { column: x, eq: 1 }',
    ].join('\n');
    const p = problems(text);
    expect(p.map((x) => [x.line, x.reason])).toEqual([
      [3, 'class 应为 错项 / 漏项 / 缺项 / 逻辑问题'],
      [
        4,
        '未声明的名单“cars”（已声明：households、vehicles、housing、staff、business、deaths、disability、posts、followups）',
      ],
      [2, 'reason（问题描述）应为非空文本'],
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const p = problems('rules:\n  - id: a\n    class: [错项\n');
    expect(p.length).toBeGreaterThan(0);
    expect(p[0]?.line).toBeGreaterThanOrEqual(3);
    expect(p[0]?.reason).toMatch(/^语法错误/);
  });

  it('rejects duplicate rule ids, type mismatches and unknown placeholders', () => {
    const text = [
      'rules:',
      '  - id: owns-vehicle',
      '    class: 错项',
      '    roster: households',
      '    where: { column: work_income, gt: 很多 }',
      '    reason: 见 {nothing}',
    ].join('\n');
    expect(problems(text).map((x) => [x.line, x.reason])).toEqual([
      [2, '规则 id“owns-vehicle”重复'],
      [5, '列“work_income”是数字列，比较值应为数字'],
      [6, '问题描述中的 {nothing} 不是可用的列'],
    ]);
  });

  it('accepts JSON too, with lines', () => {
    const json =
      '{\n  "rules": [\n    { "id": "x", "class": "缺项", "roster": "households", "where": { "column": "nme", "empty": true }, "reason": "缺姓名" }\n  ]\n}';
    expect(problems(json).map((x) => [x.line, x.reason])).toEqual([[3, '名单“households”没有声明列“nme”']]);
  });

  it('parses a valid custom file with its own roster on top of the pack', () => {
    const text = [
      'rosters:',
      '  dibao:',
      '    title: 低保名单',
      '    columns:',
      '      id_number: { type: id, aliases: [身份证号], required: true }',
      '      amount: { type: number, aliases: [月保障金] }',
      'rules:',
      '  - id: dibao-missing-name',
      '    class: 缺项',
      '    roster: households',
      '    where: { any: [{ column: name, empty: true }, { column: village, empty: true }] }',
      '    reason: 缺少姓名或所属村',
      '  - id: not-on-households',
      '    class: 漏项',
      '    roster: dibao',
      '    related: { roster: households, count: { eq: 0 } }',
      '    reason: 享受低保却不在家庭成员名单中',
    ].join('\n');
    const set = parseRuleFile('x.yaml', text, loadPack('poverty'));
    expect(set.rules.map((r) => r.id).slice(-2)).toEqual(['dibao-missing-name', 'not-on-households']);
    expect(set.rosters.find((r) => r.name === 'dibao')?.columns.map((c) => c.type)).toEqual(['id', 'number']);
  });
});
