import { type Db, schema, sql } from '@zhenggai/db';
import {
  compareDispatch,
  DomainError,
  dispatchTotals,
  forbidden,
  invalid,
  measureLight,
  notFound,
  roleMay,
  type DispatchComparison,
  type DispatchNumber,
  type DispatchRow,
  type MeasureKind,
  type MeasureStatus,
  type Role,
} from '@zhenggai/core';
import type { Snapshot, SnapshotMeta } from '@zhenggai/core/contracts';
import { seesUnit, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { inspectionAccess, type Inspection } from './inspections.ts';
import { today } from './ledger-query.ts';
import { inTransaction, one, rows, type Tx } from './tx.ts';

export type { Snapshot, SnapshotMeta };

// 调度 (dispatch): the office takes a snapshot of an inspection's measures on a dispatch date and
// compares two of them. The comparison itself is pure (core/dispatch.ts).

export interface SnapshotInput {
  label: string;
  /** The dispatch date (YYYY-MM-DD), default today: lights and overdue are judged on it. */
  takenOn?: string | null;
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The inspection, and whether the actor may supervise it; out of scope is not found. */
export async function requireSupervise(tx: Tx, actor: Actor, inspectionId: number): Promise<Inspection> {
  const { inspection, roles } = await inspectionAccess(tx, actor, inspectionId);
  if (!roles.some((r) => roleMay(r, 'supervise'))) throw forbidden('只有巡察办（整改办）可以调度');
  return inspection;
}

interface MeasureState {
  measureId: number;
  problemNumber: string;
  problemTitle: string;
  text: string;
  unitId: number;
  unitName: string;
  status: MeasureStatus;
  kind: MeasureKind;
  deadline: string | null;
  evidenceCadenceDays: number | null;
  createdAt: string | Date;
  lastProgressAt: string | Date | null;
  progressCount: number;
  numbers: unknown;
}

function cleanNumbers(value: unknown): DispatchNumber[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((n: unknown) => {
    if (!n || typeof n !== 'object') return [];
    const { label, value: v, unit } = n as Record<string, unknown>;
    if (typeof label !== 'string' || typeof v !== 'number' || !Number.isFinite(v)) return [];
    return [{ label, value: v, ...(typeof unit === 'string' && unit ? { unit } : {}) }];
  });
}

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Every measure of the inspection as it stands now, with its light judged on `day`. The hard
 * numbers are those of the latest update that reported any, so a text-only update does not make
 * the figures disappear from the dispatch.
 */
export async function dispatchRows(
  tx: Tx,
  inspectionId: number,
  day: string,
  yellowDays: number,
): Promise<DispatchRow[]> {
  const found = await rows<MeasureState>(
    tx,
    sql`SELECT m.id::int AS "measureId", p.number AS "problemNumber", p.title AS "problemTitle", m.text,
               m.unit_id::int AS "unitId", u.name AS "unitName", m.status, m.kind, m.deadline::text AS "deadline",
               m.evidence_cadence_days AS "evidenceCadenceDays", m.created_at AS "createdAt",
               pu.count AS "progressCount", pu.last AS "lastProgressAt", latest.numbers
        FROM measures m JOIN problems p ON p.id = m.problem_id JOIN units u ON u.id = m.unit_id
        CROSS JOIN LATERAL (SELECT count(*)::int AS count, max(created_at) AS last
                            FROM progress_updates WHERE measure_id = m.id) pu
        LEFT JOIN LATERAL (SELECT numbers FROM progress_updates
                           WHERE measure_id = m.id AND jsonb_typeof(numbers) = 'array' AND numbers <> '[]'::jsonb
                           ORDER BY created_at DESC, id DESC LIMIT 1) latest ON true
        WHERE m.inspection_id = ${inspectionId}
        ORDER BY p.position, p.id, m.position, m.id`,
  );
  return found.map((m) => {
    const lastProgressAt = iso(m.lastProgressAt);
    const light = measureLight(
      {
        kind: m.kind,
        status: m.status,
        deadline: m.deadline,
        lastProgressAt,
        createdAt: iso(m.createdAt)!,
        evidenceCadenceDays: m.evidenceCadenceDays,
      },
      day,
      yellowDays,
    );
    return {
      measureId: m.measureId,
      problemNumber: m.problemNumber,
      problemTitle: m.problemTitle,
      text: m.text,
      unitId: m.unitId,
      unitName: m.unitName,
      status: m.status,
      light,
      deadline: m.deadline,
      progressCount: m.progressCount,
      lastProgressAt,
      numbers: cleanNumbers(m.numbers),
    };
  });
}

export function takeSnapshot(db: Db, actor: Actor, inspectionId: number, input: SnapshotInput) {
  return inTransaction(db, async (tx) => {
    const inspection = await requireSupervise(tx, actor, inspectionId);
    const label = input.label.trim();
    if (!label) throw invalid('请填写调度名称，例如“11月调度”');
    if (label.length > 200) throw invalid('调度名称不能超过200字');
    const takenOn = input.takenOn || today();
    if (!isIsoDate(takenOn)) throw invalid('调度日期格式应为 YYYY-MM-DD');
    const found = await dispatchRows(tx, inspectionId, takenOn, inspection.yellowDays);
    if (found.length === 0) throw invalid('该巡察还没有整改措施，无需调度');
    const totals = dispatchTotals(found);
    const [row] = await tx
      .insert(schema.dispatchSnapshots)
      .values({ inspectionId, takenOn, label, rows: found, totals, createdBy: actor.userId || null })
      .returning({ id: schema.dispatchSnapshots.id });
    const { byUnit: _units, ...overall } = totals;
    await appendAudit(tx, actor, {
      action: 'dispatch.snapshot',
      entity: 'dispatch_snapshot',
      entityId: row!.id,
      unitId: inspection.ownerUnitId,
      after: { inspectionId, label, takenOn, totals: overall },
    });
    return (await loadSnapshot(tx, actor, row!.id)).snapshot;
  });
}

interface StoredSnapshot {
  id: number;
  inspectionId: number;
  label: string;
  takenOn: string;
  createdAt: string | Date;
  createdByName: string | null;
  rows: DispatchRow[];
}

const snapshotSelect = sql`
  SELECT s.id::int AS id, s.inspection_id::int AS "inspectionId", s.label, s.taken_on::text AS "takenOn",
         s.created_at AS "createdAt", u.display_name AS "createdByName"
  FROM dispatch_snapshots s LEFT JOIN users u ON u.id = s.created_by`;

/** The rows the actor may see: all of them, or for a unit clerk only those of his own units. */
async function visibleRows(tx: Tx, actor: Actor, roles: Role[], all: DispatchRow[]) {
  if (roles.some((r) => r !== 'clerk')) return { rows: all, partial: false };
  const ids = [...new Set(all.map((r) => r.unitId))];
  const paths = await rows<{ id: number; path: string }>(
    tx,
    sql`SELECT id::int AS id, path FROM units WHERE id = ANY(string_to_array(${ids.join(',') || '0'}, ',')::bigint[])`,
  );
  const seen = new Set(paths.filter((p) => seesUnit(actor, p.path)).map((p) => p.id));
  return { rows: all.filter((r) => seen.has(r.unitId)), partial: true };
}

async function loadSnapshot(tx: Tx, actor: Actor, id: number) {
  const stored = await one<StoredSnapshot>(
    tx,
    sql`SELECT s.id::int AS id, s.inspection_id::int AS "inspectionId", s.label, s.taken_on::text AS "takenOn",
               s.created_at AS "createdAt", u.display_name AS "createdByName", s.rows
        FROM dispatch_snapshots s LEFT JOIN users u ON u.id = s.created_by WHERE s.id = ${id}`,
  );
  if (!stored) throw notFound('调度记录');
  const { inspection, roles } = await inspectionAccess(tx, actor, stored.inspectionId).catch((error) => {
    throw error instanceof DomainError && error.code === 'NOT_FOUND' ? notFound('调度记录') : error;
  });
  const visible = await visibleRows(tx, actor, roles, stored.rows);
  const snapshot: Snapshot = {
    id: stored.id,
    inspectionId: stored.inspectionId,
    inspectionName: inspection.name,
    label: stored.label,
    takenOn: stored.takenOn,
    createdAt: iso(stored.createdAt)!,
    createdByName: stored.createdByName,
    partial: visible.partial,
    rows: visible.rows,
    totals: dispatchTotals(visible.rows),
  };
  return { snapshot, inspection };
}

export async function getSnapshot(db: Db, actor: Actor, id: number): Promise<Snapshot> {
  return (await loadSnapshot(db, actor, id)).snapshot;
}

/** Snapshots of an inspection, latest dispatch date first. */
export async function listSnapshots(db: Db, actor: Actor, inspectionId: number): Promise<SnapshotMeta[]> {
  await inspectionAccess(db, actor, inspectionId);
  const found = await rows<SnapshotMeta>(
    db,
    sql`${snapshotSelect} WHERE s.inspection_id = ${inspectionId} ORDER BY s.taken_on DESC, s.id DESC`,
  );
  return found.map((s) => ({ ...s, createdAt: iso(s.createdAt)! }));
}

/**
 * Compares two snapshots of the same inspection, the earlier one (by dispatch date, then by
 * when it was taken) as "then", whichever order they are given in.
 */
export async function compareSnapshots(
  db: Db,
  actor: Actor,
  fromId: number,
  toId: number,
): Promise<DispatchComparison & { partial: boolean }> {
  if (fromId === toId) throw invalid('请选择两次不同的调度进行比较');
  const a = await loadSnapshot(db, actor, fromId);
  const b = await loadSnapshot(db, actor, toId);
  if (a.snapshot.inspectionId !== b.snapshot.inspectionId) throw invalid('两次调度不属于同一巡察，无法比较');
  const [from, to] =
    a.snapshot.takenOn < b.snapshot.takenOn ||
    (a.snapshot.takenOn === b.snapshot.takenOn && a.snapshot.id < b.snapshot.id)
      ? [a.snapshot, b.snapshot]
      : [b.snapshot, a.snapshot];
  const ref = (s: Snapshot) => ({ id: s.id, label: s.label, takenOn: s.takenOn });
  const comparison = compareDispatch(
    {
      inspectionId: from.inspectionId,
      inspectionName: a.inspection.name,
      from: ref(from),
      to: ref(to),
    },
    from.rows,
    to.rows,
  );
  return { ...comparison, partial: from.partial || to.partial };
}
