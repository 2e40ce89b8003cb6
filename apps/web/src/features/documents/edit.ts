import type { ParsedDocument } from './api.ts';

// The parsed document as the person corrects it. Every node carries a key so React keeps focus
// and cursor where they are while items move; every operation returns a new document.

export interface EMeasure {
  key: string;
  text: string;
}

export interface EProblem {
  key: string;
  number: string;
  title: string;
  text: string;
  measures: EMeasure[];
}

export interface ECategory {
  key: string;
  title: string;
  problems: EProblem[];
}

export interface EDoc extends Omit<ParsedDocument, 'categories'> {
  categories: ECategory[];
}

let seq = 0;
export const newKey = (prefix: string) => `${prefix}${++seq}`;

export function toEditable(doc: ParsedDocument): EDoc {
  return {
    ...doc,
    categories: doc.categories.map((c) => ({
      key: newKey('c'),
      title: c.title,
      problems: c.problems.map((p) => ({
        key: newKey('p'),
        number: p.number,
        title: p.title,
        text: p.text,
        measures: p.measures.map((m) => ({ key: newKey('m'), text: m.text })),
      })),
    })),
  };
}

/** The structure the server takes, trimmed; keys dropped. */
export function toParsed(doc: EDoc): ParsedDocument {
  const blank = (s: string | null) => (s && s.trim() ? s.trim() : null);
  return {
    title: blank(doc.title),
    kind: doc.kind,
    inspector: blank(doc.inspector),
    inspectedUnit: blank(doc.inspectedUnit),
    inspectionPeriod:
      doc.inspectionPeriod && doc.inspectionPeriod.start.trim() && doc.inspectionPeriod.end.trim()
        ? { start: doc.inspectionPeriod.start.trim(), end: doc.inspectionPeriod.end.trim() }
        : null,
    feedbackDate: blank(doc.feedbackDate),
    contact: doc.contact,
    statedTotals: doc.statedTotals,
    warnings: doc.warnings,
    categories: doc.categories.map((c) => ({
      title: c.title.trim(),
      problems: c.problems.map((p) => ({
        number: p.number.trim(),
        title: p.title.trim(),
        text: p.text,
        measures: p.measures.map((m) => ({ text: m.text.trim() })),
      })),
    })),
  };
}

export function counts(doc: EDoc) {
  const problems = doc.categories.flatMap((c) => c.problems);
  return {
    categories: doc.categories.length,
    problems: problems.length,
    measures: problems.reduce((n, p) => n + p.measures.length, 0),
  };
}

type Patch<T> = Partial<Omit<T, 'key'>>;

const mapCategory = (doc: EDoc, key: string, f: (c: ECategory) => ECategory): EDoc => ({
  ...doc,
  categories: doc.categories.map((c) => (c.key === key ? f(c) : c)),
});

const mapProblem = (doc: EDoc, key: string, f: (p: EProblem) => EProblem): EDoc => ({
  ...doc,
  categories: doc.categories.map((c) =>
    c.problems.some((p) => p.key === key)
      ? { ...c, problems: c.problems.map((p) => (p.key === key ? f(p) : p)) }
      : c,
  ),
});

export const editCategory = (doc: EDoc, key: string, patch: Patch<ECategory>) =>
  mapCategory(doc, key, (c) => ({ ...c, ...patch }));

export const editProblem = (doc: EDoc, key: string, patch: Patch<EProblem>) =>
  mapProblem(doc, key, (p) => ({ ...p, ...patch }));

export const editMeasure = (doc: EDoc, problemKey: string, key: string, text: string) =>
  mapProblem(doc, problemKey, (p) => ({
    ...p,
    measures: p.measures.map((m) => (m.key === key ? { ...m, text } : m)),
  }));

export function addCategory(doc: EDoc): { doc: EDoc; key: string } {
  const key = newKey('c');
  return { doc: { ...doc, categories: [...doc.categories, { key, title: '', problems: [] }] }, key };
}

export const deleteCategory = (doc: EDoc, key: string): EDoc => ({
  ...doc,
  categories: doc.categories.filter((c) => c.key !== key),
});

/** A new problem at the end of a category, numbered after the highest number in the document. */
export function addProblem(doc: EDoc, categoryKey: string): { doc: EDoc; key: string } {
  const key = newKey('p');
  const highest = doc.categories
    .flatMap((c) => c.problems)
    .reduce((n, p) => Math.max(n, Number.parseInt(p.number, 10) || 0), 0);
  return {
    doc: mapCategory(doc, categoryKey, (c) => ({
      ...c,
      problems: [...c.problems, { key, number: String(highest + 1), title: '', text: '', measures: [] }],
    })),
    key,
  };
}

