import { sql, type Db } from '@zhenggai/db';
import { invalid, notFound } from '@zhenggai/core';
import { defaultTemplate, renderTemplate, type DocBlock } from '@zhenggai/reports';
import type { Publication } from '@zhenggai/core/contracts';
import { scopePatterns, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import { requireManageInspection } from './inspections.ts';
import { reportDataFor } from './report-data.ts';
import { getSetting } from './settings.ts';
import { inTransaction, one, patternArray, rows, type Tx } from './tx.ts';

export type { Publication };

// 通报公开: the office publishes the 整改情况通报 of an inspection on the public portal. The text
// is prefilled from the ledger (the same template as the .docx) and edited before publishing.

export interface PublicationInput {
  title: string;
  body: string;
}

/** The same light markup as the report templates: "## " headings, ">> " signature lines. */
function blockText(b: DocBlock): string {
  switch (b.kind) {
    case 'heading1':
      return `## ${b.text}`;
    case 'heading2':
      return `### ${b.text}`;
    case 'heading3':
      return `#### ${b.text}`;
    case 'signature':
      return b.lines.map((line) => `>> ${line}`).join('\n');
    default:
      return b.text;
  }
}

/**
 * Title and text of the 通报 as the ledger says today: one paragraph per line, headings marked
 * "## " / "### " / "#### " and the signature ">> ", as in the report templates.
 */
export async function publicationDraft(
  db: Db,
  actor: Actor,
  inspectionId: number,
): Promise<PublicationInput> {
  await requireManageInspection(db, actor, inspectionId);
  const data = await reportDataFor(db, actor, inspectionId);
  const template = (await getSetting<string>(db, 'template.tongbao')) ?? (await defaultTemplate('tongbao'));
  const model = renderTemplate(template, data);
  const body = model.blocks
    .filter((b) => b.kind !== 'title')
    .map(blockText)
    .join('\n');
  return { title: model.title || `${data.inspection.name}整改情况通报`, body };
}

function validate(input: PublicationInput): PublicationInput {
  const title = input.title.trim();
  const body = input.body.replace(/\r\n/g, '\n').trim();
  if (!title || title.length > 300) throw invalid('标题需 1–300 个字');
  if (!body || body.length > 100_000) throw invalid('正文不能为空，且不超过 10 万字');
  return { title, body };
}

const publicationSelect = sql`
  SELECT p.id::int AS id, p.inspection_id::int AS "inspectionId", i.name AS "inspectionName", p.title, p.body,
         pu.display_name AS "publishedBy", p.published_at AS "publishedAt", p.updated_at AS "updatedAt",
         p.withdrawn_at AS "withdrawnAt"
  FROM publications p JOIN inspections i ON i.id = p.inspection_id LEFT JOIN users pu ON pu.id = p.published_by`;

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);
const tidy = (p: Publication): Publication => ({
  ...p,
  publishedAt: iso(p.publishedAt)!,
  updatedAt: iso(p.updatedAt)!,
  withdrawnAt: iso(p.withdrawnAt),
});

async function loadPublication(tx: Tx, id: number): Promise<Publication> {
  const found = await one<Publication>(tx, sql`${publicationSelect} WHERE p.id = ${id}`);
  if (!found) throw notFound('通报');
  return tidy(found);
}

/** The publications of inspections the actor sees (withdrawn ones included). */
export async function listPublications(db: Db, actor: Actor, inspectionId?: number): Promise<Publication[]> {
  const { context } = scopePatterns(actor);
  if (context.length === 0) return [];
  const found = await rows<Publication>(
    db,
    sql`${publicationSelect} JOIN units ou ON ou.id = i.owner_unit_id JOIN units iu ON iu.id = i.inspected_unit_id
        WHERE (ou.path LIKE ANY(${patternArray(context)}) OR iu.path LIKE ANY(${patternArray(context)}))
          ${inspectionId ? sql`AND p.inspection_id = ${inspectionId}` : sql``}
        ORDER BY p.published_at DESC, p.id DESC LIMIT 500`,
  );
  return found.map(tidy);
}

export function publish(db: Db, actor: Actor, inspectionId: number, input: PublicationInput) {
  const value = validate(input);
  return inTransaction(db, async (tx) => {
    const inspection = await requireManageInspection(tx, actor, inspectionId);
    const created = await one<{ id: number }>(
      tx,
      sql`INSERT INTO publications (inspection_id, title, body, published_by)
          VALUES (${inspectionId}, ${value.title}, ${value.body}, ${actor.userId || null}) RETURNING id::int AS id`,
    );
    await appendAudit(tx, actor, {
      action: 'publication.publish',
      entity: 'publication',
      entityId: created!.id,
      unitId: inspection.ownerUnitId,
      after: { inspectionId, title: value.title, length: value.body.length },
    });
    return loadPublication(tx, created!.id);
  });
}

async function manageable(tx: Tx, actor: Actor, id: number) {
  const found = await one<{ inspectionId: number; title: string; body: string; withdrawnAt: string | null }>(
    tx,
    sql`SELECT inspection_id::int AS "inspectionId", title, body, withdrawn_at AS "withdrawnAt"
        FROM publications WHERE id = ${id} FOR UPDATE`,
  );
  if (!found) throw notFound('通报');
  const inspection = await requireManageInspection(tx, actor, found.inspectionId);
  return { ...found, ownerUnitId: inspection.ownerUnitId };
}

export function updatePublication(db: Db, actor: Actor, id: number, input: PublicationInput) {
  const value = validate(input);
  return inTransaction(db, async (tx) => {
    const before = await manageable(tx, actor, id);
    await tx.execute(
      sql`UPDATE publications SET title = ${value.title}, body = ${value.body}, updated_at = now() WHERE id = ${id}`,
    );
    await appendAudit(tx, actor, {
      action: 'publication.update',
      entity: 'publication',
      entityId: id,
      unitId: before.ownerUnitId,
      before: { title: before.title, length: before.body.length },
      after: { title: value.title, length: value.body.length },
    });
    return loadPublication(tx, id);
  });
}

/** Takes a 通报 off the portal, or (withdrawn = false) puts it back. */
export function withdrawPublication(db: Db, actor: Actor, id: number, withdrawn = true) {
  return inTransaction(db, async (tx) => {
    const before = await manageable(tx, actor, id);
    if (!!before.withdrawnAt === withdrawn) return loadPublication(tx, id);
    await tx.execute(
      withdrawn
        ? sql`UPDATE publications SET withdrawn_at = now(), withdrawn_by = ${actor.userId || null} WHERE id = ${id}`
        : sql`UPDATE publications SET withdrawn_at = NULL, withdrawn_by = NULL, updated_at = now() WHERE id = ${id}`,
    );
    await appendAudit(tx, actor, {
      action: withdrawn ? 'publication.withdraw' : 'publication.republish',
      entity: 'publication',
      entityId: id,
      unitId: before.ownerUnitId,
      before: { withdrawn: !withdrawn },
      after: { withdrawn },
    });
    return loadPublication(tx, id);
  });
}
