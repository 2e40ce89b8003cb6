import { type Db, schema, sql, type SQL } from '@zhenggai/db';
import {
  DomainError,
  forbidden,
  type CellIssue,
  type InspectionKind,
  type LedgerDraft,
  type MeasureDraft,
} from '@zhenggai/core';
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

const BATCH = 5000;

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
    // PGlite has no autovacuum: refresh planner statistics after a bulk change.
    if (!options.dryRun && summary.measures > 1000) await db.execute(sql`ANALYZE`);
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

/** Reserves `count` ids of a table's identity sequence, so rows can be linked before they are sent. */
async function reserveIds(tx: Tx, table: 'problems' | 'measures', count: number): Promise<number[]> {
  if (count === 0) return [];
  const found = await rows<{ id: number }>(
    tx,
    sql`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::int AS id FROM generate_series(1, ${count})`,
  );
  return found.map((r) => r.id);
}

/**
 * Bulk insert: one parameter holding a JSON array per batch, unpacked by the server. Thousands
 * of rows per statement, and values still never touch the SQL text.
 */
async function insertJson<T>(
  tx: Tx,
  statement: SQL,
  items: T[],
  toRecord: (item: T, index: number) => object | null,
  recordType: SQL,
) {
  // Records are built batch by batch, so a 100,000-row ledger is never held twice in memory.
  for (let i = 0; i < items.length; i += BATCH) {
    const records = items
      .slice(i, i + BATCH)
      .map((item, k) => toRecord(item, i + k))
      .filter((r) => r !== null);
    if (records.length > 0) await tx.execute(sql`${statement}${JSON.stringify(records)}::jsonb${recordType}`);
  }
}

const INSERT_PROBLEMS = sql`INSERT INTO problems (id, inspection_id, category_id, position, number, title, finding, cross_check_all, leader_name)
  SELECT id, inspection_id, category_id, position, number, title, finding, cross_check_all, leader_name
  FROM jsonb_to_recordset(`;
const PROBLEM_RECORD = sql`) AS x(id bigint, inspection_id bigint, category_id bigint, position int, number text,
  title text, finding text, cross_check_all boolean, leader_name text)`;
const INSERT_MEASURES = sql`INSERT INTO measures (id, problem_id, inspection_id, position, text, kind, unit_id,
    cooperating_unit_ids, leader_name, person_name, deadline, status, evidence_cadence_days, closed_at,
    last_progress_at, evidence_note, remark)
  SELECT id, problem_id, inspection_id, position, text, kind, unit_id, cooperating_unit_ids, leader_name, person_name,
    deadline, status, evidence_cadence_days, closed_at, last_progress_at, evidence_note, remark
  FROM jsonb_to_recordset(`;
const MEASURE_RECORD = sql`) AS x(id bigint, problem_id bigint, inspection_id bigint, position int, text text, kind text,
  unit_id bigint, cooperating_unit_ids bigint[], leader_name text, person_name text, deadline date, status text,
  evidence_cadence_days int, closed_at timestamptz, last_progress_at timestamptz, evidence_note text, remark text)`;
const INSERT_PROGRESS = sql`INSERT INTO progress_updates (measure_id, text)
  SELECT measure_id, text FROM jsonb_to_recordset(`;
const PROGRESS_RECORD = sql`) AS x(measure_id bigint, text text)`;

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
  for (const category of draft.categories) {
    if (!category.title || categoryIds.has(category.title)) continue;
    const [row] = await tx
      .insert(schema.categories)
      .values({ inspectionId: inspection.id, title: category.title, position: ++categoryPosition })
      .returning({ id: schema.categories.id });
    categoryIds.set(category.title, row!.id);
  }
  const problems = draft.categories.flatMap((c) =>
    c.problems.map((p) => ({ p, categoryId: c.title ? categoryIds.get(c.title)! : null })),
  );
  const problemIds = await reserveIds(tx, 'problems', problems.length);
  const measures = problems.flatMap(({ p }, k) =>
    p.measures.map((m, position) => ({ m, problemId: problemIds[k]!, position })),
  );
  const measureIds = await reserveIds(tx, 'measures', measures.length);
  const now = new Date().toISOString();
  const inspectionId = inspection.id;
  await insertJson(
    tx,
    INSERT_PROBLEMS,
    problems,
    ({ p, categoryId }, k) => ({
      id: problemIds[k],
      inspection_id: inspectionId,
      category_id: categoryId,
      position: ++problemPosition,
      number: p.number,
      title: p.title,
      finding: p.text,
      cross_check_all: p.crossCheckAll,
      leader_name: p.measures.find((m) => m.leaderName)?.leaderName ?? null,
    }),
    PROBLEM_RECORD,
  );
  await insertJson(
    tx,
    INSERT_MEASURES,
    measures,
    ({ m, problemId, position }, k) => ({
      id: measureIds[k],
      problem_id: problemId,
      inspection_id: inspectionId,
      position: position + 1,
      text: m.text,
      kind: m.kind,
      unit_id: unitIds.get(m.unitName ?? ''),
      cooperating_unit_ids: m.cooperatingUnitNames.map((n) => unitIds.get(n)),
      leader_name: m.leaderName,
      person_name: m.personName,
      deadline: m.deadline,
      status: m.status,
      evidence_cadence_days: m.kind === 'ongoing' ? 30 : null,
      closed_at: m.status === 'closed' ? now : null,
      last_progress_at: m.progress ? now : null,
      evidence_note: m.evidenceNote,
      remark: m.remark,
    }),
    MEASURE_RECORD,
  );
  // The ledger's 整改进展 column becomes the measure's first progress update.
  await insertJson(
    tx,
    INSERT_PROGRESS,
    measures,
    ({ m }, k) => (m.progress ? { measure_id: measureIds[k], text: m.progress } : null),
    PROGRESS_RECORD,
  );
}
