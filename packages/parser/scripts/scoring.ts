import { INSPECTION_KIND_LABELS, INSPECTION_KINDS } from '@zhenggai/core';
import type { ParsedDocument } from '../src/index.ts';

// Compares one parse with one hand annotation (shared/seeds/expected/*.json, see CONVENTIONS.md).
// Each field is a list of pass/fail items; a field's score is passed / items over all documents.
// Extra categories or problems the parser invents count as failed items, so inventing
// structure in a prose-only document is punished, not ignored.

export interface ExpectedProblem {
  number: string;
  title: string;
  measures_count: number;
  _has_measure_text?: boolean;
}

export interface Expected {
  title: string | null;
  inspected_unit: string | null;
  inspector: string | null;
  inspection_period: [string, string] | null;
  feedback_date: string | null;
  categories: { title: string; problems: ExpectedProblem[] }[];
  contact: { phone: string | null; email: string | null } | null;
  _meta?: { kind?: string };
}

export const FIELDS = [
  'title',
  'kind',
  'inspector',
  'inspectedUnit',
  'inspectionPeriod',
  'feedbackDate',
  'categories',
  'problemCounts',
  'problemNumbers',
  'problemTitles',
  'measureCounts',
  'contact',
] as const;
/** Reported, not gated: the strict reading counts an unenumerated 整改情况 paragraph as 0 measures. */
export const INFO_FIELDS = ['measureCountsStrict'] as const;
export type Field = (typeof FIELDS)[number] | (typeof INFO_FIELDS)[number];

export interface Item {
  field: Field;
  ok: boolean;
  /** What differed, for the report: "expected … got …". */
  detail: string;
}

const show = (v: unknown): string => JSON.stringify(v) ?? 'undefined';
const same = (field: Field, expected: unknown, got: unknown): Item => ({
  field,
  ok: show(expected) === show(got),
  detail: `expected ${show(expected)} got ${show(got)}`,
});

/**
 * Titles are cut at the first "。" by convention, but a parser may keep more of the paragraph:
 * a title that starts with the expected one passes; a shorter one must still cover 80% of it.
 */
export function titleMatches(expected: string, got: string): boolean {
  const a = expected.replace(/\s/g, '');
  const b = got.replace(/\s/g, '');
  return b.startsWith(a) || (a.startsWith(b) && b.length > 0 && b.length >= 0.8 * a.length);
}

/**
 * The annotation names the kind in Chinese ("巡察(专项巡察“回头看”)"). Any code whose
 * label the annotation mentions is right: a 专项巡察 "回头看" is both a 巡察 and a look-back.
 */
export function acceptedKinds(annotation: string): string[] {
  const alias: Record<string, string> = { assessment: '考核', supervision: '督查', audit: '审计' };
  return INSPECTION_KINDS.filter(
    (k) => annotation.includes(INSPECTION_KIND_LABELS[k]) || (alias[k] && annotation.includes(alias[k])),
  );
}

/** CONVENTIONS.md: a single unenumerated 整改情况 paragraph is counted 0, but the document counts it 1. */
export function measureCountMatches(expected: ExpectedProblem, got: number): boolean {
  return (
    got === expected.measures_count ||
    (expected.measures_count === 0 && !!expected._has_measure_text && got === 1)
  );
}

export function compare(expected: Expected, got: ParsedDocument): Item[] {
  const items: Item[] = [
    same('title', expected.title, got.title),
    same('inspector', expected.inspector, got.inspector),
    same('inspectedUnit', expected.inspected_unit, got.inspectedUnit),
    same(
      'inspectionPeriod',
      expected.inspection_period,
      got.inspectionPeriod ? [got.inspectionPeriod.start, got.inspectionPeriod.end] : null,
    ),
    same('feedbackDate', expected.feedback_date, got.feedbackDate),
    same('contact', expected.contact, got.contact),
  ];
  if (expected._meta?.kind) {
    const accepted = acceptedKinds(expected._meta.kind);
    items.push({
      field: 'kind',
      ok: got.kind !== null && accepted.includes(got.kind),
      detail: `expected one of ${show(accepted)} got ${show(got.kind)}`,
    });
  }

  // An empty ledger correctly read as empty is one passed item, not zero items.
  if (expected.categories.length === 0 && got.categories.length === 0) {
    for (const field of ['categories', 'problemCounts'] as const)
      items.push({ field, ok: true, detail: 'empty' });
  }
  const categories = Math.max(expected.categories.length, got.categories.length);
  for (let c = 0; c < categories; c++) {
    const exp = expected.categories[c];
    const act = got.categories[c];
    items.push({
      field: 'categories',
      ok: !!exp && !!act && titleMatches(exp.title, act.title),
      detail: `category ${c + 1}: expected ${show(exp?.title)} got ${show(act?.title)}`,
    });
    items.push({
      field: 'problemCounts',
      ok: !!exp && !!act && exp.problems.length === act.problems.length,
      detail: `category ${c + 1}: expected ${exp?.problems.length ?? 0} problems got ${act?.problems.length ?? 0}`,
    });
    const problems = Math.max(exp?.problems.length ?? 0, act?.problems.length ?? 0);
    for (let p = 0; p < problems; p++) {
      const e = exp?.problems[p];
      const a = act?.problems[p];
      const where = `category ${c + 1} problem ${p + 1}`;
      items.push({
        field: 'problemNumbers',
        ok: !!e && !!a && e.number === a.number,
        detail: `${where}: expected ${show(e?.number)} got ${show(a?.number)}`,
      });
      items.push({
        field: 'problemTitles',
        ok: !!e && !!a && titleMatches(e.title, a.title),
        detail: `${where}: expected ${show(e?.title)} got ${show(a?.title)}`,
      });
      const measures = `${where}: expected ${e?.measures_count ?? '-'} measures got ${a?.measures.length ?? '-'}`;
      items.push({
        field: 'measureCounts',
        ok: !!e && !!a && measureCountMatches(e, a.measures.length),
        detail: measures,
      });
      items.push({
        field: 'measureCountsStrict',
        ok: !!e && !!a && e.measures_count === a.measures.length,
        detail: measures,
      });
    }
  }
  return items;
}
