import { type Db, sql } from '@zhenggai/db';
import type { CategoryDraft, LedgerDraft, MeasureKind, MeasureStatus } from '@zhenggai/core';
import type { Actor } from './actor.ts';
import { inspectionAccess } from './inspections.ts';
import { ledgerWhere, LEDGER_FROM, today, type LedgerFilter } from './ledger-query.ts';
import { rows } from './tx.ts';

// Reads the ledger back into the same draft shape the importer takes, so export → import is
// lossless for every column the standard ledger carries.

interface Row {
  categoryId: number | null;
  categoryTitle: string | null;
  problemId: number;
  problemNumber: string;
  problemTitle: string;
  finding: string;
  crossCheckAll: boolean;
  text: string;
  kind: MeasureKind;
  status: MeasureStatus;
  deadline: string | null;
  leaderName: string | null;
  unitName: string;
  cooperating: string[] | null;
  personName: string | null;
  progress: string | null;
  evidence: string | null;
  evidenceNote: string | null;
  remark: string | null;
}

export async function exportLedgerDraft(
  db: Db,
  actor: Actor,
  filter: LedgerFilter & { inspectionId: number },
): Promise<LedgerDraft> {
  const { inspection } = await inspectionAccess(db, actor, filter.inspectionId);
  const found = await rows<Row>(
    db,
    sql`SELECT p.category_id::int AS "categoryId", c.title AS "categoryTitle", p.id::int AS "problemId",
               p.number AS "problemNumber", p.title AS "problemTitle", p.finding, p.cross_check_all AS "crossCheckAll",
               m.text, m.kind, m.status, m.deadline::text AS "deadline", m.leader_name AS "leaderName", mu.name AS "unitName",
               (SELECT array_agg(cu.name ORDER BY array_position(m.cooperating_unit_ids, cu.id))
                  FROM units cu WHERE cu.id = ANY(m.cooperating_unit_ids)) AS "cooperating",
               m.person_name AS "personName",
               (SELECT pu.text FROM progress_updates pu WHERE pu.measure_id = m.id ORDER BY pu.id DESC LIMIT 1) AS "progress",
               (SELECT string_agg(pe.file_name, '、' ORDER BY pe.id) FROM progress_updates pu
                  JOIN progress_evidence pe ON pe.progress_id = pu.id WHERE pu.measure_id = m.id) AS "evidence",
               m.evidence_note AS "evidenceNote", m.remark
        ${LEDGER_FROM} WHERE ${ledgerWhere(actor, filter, today())}
        ORDER BY c.position NULLS FIRST, c.id, p.position, p.id, m.position, m.id`,
  );
  const categories: CategoryDraft[] = [];
  let lastCategory: number | null | undefined;
  let lastProblem: number | undefined;
  for (const r of found) {
    if (categories.length === 0 || r.categoryId !== lastCategory) {
      categories.push({ title: r.categoryTitle ?? '', problems: [] });
      lastCategory = r.categoryId;
      lastProblem = undefined;
    }
    const category = categories.at(-1)!;
    if (r.problemId !== lastProblem) {
      category.problems.push({
        number: r.problemNumber,
        title: r.problemTitle,
        text: r.finding,
        crossCheckAll: r.crossCheckAll,
        measures: [],
        at: null,
      });
      lastProblem = r.problemId;
    }
    category.problems.at(-1)!.measures.push({
      text: r.text,
      kind: r.kind,
      deadline: r.deadline,
      status: r.status,
      leaderName: r.leaderName,
      unitName: r.unitName,
      cooperatingUnitNames: r.cooperating ?? [],
      personName: r.personName,
      progress: r.progress,
      evidenceNote: r.evidenceNote ?? r.evidence,
      remark: r.remark,
      at: null,
    });
  }
  return { title: `${inspection.name}整改台账`, categories };
}
