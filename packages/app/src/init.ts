import { randomBytes } from 'node:crypto';
import { type Db, sql } from '@zhenggai/db';
import { addDays, type Role } from '@zhenggai/core';
import { SYSTEM_ACTOR, type Actor } from './actor.ts';
import { actorById } from './auth.ts';
import { DEMO_INSPECTIONS, DEMO_UNITS, DEMO_USERS } from './demo-data.ts';
import { publicationDraft, publish } from './publications.ts';
import { insertInspection } from './inspections.ts';
import { insertMeasure } from './measures.ts';
import { insertCategory, insertProblem } from './problems.ts';
import { inTransaction, one, type Tx } from './tx.ts';
import { insertUnit } from './units.ts';
import { insertUser } from './users.ts';
import { addProgress, fireMeasureEvent } from './workflow-actions.ts';
import { today } from './ledger-query.ts';

export interface InitResult {
  created: boolean;
  adminUsername: string;
  /** Only when created now; never stored in plain text. */
  password: string | null;
  demoUsers: string[];
}

/**
 * First run: an administrator on a top unit, and with `demo` a fictional county with two
 * inspections whose measures are in every status. Does nothing on a database that has units.
 */
export async function initialize(
  db: Db,
  options: { demo: boolean; password?: string; countyName?: string },
): Promise<InitResult> {
  const existing = await one(db, sql`SELECT 1 FROM units LIMIT 1`);
  if (existing) return { created: false, adminUsername: 'admin', password: null, demoUsers: [] };
  const password = options.password ?? randomBytes(9).toString('base64url');
  const unitIds = new Map<string, number>();
  await inTransaction(db, async (tx) => {
    const units = options.demo
      ? DEMO_UNITS
      : [{ key: 'county', name: options.countyName ?? '本级', kind: 'county' as const, parent: null }];
    for (const u of units) {
      const unit = await insertUnit(tx, SYSTEM_ACTOR, {
        name: u.name,
        kind: u.kind,
        parentId: u.parent ? unitIds.get(u.parent)! : null,
      });
      unitIds.set(u.key, unit.id);
    }
    await insertUser(tx, SYSTEM_ACTOR, {
      username: 'admin',
      displayName: '系统管理员',
      password,
      unitId: unitIds.get('county')!,
      grants: [{ role: 'admin', unitId: unitIds.get('county')! }],
    });
    if (!options.demo) return;
    for (const u of DEMO_USERS) {
      await insertUser(tx, SYSTEM_ACTOR, {
        username: u.username,
        displayName: u.displayName,
        password,
        unitId: unitIds.get(u.unit)!,
        grants: u.grants.map((g) => ({
          role: g.role as Role,
          unitId: unitIds.get(g.unit)!,
          principal: g.principal,
        })),
      });
    }
  });
  if (options.demo) await seedInspections(db, unitIds);
  return {
    created: true,
    adminUsername: 'admin',
    password,
    demoUsers: options.demo ? DEMO_USERS.map((u) => u.username) : [],
  };
}

async function seedInspections(db: Db, unitIds: Map<string, number>) {
  const day = today();
  const actorFor = async (username: string): Promise<Actor> => {
    const row = await one<{ id: number }>(
      db,
      sql`SELECT id::int AS id FROM users WHERE username = ${username}`,
    );
    return (await actorById(db, row!.id))!;
  };
  const office = await actorFor('office');
  const reviewer = await actorFor('reviewer');
  const unit = (key: string) => unitIds.get(key)!;
  const created: number[] = [];
  for (const demo of DEMO_INSPECTIONS) {
    const pending: { id: number; status: string; progress?: string }[] = [];
    await inTransaction(db, async (tx: Tx) => {
      const inspection = await insertInspection(tx, office, {
        name: demo.name,
        kind: demo.kind,
        issuer: demo.issuer,
        team: demo.team,
        ownerUnitId: unit('county'),
        inspectedUnitId: unit(demo.inspected),
        extendedUnitIds: demo.extended.map(unit),
        periodStart: addDays(day, -demo.startDaysAgo),
        periodEnd: addDays(day, -demo.endDaysAgo),
        feedbackDate: addDays(day, -demo.feedbackDaysAgo),
        planDue: addDays(day, -demo.feedbackDaysAgo + 30),
        reportDue: addDays(day, 60),
      });
      created.push(inspection.id);
      for (const c of demo.categories) {
        const category = await insertCategory(tx, office, inspection.id, { title: c.title });
        for (const p of c.problems) {
          const problem = await insertProblem(tx, office, inspection.id, {
            categoryId: category.id,
            number: p.number,
            title: p.title,
            finding: p.finding,
            crossCheckAll: p.crossCheckAll ?? false,
            leaderName: p.measures[0]?.leader ?? null,
          });
          for (const m of p.measures) {
            const measure = await insertMeasure(tx, office, problem.id, {
              text: m.text,
              kind: m.kind,
              unitId: unit(m.unit),
              personName: m.person,
              leaderName: m.leader,
              deadline: m.dueInDays === null ? null : addDays(day, m.dueInDays),
            });
            pending.push({
              id: measure.id,
              status: m.status,
              ...(m.progress ? { progress: m.progress } : {}),
            });
          }
        }
      }
    });
    // Statuses are reached through the real workflow, so the demo's audit log reads like real use.
    for (const m of pending) {
      if (m.progress) await addProgress(db, office, m.id, { text: m.progress });
      if (m.status === 'pending_review' || m.status === 'closed')
        await fireMeasureEvent(db, office, m.id, 'request_closure');
      if (m.status === 'closed') await fireMeasureEvent(db, reviewer, m.id, 'approve');
    }
  }
  // So the public portal has something to show on first start: the last demo inspection's 通报, drafted from its ledger.
  const shown = created.at(-1)!;
  await publish(db, office, shown, await publicationDraft(db, office, shown));
}
