import type { CategoryDraft, LedgerDraft, MeasureKind } from '@zhenggai/core';
import type { ParsedDocument } from '@zhenggai/parser';
import { sql, type Db } from '@zhenggai/db';
import { scopePatterns, type Actor } from './actor.ts';
import { importLedger, type ImportOptions, type ImportSummary } from './ledger-import.ts';
import { one, patternArray } from './tx.ts';

// A parsed feedback or rectification document becomes a ledger: its categories, problems and
// measures. Units, deadlines and owners are not in such documents; measures land on the
// inspected unit, to be assigned in the ledger afterwards.

function kindOf(text: string): MeasureKind {
  if (/长期坚持|常态化|长效/.test(text)) return 'ongoing';
  if (/立行立改|立即整改|已整改到位/.test(text)) return 'immediate';
  return 'deadline';
}

export function draftFromParsed(parsed: Pick<ParsedDocument, 'title' | 'categories'>): LedgerDraft {
  const categories: CategoryDraft[] = parsed.categories.map((c) => ({
    title: c.title,
    problems: c.problems.map((p) => ({
      number: p.number,
      title: p.title,
      text: p.text,
      crossCheckAll: /举一反三/.test(p.text),
      at: null,
      measures: p.measures.map((m) => ({
        text: m.text,
        kind: kindOf(m.text),
        deadline: null,
        status: 'not_started' as const,
        leaderName: null,
        unitName: null,
        cooperatingUnitNames: [],
        personName: null,
        progress: null,
        evidenceNote: null,
        remark: null,
        at: null,
      })),
    })),
  }));
  return { title: parsed.title, categories };
}

/** Only full dates fit a date column; a month-only date stays in the warnings. */
const fullDate = (s: string | null | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null);

export async function importDocument(
  db: Db,
  actor: Actor,
  parsed: ParsedDocument,
  options: Pick<ImportOptions, 'inspectionId' | 'dryRun' | 'source'> & { unitId?: number },
): Promise<ImportSummary> {
  let inspectedUnitId = options.unitId;
  if (!inspectedUnitId && parsed.inspectedUnit) {
    // A unit named in the document's opening sentence, if it is one the actor can see.
    const { own } = scopePatterns(actor);
    const unit = await one<{ id: number }>(
      db,
      sql`SELECT id::int AS id FROM units WHERE ${parsed.inspectedUnit} LIKE '%' || name || '%'
          AND path LIKE ANY(${patternArray(own)}) ORDER BY length(name) DESC LIMIT 1`,
    );
    inspectedUnitId = unit?.id;
  }
  const ownerUnitId = options.unitId ?? actor.unitId;
  const summary = await importLedger(db, actor, draftFromParsed(parsed), [], {
    inspectionId: options.inspectionId,
    newInspection: {
      name: parsed.title ?? undefined,
      kind: parsed.kind ?? undefined,
      ownerUnitId,
      inspectedUnitId: inspectedUnitId ?? ownerUnitId,
      team: parsed.inspector,
      periodStart: fullDate(parsed.inspectionPeriod?.start),
      periodEnd: fullDate(parsed.inspectionPeriod?.end),
      feedbackDate: fullDate(parsed.feedbackDate),
    },
    dryRun: options.dryRun,
    source: options.source,
  });
  // Per-measure "no unit" warnings say the same thing many times: keep one.
  const unassigned = summary.warnings.filter((w) => w.includes('未填写责任单位')).length;
  summary.warnings = [
    ...parsed.warnings,
    ...summary.warnings.filter((w) => !w.includes('未填写责任单位')),
    ...(unassigned ? [`${unassigned} 条措施没有责任单位，已先记在被巡察单位名下，请在台账中分派`] : []),
  ];
  return summary;
}
