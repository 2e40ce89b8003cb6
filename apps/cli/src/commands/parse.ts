import { parseArgs } from 'node:util';
import { INSPECTION_KIND_LABELS } from '@zhenggai/core';
import { ParseError, parseFile, type ParsedDocument } from '@zhenggai/parser';
import { CliError, type CliCommand } from '../command.ts';

// `zhenggai parse FILE [--json]`: what the parser reads from a document, before anything is
// imported. The outline is for a person checking the result; --json is for scripts.

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: '解析整改文档(.docx/.txt)为问题清单  Parse a rectification document into its problem list',
  usage: 'zhenggai parse FILE [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
    const file = positionals[0];
    if (!file) throw new CliError(`缺少要解析的文件。用法：${this.usage}`, 2);
    let doc: ParsedDocument;
    try {
      doc = await parseFile(file);
    } catch (error) {
      // Unreadable input is an expected failure: its Chinese message is the whole answer.
      if (error instanceof ParseError)
        throw new CliError(error.message, error.code === 'READ_FAILED' ? 4 : 3);
      throw error;
    }
    io.stdout(values.json ? JSON.stringify(doc, null, 2) : outline(doc));
    return 0;
  },
};

const CN_ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (i: number): string =>
  i < 10 ? (CN_ORDINAL[i] ?? '') : i < 20 ? `十${CN_ORDINAL[i - 10] ?? ''}` : String(i + 1);

export function outline(doc: ParsedDocument): string {
  const or = (value: string | null): string => value ?? '（未识别）';
  const problems = doc.categories.flatMap((c) => c.problems);
  const measures = problems.reduce((n, p) => n + p.measures.length, 0);
  const lines = [
    `标题：${or(doc.title)}`,
    `类型：${doc.kind ? `${INSPECTION_KIND_LABELS[doc.kind]}（${doc.kind}）` : '（未识别）'}`,
    `检查方：${or(doc.inspector)}`,
    `被检查单位：${or(doc.inspectedUnit)}`,
    `检查期间：${doc.inspectionPeriod ? `${doc.inspectionPeriod.start} 至 ${doc.inspectionPeriod.end}` : '（未识别）'}`,
    `反馈日期：${or(doc.feedbackDate)}`,
    `联系方式：${doc.contact ? `电话 ${doc.contact.phone ?? '无'}；邮箱 ${doc.contact.email ?? '无'}` : '（未识别）'}`,
  ];
  const stated = doc.statedTotals;
  const said = [
    stated.categories !== undefined && `${stated.categories}个方面`,
    stated.problems !== undefined && `${stated.problems}个问题`,
    stated.measures !== undefined && `${stated.measures}条措施`,
    stated.completedMeasures !== undefined && `已完成${stated.completedMeasures}条`,
  ].filter(Boolean);
  if (said.length > 0) lines.push(`文中自述：${said.join('、')}`);
  lines.push(
    '',
    `问题清单：${doc.categories.length} 个类别，${problems.length} 个问题，${measures} 条整改措施`,
  );
  for (const [i, category] of doc.categories.entries()) {
    lines.push(`（${ordinal(i)}）${category.title || '（无类别标题）'}  ${category.problems.length} 个问题`);
    for (const p of category.problems)
      lines.push(`    ${p.number}. ${p.title}  [${p.measures.length} 条措施]`);
  }
  if (doc.warnings.length > 0) lines.push('', '提示：', ...doc.warnings.map((w) => `  - ${w}`));
  return lines.join('\n');
}
