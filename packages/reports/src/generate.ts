import { readFile } from 'node:fs/promises';
import { buildDocx } from './docx.ts';
import { renderTemplate } from './render.ts';
import type { ReportData } from './report-data.ts';

export const REPORT_KINDS = ['tongbao', 'progress'] as const;
/** tongbao: 整改情况通报 for the public; progress: 整改进展情况报告 to the upper level. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The shipped wording of each report; an office can copy it, edit it and pass its own text. */
export function defaultTemplate(kind: ReportKind): Promise<string> {
  return readFile(new URL(`../templates/${kind}.md`, import.meta.url), 'utf8');
}

export async function generateReport(
  kind: ReportKind,
  data: ReportData,
  options: { template?: string } = {},
): Promise<Buffer> {
  const template = options.template ?? (await defaultTemplate(kind));
  return buildDocx(renderTemplate(template, data));
}
