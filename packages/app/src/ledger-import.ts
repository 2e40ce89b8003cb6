import { sql } from '@zhenggai/db';
import {
  DomainError,
  forbidden,
  type CellIssue,
  type InspectionKind,
  type LedgerDraft,
  type MeasureDraft,
} from '@zhenggai/core';
import { schema, type Db } from '@zhenggai/db';
import { may, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { insertInspection, requireManageInspection, type Inspection } from './inspections.ts';
import { inTransaction, one, rows, type Tx } from './tx.ts';
import { insertUnit, requireUnit, type Unit } from './units.ts';

// Saves a ledger read from Excel/CSV (or a parsed document) as one all-or-nothing change:
// any problem found → nothing is written and every problem is reported.

export interface ImportOptions {
  /** Add to this inspection; otherwise a new one is created from `newInspection`. */
  inspectionId?: number;
  newInspection?: {
    name?: string;
    kind?: InspectionKind;
    ownerUnitId?: number;
    inspectedUnitId?: number;
    team?: string | null;
    periodStart?: string | null;
    periodEnd?: string | null;
    feedbackDate?: string | null;
  };
  /** Create responsible units that do not exist yet (under the inspected unit) instead of failing. */
  createUnits?: boolean;
  dryRun?: boolean;
  /** What the ledger was read from, for the audit record. */
  source?: { fileName: string; sha256?: string };
}

export interface ImportSummary {
  inspectionId: number | null;
  dryRun: boolean;
  categories: number;
  problems: number;
  measures: number;
  unitsCreated: string[];
  issues: CellIssue[];
  warnings: string[];
}

const BATCH = 500;

function measureIssue(m: MeasureDraft, reason: string, header = '责任单位'): CellIssue {
  return {
    sheet: m.at?.sheet ?? '',
    row: m.at?.row ?? 0,
    column: m.at?.column ?? '',
    header,
    value: m.unitName,
    reason,
  };
}

/** Thrown when the import must not happen; `details` carries the full ImportSummary. */
export class ImportRejected extends DomainError {
  constructor(readonly summary: ImportSummary) {
    super('IMPORT_INVALID', `导入失败：有 ${summary.issues.length} 处问题需要更正，未写入任何数据`, summary);
  }
}

export async function importLedger(
  db: Db,
  actor: Actor,
  draft: LedgerDraft,
  readIssues: CellIssue[],
  options: ImportOptions,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    inspectionId: options.inspectionId ?? null,
    dryRun: !!options.dryRun,
    categories: draft.categories.length,
    problems: draft.categories.reduce((n, c) => n + c.problems.length, 0),
    measures: draft.categories.reduce((n, c) => n + c.problems.reduce((k, p) => k + p.measures.length, 0), 0),
    unitsCreated: [],
    issues: [...readIssues],
    warnings: [],
  };
  const rollback = new Error('dry run');
  try {
    await inTransaction(db, async (tx) => {
      const inspection = await targetInspection(tx, actor, draft, options);
      summary.inspectionId = inspection.id;
      const inspected = await requireUnit(tx, inspection.inspectedUnitId);
      const owner = await requireUnit(tx, inspection.ownerUnitId);
      const unitIds = await resolveUnits(tx, actor, draft, owner, inspected, options, summary);
      if (summary.issues.length > 0) {
        summary.inspectionId = options.inspectionId ?? null;
        throw new ImportRejected(summary);
      }
      await writeDraft(tx, inspection, draft, unitIds);
      await appendAudit(tx, actor, {
        action: 'ledger.import',
        entity: 'inspection',
        entityId: inspection.id,
        unitId: inspection.ownerUnitId,
        after: {
          source: options.source ?? null,
          categories: summary.categories,
          problems: summary.problems,
          measures: summary.measures,
          unitsCreated: summary.unitsCreated,
        },
      });
      if (options.dryRun) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
    summary.inspectionId = options.inspectionId ?? null;
  }
  return summary;
}

async function targetInspection(
  tx: Tx,
  actor: Actor,
  draft: LedgerDraft,
  options: ImportOptions,
): Promise<Inspection> {
  if (options.inspectionId) {
    const inspection = await requireManageInspection(tx, actor, options.inspectionId);
    const owner = await requireUnit(tx, inspection.ownerUnitId);
    if (!may(actor, 'import_ledger', { ownUnitPath: owner.path, contextPaths: [] })) throw forbidden();
    return inspection;
  }
  const ownerUnitId = options.newInspection?.ownerUnitId ?? actor.unitId;
  return insertInspection(tx, actor, {
    name:
      options.newInspection?.name ??
      draft.title?.replace(/整改台账$/, '') ??
      options.source?.fileName ??
      '导入的整改台账',
    kind: options.newInspection?.kind ?? 'xuncha',
    ownerUnitId,
    inspectedUnitId: options.newInspection?.inspectedUnitId ?? ownerUnitId,
    team: options.newInspection?.team ?? null,
    periodStart: options.newInspection?.periodStart ?? null,
    periodEnd: options.newInspection?.periodEnd ?? null,
    feedbackDate: options.newInspection?.feedbackDate ?? null,
  });
}

/** Maps every unit name in the draft to a unit id, collecting a cell issue for each unknown one. */
async function resolveUnits(
  tx: Tx,
  actor: Actor,
  draft: LedgerDraft,
  owner: Unit,
  inspected: Unit,
  options: ImportOptions,
  summary: ImportSummary,
): Promise<Map<string, number>> {
  // Names are looked up in the running office's whole tree (county departments are often responsible).
  const known = new Map<string, number>();
  for (const u of await rows<{ id: number; name: string; path: string }>(
    tx,
    sql`SELECT id::int AS id, name, path FROM units WHERE path LIKE ${owner.path + '%'} OR path LIKE ${inspected.path + '%'}
        ORDER BY length(path) DESC`,
  )) {
    known.set(u.name, u.id);
  }
  const missing = new Map<string, MeasureDraft>();
  for (const m of draft.categories.flatMap((c) => c.problems.flatMap((p) => p.measures))) {
    if (!m.unitName) {
      summary.warnings.push(
        `${m.at ? `${m.at.sheet}!${m.at.column}${m.at.row}` : '某条措施'} 未填写责任单位，已记在被巡察单位「${inspected.name}」名下`,
      );
      continue;
    }
    for (const name of [m.unitName, ...m.cooperatingUnitNames]) {
      if (!known.has(name) && !missing.has(name)) missing.set(name, m);
    }
  }
  for (const [name, m] of missing) {
    if (options.createUnits) {
      const unit = await insertUnit(tx, actor, { name, kind: 'department', parentId: inspected.id });
      known.set(name, unit.id);
      summary.unitsCreated.push(name);
    } else {
      summary.issues.push(
        measureIssue(
          m,
          `未找到责任单位「${name}」：请在单位管理中添加或更正名称，或导入时选择“自动创建单位”`,
        ),
      );
    }
  }
  known.set('', inspected.id);
  return known;
}

async function writeDraft(tx: Tx, inspection: Inspection, draft: LedgerDraft, unitIds: Map<string, number>) {
  const existing = await rows<{ id: number; title: string }>(
    tx,
    sql`SELECT id::int AS id, title FROM categories WHERE inspection_id = ${inspection.id}`,
  );
  const categoryIds = new Map(existing.map((c) => [c.title, c.id]));
  const start = await one<{ c: number; p: number }>(
    tx,
    sql`SELECT (SELECT COALESCE(max(position), 0) FROM categories WHERE inspection_id = ${inspection.id})::int AS c,
               (SELECT COALESCE(max(position), 0) FROM problems WHERE inspection_id = ${inspection.id})::int AS p`,
  );
  let categoryPosition = start!.c;
  let problemPosition = start!.p;
  const now = new Date().toISOString();
  for (const category of draft.categories) {
    let categoryId: number | null = null;
    if (category.title) {
      categoryId = categoryIds.get(category.title) ?? null;
      if (categoryId === null) {
        const [row] = await tx
          .insert(schema.categories)
          .values({ inspectionId: inspection.id, title: category.title, position: ++categoryPosition })
          .returning({ id: schema.categories.id });
        categoryId = row!.id;
        categoryIds.set(category.title, categoryId);
      }
    }
    for (let i = 0; i < category.problems.length; i += BATCH) {
      const chunk = category.problems.slice(i, i + BATCH);
      const inserted = await tx
        .insert(schema.problems)
        .values(
          chunk.map((p) => ({
            inspectionId: inspection.id,
            categoryId,
            position: ++problemPosition,
            number: p.number,
            title: p.title,
            finding: p.text,
            crossCheckAll: p.crossCheckAll,
            leaderName: p.measures.find((m) => m.leaderName)?.leaderName ?? null,
          })),
        )
        .returning({ id: schema.problems.id });
      const measureRows = chunk.flatMap((p, k) =>
        p.measures.map((m, position) => ({
          problemId: inserted[k]!.id,
          inspectionId: inspection.id,
          position: position + 1,
          text: m.text,
          kind: m.kind,
          unitId: unitIds.get(m.unitName ?? '')!,
          cooperatingUnitIds: m.cooperatingUnitNames.map((n) => unitIds.get(n)!),
          leaderName: m.leaderName,
          personName: m.personName,
          deadline: m.deadline,
          status: m.status,
          evidenceCadenceDays: m.kind === 'ongoing' ? 30 : null,
          closedAt: m.status === 'closed' ? now : null,
          lastProgressAt: m.progress ? now : null,
          evidenceNote: m.evidenceNote,
          remark: m.remark,
          progress: m.progress,
        })),
      );
      for (let j = 0; j < measureRows.length; j += BATCH) {
        const part = measureRows.slice(j, j + BATCH);
        const ids = await tx
          .insert(schema.measures)
          .values(part.map(({ progress: _p, ...row }) => row))
          .returning({ id: schema.measures.id });
        // The ledger's 整改进展 column becomes the measure's first progress update.
        const progress = part.flatMap((row, k) =>
          row.progress ? [{ measureId: ids[k]!.id, text: row.progress, authorId: null }] : [],
        );
        if (progress.length > 0) await tx.insert(schema.progressUpdates).values(progress);
      }
    }
  }
}
