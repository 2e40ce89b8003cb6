import { MEASURE_LABEL, extractMeasures } from './measures.ts';
import { walk, type OutlineNode } from './outline.ts';
import type { ParsedCategory, ParsedProblem } from './types.ts';

// From the outline to the problem list. A problem is an Arabic-numbered item; its category is
// the heading it sits under. Sections that only wrap the list, organise the work or plan the
// future are not categories: most hold no numbered items; those that do are recognised by how
// their headings open ("加强组织领导", "下一步工作打算").

// Anchored to how such headings open: "党组织领导班子" is a category, "加强组织领导" is not.
const NOT_LEDGER: RegExp[] = [
  /^(?:提高|强化|加强|增强|坚持|压实)[^，,。]{0,6}(?:政治站位|组织领导|思想认识|责任担当)/,
  /^(?:下一步|下步|今后)|(?:工作打算|下步打算|工作计划)$/,
  /(?:建立|健全|完善|形成)长效机制/,
  /^(?:基本情况|总体情况|整改工作总体情况|总体进展|主要做法|工作开展情况|整改工作开展情况)/,
  // A plan's own parts: its measures, safeguards and requirements are not findings.
  /^(?:整改措施|主要措施|保障措施|工作措施|工作要求|整改要求|整改目标|工作目标|指导思想|组织保障|时间安排|方法步骤)/,
];
const isNotLedger = (title: string): boolean => NOT_LEDGER.some((re) => re.test(title));

// The closing after the last problem (public-supervision invitation, contact, signature) is
// not part of that problem's rectification text.
const CLOSING =
  /^(?:欢迎|如有意见|联系(?:方式|电话|人)|举报电话|特此(?:报告|通报)|附件[:：]|[\u3400-\u9fff]{2,30}(?:委员会|人民政府|办公室|领导小组)$|\d{4}年\d{1,2}月\d{1,2}日$)/;

function beforeClosing(lines: string[]): string[] {
  const end = lines.findIndex((line) => CLOSING.test(line));
  return end < 0 ? lines : lines.slice(0, end);
}

/** Heading text up to the first "。", without a trailing full stop. */
export function headingTitle(text: string): string {
  const cut = (text.split(MEASURE_LABEL)[0] ?? text).replace(
    /^(?:存在问题|问题描述|反馈问题|问题)\s*[:：]/,
    '',
  );
  const stop = cut.indexOf('。');
  return (stop >= 0 ? cut.slice(0, stop) : cut).replace(/[。.．\s]+$/, '').trim();
}

/** `findingsOnly`: a feedback document lists findings; nothing under a problem is a measure. */
function toProblem(node: OutlineNode, findingsOnly: boolean): ParsedProblem {
  const heading = node.heading?.text ?? '';
  const body = beforeClosing(node.body);
  if (findingsOnly) {
    return {
      number: String(node.heading?.n ?? ''),
      title: headingTitle(heading),
      text: [heading, ...body].join('\n').trim(),
      measures: [],
    };
  }
  const [headFinding = '', ...headRest] = heading.split(MEASURE_LABEL);
  let finding = [headFinding];
  let rectification: string[] = headRest.length > 0 ? [headRest.join('')] : [];
  if (rectification.length === 0) {
    // A label further down splits finding from rectification; without one, everything under
    // the heading is rectification (the usual shape of a 整改情况 report).
    const labelAt = body.findIndex((line) => MEASURE_LABEL.test(line));
    if (labelAt >= 0) {
      const labelLine = body[labelAt] ?? '';
      const [before = '', ...after] = labelLine.split(MEASURE_LABEL);
      finding = [headFinding, ...body.slice(0, labelAt), before].filter((s) => s.trim() !== '');
      rectification = [after.join(''), ...body.slice(labelAt + 1)];
    } else {
      rectification = body;
    }
  } else {
    rectification = [...rectification, ...body];
  }
  return {
    number: String(node.heading?.n ?? ''),
    title: headingTitle(heading),
    text: finding.join('\n').trim(),
    measures: extractMeasures(rectification),
  };
}

interface Candidate {
  node: OutlineNode;
  problems: OutlineNode[];
}

export function extractCategories(root: OutlineNode, findingsOnly = false): ParsedCategory[] {
  // Parents of numbered items, grouped by the section that holds them.
  const byParent = new Map<OutlineNode, OutlineNode[]>();
  for (const node of walk(root)) {
    if (node.heading?.style !== 'num' || !node.parent) continue;
    const list = byParent.get(node.parent) ?? [];
    list.push(node);
    byParent.set(node.parent, list);
  }
  if (byParent.size === 0) return [];

  const groups = new Map<OutlineNode | null, Candidate[]>();
  for (const [parent, problems] of byParent) {
    const key = parent.heading ? parent.parent : null;
    const list = groups.get(key) ?? [];
    list.push({ node: parent, problems });
    groups.set(key, list);
  }

  // Organisation and closing sections go even when they hold numbered steps — unless nothing
  // else would be left, in which case the biggest branch is the ledger whatever its heading says.
  const all = [...groups].flatMap(([wrapper, candidates]) => withEmptySiblings(wrapper, candidates));
  const ledger = all.filter((c) => !isNotLedger(c.node.heading?.text ?? ''));
  const size = (cs: Candidate[]): number => cs.reduce((n, c) => n + c.problems.length, 0);
  const kept = size(ledger) > 0 ? ledger : [...groups.values()].reduce((a, b) => (size(b) > size(a) ? b : a));
  return kept
    .sort((a, b) => a.node.order - b.node.order)
    .map((c) => ({
      title: c.node.heading ? headingTitle(c.node.heading.text) : '',
      problems: c.problems.map((p) => toProblem(p, findingsOnly)),
    }));
}

/** A category heading between two others of its level is a category even without problems. */
function withEmptySiblings(wrapper: OutlineNode | null, candidates: Candidate[]): Candidate[] {
  const first = candidates[0]?.node;
  if (!wrapper || !first?.heading) return candidates;
  const style = first.heading.style;
  const orders = candidates.map((c) => c.node.order);
  const lo = Math.min(...orders);
  const hi = Math.max(...orders);
  return wrapper.children
    .filter((child) => child.heading?.style === style && child.order >= lo && child.order <= hi)
    .map((child) => candidates.find((c) => c.node === child) ?? { node: child, problems: [] });
}
