import { describe, expect, it } from 'vitest';
import {
  compileTemplate,
  defaultTemplate,
  REPORT_KINDS,
  renderTemplate,
  ROOT_SCOPE,
  type DocBlock,
  type ScopeSpec,
} from '../src/index.ts';
import { buildView, type ViewScope } from '../src/view.ts';
import { expectReportError } from './errors.ts';
import { buildCategory, buildMeasure, buildProblem, buildReportData, buildSampleLedger } from './builders.ts';

const texts = (blocks: DocBlock[]) =>
  blocks.map((b) => (b.kind === 'signature' ? b.lines.join('|') : b.text));

describe('template errors', () => {
  it('names an unknown placeholder, its line and the likely intended name', () => {
    const error = expectReportError(
      () => compileTemplate('# 标题\n\n正文{{inspectedUnti}}。'),
      'TEMPLATE_UNKNOWN_PLACEHOLDER',
      3,
    );
    expect(error.message).toContain('{{inspectedUnti}}');
    expect(error.message).toContain('{{inspectedUnit}}');
  });

  it('says which loop a name belongs to when used outside it', () => {
    const error = expectReportError(
      () => compileTemplate('{{measure.text}}'),
      'TEMPLATE_UNKNOWN_PLACEHOLDER',
      1,
    );
    expect(error.message).toContain('{{#measures}}');
  });

  it('rejects a loop nested in the wrong scope', () => {
    expectReportError(
      () => compileTemplate('{{#measures}}\n{{/measures}}'),
      'TEMPLATE_UNKNOWN_PLACEHOLDER',
      1,
    );
  });

  it('rejects a list printed as a value', () => {
    expectReportError(() => compileTemplate('x\n{{categories}}'), 'TEMPLATE_LIST_AS_VALUE', 2);
  });

  it('requires a guard around values that may be empty', () => {
    const error = expectReportError(
      () => compileTemplate('联系电话：{{contact.phone}}'),
      'TEMPLATE_UNGUARDED_OPTIONAL',
      1,
    );
    expect(error.message).toContain('{{#contact.phone}}');
    // Guarded by itself, or by the section that proves it present, it compiles.
    compileTemplate('{{#contact.phone}}联系电话：{{contact.phone}}{{/contact.phone}}');
    compileTemplate('{{#accountability}}\n共{{accountability.total}}人\n{{/accountability}}');
    compileTemplate('{{#periodStart}}{{period}}{{/periodStart}}');
  });

  it('does not let the guard of one value cover another', () => {
    expectReportError(
      () => compileTemplate('{{#contact}}{{contact.email}}{{/contact}}'),
      'TEMPLATE_UNGUARDED_OPTIONAL',
      1,
    );
  });

  it('reports an unclosed section at the line that opened it', () => {
    expectReportError(
      () => compileTemplate('a\n{{#categories}}\n### {{category.title}}\n'),
      'TEMPLATE_UNCLOSED_SECTION',
      2,
    );
  });

  it('reports a close tag that does not match', () => {
    const error = expectReportError(
      () => compileTemplate('{{#categories}}\n{{#problems}}\n{{/categories}}\n{{/problems}}'),
      'TEMPLATE_MISMATCHED_CLOSE',
      3,
    );
    expect(error.message).toContain('第2行');
    expectReportError(() => compileTemplate('x\n{{/categories}}'), 'TEMPLATE_MISMATCHED_CLOSE', 2);
  });

  it('rejects a section that opens inside a line and closes on another', () => {
    expectReportError(
      () => compileTemplate('前文{{#team}}\n{{team}}{{/team}}'),
      'TEMPLATE_SECTION_SPANS_LINES',
      1,
    );
    expectReportError(
      () => compileTemplate('{{#team}}\n{{team}}{{/team}}'),
      'TEMPLATE_SECTION_SPANS_LINES',
      2,
    );
  });

  it.each([
    ['未闭合{{inspectedUnit', 1],
    ['多余}}', 1],
    ['{{检查单位}}', 1],
    ['{{ # }}', 1],
  ])('rejects the malformed tag in %j', (source, line) => {
    expectReportError(() => compileTemplate(source), 'TEMPLATE_BAD_TAG', line);
  });

  it.each(REPORT_KINDS)('compiles the shipped %s template', async (kind) => {
    expect(compileTemplate(await defaultTemplate(kind)).nodes.length).toBeGreaterThan(5);
  });
});

