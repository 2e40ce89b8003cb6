import type { Light } from './deadlines.ts';
import { MEASURE_STATUSES, type MeasureStatus } from './vocabulary.ts';

// 调度 (dispatch): a snapshot of every measure's state on a dispatch date, and what changed
// between two snapshots. Pure: the rows are read by the app, compared here, written out by the
// xlsx and reports packages.

export interface DispatchNumber {
  label: string;
  value: number;
  unit?: string;
}

export interface DispatchRow {
  measureId: number;
  problemNumber: string;
  problemTitle: string;
  text: string;
  unitId: number;
  unitName: string;
  status: MeasureStatus;
  light: Light;
  deadline: string | null;
  progressCount: number;
  lastProgressAt: string | null;
  /** The hard numbers of the latest progress update. */
  numbers: DispatchNumber[];
}

export interface DispatchCounts {
  measures: number;
  byStatus: Record<MeasureStatus, number>;
  lights: Record<Light, number>;
  /** Red lights: past the deadline, or a 长期坚持 measure whose evidence lapsed. */
  overdue: number;
  closed: number;
}

export interface UnitCounts extends DispatchCounts {
  unitId: number;
  unitName: string;
}

export interface DispatchTotals extends DispatchCounts {
  byUnit: UnitCounts[];
}

function emptyCounts(): DispatchCounts {
  return {
    measures: 0,
    byStatus: Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>,
    lights: { red: 0, yellow: 0, green: 0, none: 0 },
    overdue: 0,
    closed: 0,
  };
}

function add(counts: DispatchCounts, row: DispatchRow): void {
  counts.measures++;
  counts.byStatus[row.status]++;
  counts.lights[row.light]++;
  if (row.light === 'red') counts.overdue++;
  if (row.status === 'closed') counts.closed++;
}

/** Totals overall and per unit (units in order of first appearance). */
export function dispatchTotals(rows: readonly DispatchRow[]): DispatchTotals {
  const overall = emptyCounts();
  const units = new Map<number, UnitCounts>();
  for (const row of rows) {
    add(overall, row);
    let unit = units.get(row.unitId);
    if (!unit) {
      unit = { unitId: row.unitId, unitName: row.unitName, ...emptyCounts() };
      units.set(row.unitId, unit);
    }
    add(unit, row);
  }
  return { ...overall, byUnit: [...units.values()] };
}

export interface MovedMeasure {
  measureId: number;
  problemNumber: string;
  text: string;
  unitId: number;
  unitName: string;
  from: MeasureStatus;
  to: MeasureStatus;
}

export interface StalledMeasure {
  measureId: number;
  problemNumber: string;
  text: string;
  status: MeasureStatus;
  light: Light;
  deadline: string | null;
  lastProgressAt: string | null;
}

export interface StalledUnit {
  unitId: number;
  unitName: string;
  measures: StalledMeasure[];
}

export interface NumberChange {
  measureId: number;
  problemNumber: string;
  text: string;
  unitId: number;
  unitName: string;
  label: string;
  unit: string | null;
  /** null: the label was not reported before. */
  from: number | null;
  to: number;
  delta: number;
}

export interface UnitThenNow {
  unitId: number;
  unitName: string;
  then: DispatchCounts | null;
  now: DispatchCounts | null;
}

export interface SnapshotRef {
  id: number;
  label: string;
  takenOn: string;
}

export interface DispatchComparison {
  inspectionId: number;
  inspectionName: string;
  from: SnapshotRef;
  to: SnapshotRef;
  totals: { then: DispatchCounts; now: DispatchCounts };
  moved: MovedMeasure[];
  stalled: StalledUnit[];
  numbers: NumberChange[];
  added: DispatchRow[];
  removed: DispatchRow[];
  units: UnitThenNow[];
}

const stripUnits = ({ byUnit: _u, ...counts }: DispatchTotals): DispatchCounts => counts;

/**
 * What happened between two snapshots of one inspection:
 * - moved: measures whose status changed;
 * - stalled: measures not closed and not waiting for review, whose status did not change and
 *   that got no new progress update between the two (grouped by unit). A measure waiting for
 *   review is waiting on the reviewer, not on its unit;
 * - numbers: hard numbers of the latest update whose value changed or that were newly reported;
 * - measures added to or removed from the ledger; totals then and now, overall and per unit.
 */
export function compareDispatch(
  meta: { inspectionId: number; inspectionName: string; from: SnapshotRef; to: SnapshotRef },
  fromRows: readonly DispatchRow[],
  toRows: readonly DispatchRow[],
): DispatchComparison {
  const before = new Map(fromRows.map((r) => [r.measureId, r]));
  const after = new Map(toRows.map((r) => [r.measureId, r]));
  const moved: MovedMeasure[] = [];
  const stalledByUnit = new Map<number, StalledUnit>();
  const numbers: NumberChange[] = [];
  for (const now of toRows) {
    const then = before.get(now.measureId);
    if (!then) continue;
    const base = {
      measureId: now.measureId,
      problemNumber: now.problemNumber,
      text: now.text,
      unitId: now.unitId,
      unitName: now.unitName,
    };
    if (then.status !== now.status) moved.push({ ...base, from: then.status, to: now.status });
    else if (
      now.status !== 'closed' &&
      now.status !== 'pending_review' &&
      now.progressCount <= then.progressCount
    ) {
      let unit = stalledByUnit.get(now.unitId);
      if (!unit) {
        unit = { unitId: now.unitId, unitName: now.unitName, measures: [] };
        stalledByUnit.set(now.unitId, unit);
      }
      unit.measures.push({
        measureId: now.measureId,
        problemNumber: now.problemNumber,
        text: now.text,
        status: now.status,
        light: now.light,
        deadline: now.deadline,
        lastProgressAt: now.lastProgressAt,
      });
    }
    const old = new Map(then.numbers.map((n) => [n.label, n.value]));
    for (const n of now.numbers) {
      const from = old.has(n.label) ? old.get(n.label)! : null;
      if (from === n.value) continue;
      numbers.push({
        ...base,
        label: n.label,
        unit: n.unit ?? null,
        from,
        to: n.value,
        delta: n.value - (from ?? 0),
      });
    }
  }
  const thenTotals = dispatchTotals(fromRows);
  const nowTotals = dispatchTotals(toRows);
  const units = new Map<number, UnitThenNow>();
  for (const u of nowTotals.byUnit) {
    const { unitId, unitName, ...counts } = u;
    units.set(unitId, { unitId, unitName, then: null, now: counts });
  }
  for (const u of thenTotals.byUnit) {
    const { unitId, unitName, ...counts } = u;
    const known = units.get(unitId);
    if (known) known.then = counts;
    else units.set(unitId, { unitId, unitName, then: counts, now: null });
  }
  return {
    ...meta,
    totals: { then: stripUnits(thenTotals), now: stripUnits(nowTotals) },
    moved,
    stalled: [...stalledByUnit.values()].sort(
      (a, b) => b.measures.length - a.measures.length || a.unitId - b.unitId,
    ),
    numbers,
    added: toRows.filter((r) => !before.has(r.measureId)),
    removed: fromRows.filter((r) => !after.has(r.measureId)),
    units: [...units.values()],
  };
}