export const deleteProblem = (doc: EDoc, key: string): EDoc => ({
  ...doc,
  categories: doc.categories.map((c) => ({ ...c, problems: c.problems.filter((p) => p.key !== key) })),
});

/** Moves a problem to the end of another category. */
export function moveProblem(doc: EDoc, key: string, toCategoryKey: string): EDoc {
  const problem = doc.categories.flatMap((c) => c.problems).find((p) => p.key === key);
  if (!problem) return doc;
  const without = deleteProblem(doc, key);
  return mapCategory(without, toCategoryKey, (c) => ({ ...c, problems: [...c.problems, problem] }));
}

/** Moves a problem one place up or down in its category. */
export function shiftProblem(doc: EDoc, key: string, by: -1 | 1): EDoc {
  return {
    ...doc,
    categories: doc.categories.map((c) => {
      const i = c.problems.findIndex((p) => p.key === key);
      const j = i + by;
      if (i < 0 || j < 0 || j >= c.problems.length) return c;
      const problems = [...c.problems];
      [problems[i], problems[j]] = [problems[j]!, problems[i]!];
      return { ...c, problems };
    }),
  };
}

/** Numbers all problems 1..n in document order. */
export function renumber(doc: EDoc): EDoc {
  let n = 0;
  return {
    ...doc,
    categories: doc.categories.map((c) => ({
      ...c,
      problems: c.problems.map((p) => ({ ...p, number: String(++n) })),
    })),
  };
}

export function addMeasure(doc: EDoc, problemKey: string): { doc: EDoc; key: string } {
  const key = newKey('m');
  return {
    doc: mapProblem(doc, problemKey, (p) => ({ ...p, measures: [...p.measures, { key, text: '' }] })),
    key,
  };
}

export const deleteMeasure = (doc: EDoc, problemKey: string, key: string) =>
  mapProblem(doc, problemKey, (p) => ({ ...p, measures: p.measures.filter((m) => m.key !== key) }));

/** Joins two measure texts: a "；" between them unless the first already ends a clause. */
export function joinTexts(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (!left) return right;
  if (!right) return left;
  return /[。；;，,：:！!？?]$/.test(left) ? left + right : `${left}；${right}`;
}

/** Merges a measure into the one before it (same problem). Returns the kept measure's key. */
export function mergeMeasure(doc: EDoc, problemKey: string, key: string): { doc: EDoc; key: string | null } {
  let kept: string | null = null;
  const next = mapProblem(doc, problemKey, (p) => {
    const i = p.measures.findIndex((m) => m.key === key);
    if (i <= 0) return p;
    const prev = p.measures[i - 1]!;
    const cur = p.measures[i]!;
    kept = prev.key;
    const measures = [...p.measures];
    measures.splice(i - 1, 2, { key: prev.key, text: joinTexts(prev.text, cur.text) });
    return { ...p, measures };
  });
  return { doc: next, key: kept };
}

/** Splits a measure at a character offset into two; strips the separator left at the cut. */
export function splitMeasure(
  doc: EDoc,
  problemKey: string,
  key: string,
  at: number,
): { doc: EDoc; key: string | null } {
  let created: string | null = null;
  const next = mapProblem(doc, problemKey, (p) => {
    const i = p.measures.findIndex((m) => m.key === key);
    const cur = p.measures[i];
    if (!cur) return p;
    const left = cur.text.slice(0, at).replace(/[\s；;，,]+$/, '');
    const right = cur.text.slice(at).replace(/^[\s；;，,。]+/, '');
    if (!left.trim() || !right.trim()) return p;
    created = newKey('m');
    const measures = [...p.measures];
    measures.splice(i, 1, { key: cur.key, text: left }, { key: created, text: right });
    return { ...p, measures };
  });
  return { doc: next, key: created };
}

export interface Fix {
  /** The key of the field to focus ("title" for the document's title). */
  key: string;
  kind: 'name' | 'title' | 'text';
  number: string;
  index: number;
}

/** What must be fixed before the server would take the document. */
export function problemsToFix(doc: EDoc, needsName: boolean): Fix[] {
  const out: Fix[] = [];
  if (needsName && !doc.title?.trim()) out.push({ key: 'title', kind: 'name', number: '', index: 0 });
  let n = 0;
  for (const c of doc.categories) {
    for (const p of c.problems) {
      n++;
      const number = p.number.trim() || `(${n})`;
      if (!p.title.trim()) out.push({ key: `${p.key}-title`, kind: 'title', number, index: 0 });
      p.measures.forEach((m, i) => {
        if (!m.text.trim()) out.push({ key: m.key, kind: 'text', number, index: i + 1 });
      });
    }
  }
  return out;
}

export const DATE_RE = /^\d{4}-\d{2}(-\d{2})?$/;
export const FULL_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