describe('renderTemplate', () => {
  const template = [
    '{{! 注释行不输出 }}',
    '# {{reportingUnit}}关于{{inspectionName}}的通报',
    '<< {{#recipient}}{{recipient}}：{{/recipient}}',
    '{{#categories}}',
    '## {{category.marker}}{{category.title}}',
    '  {{#problems}}',
    '### {{problem.marker}}{{problem.title}}（{{problem.closedMeasures}}/{{problem.measureCount}}）',
    '    {{#measures}}',
    '{{measure.marker}}{{measure.text}}{{#measure.progress}}{{measure.progress}}{{/measure.progress}}',
    '    {{/measures}}',
    '    {{^measures}}',
    '暂无措施。',
    '    {{/measures}}',
    '  {{/problems}}',
    '{{/categories}}',
    '{{#totals.openMeasures}}尚有{{totals.openMeasures}}条未完成。{{/totals.openMeasures}}{{^totals.openMeasures}}全部完成。{{/totals.openMeasures}}',
    '>> {{reportingUnit}}',
    '>> {{reportDate}}',
  ].join('\n');

  it('loops, numbers, guards and signs', () => {
    const data = buildReportData({
      recipient: null,
      categories: [
        buildCategory({
          title: '关于作风建设方面。',
          problems: [
            buildProblem({
              title: '会议过多过滥',
              measures: [
                buildMeasure({ text: '精简会议', progress: null }),
                buildMeasure({ text: '合并同类会议；', status: 'in_progress', progress: '今年会议减少三成' }),
              ],
            }),
          ],
        }),
        buildCategory({
          title: '关于组织建设方面',
          problems: [buildProblem({ title: '台账不全', measures: [] })],
        }),
      ],
    });
    const model = renderTemplate(template, data);
    expect(model.title).toBe('中共青石镇委员会关于县委第三轮巡察的通报');
    expect(model.blocks.map((b) => b.kind)).toEqual([
      'title',
      'heading1',
      'heading2',
      'paragraph',
      'paragraph',
      'heading1',
      'heading2',
      'paragraph',
      'paragraph',
      'signature',
    ]);
    expect(texts(model.blocks)).toEqual([
      '中共青石镇委员会关于县委第三轮巡察的通报',
      '（一）关于作风建设方面',
      '1.会议过多过滥（1/2）',
      '一是精简会议。',
      '二是合并同类会议。今年会议减少三成。',
      '（二）关于组织建设方面',
      '2.台账不全（0/0）',
      '暂无措施。',
      '尚有1条未完成。',
      '中共青石镇委员会|2024年11月8日',
    ]);
  });

  it('treats a count of 0 as absent in sections', () => {
    const data = buildReportData({
      categories: [buildCategory({ problems: [buildProblem({ measures: [buildMeasure()] })] })],
    });
    expect(texts(renderTemplate(template, data).blocks)).toContain('全部完成。');
  });

  it('prints values literally: no markup or placeholders inside data are interpreted', () => {
    const data = buildReportData({ reportingUnit: '# {{reportDate}} 单位' });
    expect(texts(renderTemplate('{{reportingUnit}}', data).blocks)).toEqual(['# {{reportDate}} 单位']);
  });

  it('turns line breaks in body values into paragraphs, and joins them in headings', () => {
    const data = buildReportData({
      categories: [
        buildCategory({ title: '关于\n多行标题', problems: [buildProblem({ text: '第一段。\n\n第二段' })] }),
      ],
    });
    const model = renderTemplate(
      '{{#categories}}\n## {{category.title}}\n{{#problems}}\n{{#problem.text}}{{problem.text}}{{/problem.text}}\n{{/problems}}\n{{/categories}}',
      data,
    );
    expect(model.blocks).toEqual([
      { kind: 'heading1', text: '关于多行标题' },
      { kind: 'paragraph', text: '第一段。' },
      { kind: 'paragraph', text: '第二段。' },
    ]);
  });

  it('fills the shipped templates with every number of the sample ledger', async () => {
    const text = texts(renderTemplate(await defaultTemplate('tongbao'), buildSampleLedger()).blocks).join(
      '\n',
    );
    for (const expected of [
      '三个方面6个问题',
      '整改措施10条',
      '已完成并销号7条',
      '完成率70.0%',
      '长期坚持的2条',
      '2个问题',
      '共问责5人次',
      '诫勉谈话2人、提醒谈话3人',
      '尚未完成的3条',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('通报批评'); // a type counted 0 is not mentioned
  });

  it('reports 督办 in the progress report only when notices went out', async () => {
    const supervision = { total: 5, byLevel: [3, 2, 0] as [number, number, number], answered: 4, closed: 3 };
    const withNotices = texts(
      renderTemplate(await defaultTemplate('progress'), buildSampleLedger({ supervision })).blocks,
    ).join('\n');
    expect(withNotices).toContain('共发出督办单5份（一级3份、二级2份，已答复4份、已办结3份）');
    const none = texts(renderTemplate(await defaultTemplate('progress'), buildSampleLedger()).blocks).join(
      '\n',
    );
    expect(none).not.toContain('督办单');
    expectReportError(
      () => buildView(buildReportData({ supervision: { ...supervision, answered: -1 } })),
      'REPORT_BAD_COUNT',
    );
  });

  it('reports messages from the public only when there were some', async () => {
    const publicFeedback = { total: 5, answered: 4, closed: 3 };
    const render = async (data: ReturnType<typeof buildSampleLedger>) =>
      texts(renderTemplate(await defaultTemplate('progress'), data).blocks).join('\n');
    expect(await render(buildSampleLedger({ publicFeedback }))).toContain(
      '收到群众反映5件，已答复4件、已办结3件',
    );
    expect(
      await render(buildSampleLedger({ publicFeedback: { total: 0, answered: 0, closed: 0 } })),
    ).not.toContain('群众反映');
    expectReportError(
      () => buildView(buildReportData({ publicFeedback: { ...publicFeedback, closed: 1.5 } })),
      'REPORT_BAD_COUNT',
    );
  });

  it('leaves out what the data does not have', async () => {
    const data = buildSampleLedger({
      accountability: {},
      contact: null,
      recipient: null,
      inspection: {
        ...buildReportData().inspection,
        team: null,
        issuer: null,
        periodStart: null,
        periodEnd: null,
        feedbackDate: null,
      },
    });
    const tongbao = texts(renderTemplate(await defaultTemplate('tongbao'), data).blocks).join('\n');
    expect(tongbao).not.toContain('问责');
    expect(tongbao).not.toContain('欢迎');
    expect(tongbao).not.toContain('电话');
    expect(tongbao).toContain('有关方面对青石镇党委开展了县委第三轮巡察。');
    const progress = renderTemplate(await defaultTemplate('progress'), data).blocks;
    expect(progress.some((b) => b.kind === 'flushLeft')).toBe(false);
  });
});

describe('placeholder table and view', () => {
  // compileTemplate trusts placeholders.ts and render trusts the view: they must list the same names.
  function compare(spec: ScopeSpec, view: ViewScope, path: string): void {
    expect(Object.keys(view.values).sort(), path).toEqual(Object.keys(spec.fields).sort());
    expect(Object.keys(view.lists).sort(), path).toEqual(Object.keys(spec.lists).sort());
    for (const [name, itemSpec] of Object.entries(spec.lists)) {
      const first = view.lists[name]?.[0];
      expect(first, `${path}.${name} needs an item in the sample`).toBeDefined();
      if (first !== undefined) compare(itemSpec, first, `${path}.${name}`);
    }
  }

  it('agree on every name in every scope', () => {
    compare(ROOT_SCOPE, buildView(buildSampleLedger()), 'root');
  });

  it('leaves only optional fields empty', () => {
    const view = buildView(buildSampleLedger({ contact: null, accountability: {}, recipient: null }));
    for (const [name, value] of Object.entries(view.values)) {
      if (value === null) expect(ROOT_SCOPE.fields[name]?.optional, name).toBe(true);
    }
  });

  it.each([
    ['an empty reporting unit', buildReportData({ reportingUnit: '  ' })],
    ['an empty category title', buildReportData({ categories: [buildCategory({ title: '' })] })],
    [
      'an empty measure',
      buildReportData({
        categories: [buildCategory({ problems: [buildProblem({ measures: [buildMeasure({ text: '' })] })] })],
      }),
    ],
    [
      'an unknown inspection kind',
      buildReportData({ inspection: { ...buildReportData().inspection, kind: 'inspection' as never } }),
    ],
    [
      'an unknown measure status',
      buildReportData({
        categories: [
          buildCategory({
            problems: [buildProblem({ measures: [buildMeasure({ status: 'done' as never })] })],
          }),
        ],
      }),
    ],
  ])('rejects %s', (_what, data) => {
    expectReportError(() => buildView(data), 'REPORT_BAD_VALUE');
  });

  it('rejects a negative accountability count', () => {
    expectReportError(() => buildView(buildReportData({ accountability: { 约谈: -1 } })), 'REPORT_BAD_COUNT');
  });
});
