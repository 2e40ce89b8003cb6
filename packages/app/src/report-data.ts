import { sql, type Db } from '@zhenggai/db';
import type { MeasureKind, MeasureStatus } from '@zhenggai/core';
import { generateReport, type ReportData, type ReportKind } from '@zhenggai/reports';
import type { Actor } from './actor.ts';
import { accountabilityCounts } from './accountability.ts';
import { inspectionAccess } from './inspections.ts';
import { today } from './ledger-query.ts';
import { lookbackCounts } from './lookback-counts.ts';
import { getSetting, type PublicContact, type SettingKey } from './settings.ts';
import { rows } from './tx.ts';

// Fills the 通报 and the progress report from the ledger: every number is counted from the
// measures at the moment of generation, never typed by hand.

interface Row {
  categoryId: number | null;
  categoryTitle: string | null;
  problemId: number;
  number: string;
  title: string;
  finding: string;
  text: string | null;
  kind: MeasureKind | null;
  status: MeasureStatus | null;
  unitName: string | null;
  deadline: string | null;
  progress: string | null;
}

export async function reportDataFor(
  db: Db,
  actor: Actor,
  inspectionId: number,
  options: { reportDate?: string; contact?: Partial<PublicContact> } = {},
): Promise<ReportData> {
  const { inspection } = await inspectionAccess(db, actor, inspectionId);
  const found = await rows<Row>(
    db,
    sql`SELECT p.category_id::int AS "categoryId", c.title AS "categoryTitle", p.id::int AS "problemId", p.number, p.title,
               p.finding, m.text, m.kind, m.status, u.name AS "unitName", m.deadline::text AS deadline,
               (SELECT pu.text FROM progress_updates pu WHERE pu.measure_id = m.id ORDER BY pu.id DESC LIMIT 1) AS progress
        FROM problems p LEFT JOIN categories c ON c.id = p.category_id
        LEFT JOIN measures m ON m.problem_id = p.id LEFT JOIN units u ON u.id = m.unit_id
        WHERE p.inspection_id = ${inspectionId}
        ORDER BY c.position NULLS FIRST, c.id, p.position, p.id, m.position, m.id`,
  );
  const categories: ReportData['categories'] = [];
  let lastCategory: number | null | undefined;
  let lastProblem: number | undefined;
  for (const r of found) {
    if (categories.length === 0 || r.categoryId !== lastCategory) {
      categories.push({ title: r.categoryTitle ?? '其他问题', problems: [] });
      lastCategory = r.categoryId;
    }
    const category = categories.at(-1)!;
    if (r.problemId !== lastProblem) {
      category.problems.push({
        number: r.number,
        title: r.title,
        text: r.finding,
        status: 'open',
        measures: [],
      });
      lastProblem = r.problemId;
    }
    const problem = category.problems.at(-1)!;
    if (r.text && r.kind && r.status) {
      problem.measures.push({
        text: r.text,
        kind: r.kind,
        unit: r.unitName,
        deadline: r.deadline,
        status: r.status,
        progress: r.progress,
      });
    }
  }
  for (const p of categories.flatMap((c) => c.problems)) {
    p.status = p.measures.length > 0 && p.measures.every((m) => m.status === 'closed') ? 'closed' : 'open';
  }
  const stored = (await getSetting<PublicContact>(db, 'contact')) ?? {
    phone: null,
    email: null,
    address: null,
  };
  const contact = { ...stored, ...options.contact };
  return {
    inspection: {
      kind: inspection.kind,
      name: inspection.name,
      issuer: inspection.issuer,
      team: inspection.team,
      inspectedUnit: inspection.inspectedUnitName,
      periodStart: inspection.periodStart,
      periodEnd: inspection.periodEnd,
      feedbackDate: inspection.feedbackDate,
    },
    reportingUnit: inspection.inspectedUnitName,
    reportDate: options.reportDate ?? today(),
    recipient: inspection.ownerUnitName,
    categories,
    accountability: await accountabilityCounts(db, inspectionId),
    lookback: await lookbackCounts(db, sql`m.inspection_id = ${inspectionId}`),
    supervision: await supervisionCounts(db, inspectionId),
    publicFeedback: await publicFeedbackCounts(db, inspectionId),
    contact: contact.phone || contact.email || contact.address ? contact : null,
  };
}

async function supervisionCounts(db: Db, inspectionId: number) {
  const [c] = await rows<{
    total: number;
    l1: number;
    l2: number;
    l3: number;
    answered: number;
    closed: number;
  }>(
    db,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE level = 1)::int AS l1,
               count(*) FILTER (WHERE level = 2)::int AS l2, count(*) FILTER (WHERE level = 3)::int AS l3,
               count(*) FILTER (WHERE responded_at IS NOT NULL)::int AS answered,
               count(*) FILTER (WHERE status = 'closed')::int AS closed
        FROM supervision_notices WHERE inspection_id = ${inspectionId}`,
  );
  return {
    total: c!.total,
    byLevel: [c!.l1, c!.l2, c!.l3] as [number, number, number],
    answered: c!.answered,
    closed: c!.closed,
  };
}

/** Messages from the public about the inspection: filed against it, or linked to one of its problems. */
async function publicFeedbackCounts(db: Db, inspectionId: number) {
  const [c] = await rows<{ total: number; answered: number; closed: number }>(
    db,
    sql`SELECT count(*)::int AS total,
               count(*) FILTER (WHERE m.answered_at IS NOT NULL)::int AS answered,
               count(*) FILTER (WHERE m.status = 'closed')::int AS closed
        FROM public_messages m
        WHERE m.status <> 'rejected' AND (m.inspection_id = ${inspectionId} OR EXISTS (
          SELECT 1 FROM public_message_problems l JOIN problems p ON p.id = l.problem_id
          WHERE l.message_id = m.id AND p.inspection_id = ${inspectionId}))`,
  );
  return c!;
}

/** The .docx of a report, using the office's own template when one is saved. */
export async function reportDocx(
  db: Db,
  actor: Actor,
  inspectionId: number,
  kind: ReportKind,
  options: { reportDate?: string; contact?: Partial<PublicContact> } = {},
): Promise<{ buffer: Buffer; fileName: string }> {
  const data = await reportDataFor(db, actor, inspectionId, options);
  const template = await getSetting<string>(db, `template.${kind}` as SettingKey);
  const buffer = await generateReport(kind, data, template ? { template } : {});
  const label = kind === 'tongbao' ? '整改情况通报' : '整改进展情况报告';
  return { buffer, fileName: `${data.inspection.name}${label}.docx` };
}
