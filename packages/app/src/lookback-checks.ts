import { eq, schema, sql, type Db } from '@zhenggai/db';
import {
  DomainError,
  forbidden,
  invalid,
  LOOKBACK_OUTCOME_LABELS,
  LOOKBACK_OUTCOMES,
  notFound,
  type LookbackOutcome,
} from '@zhenggai/core';
import { rolesOn, type Actor } from './actor.ts';
import { appendAudit } from './audit.ts';
import type { StoredFile } from './evidence-store.ts';
import { CHECK_FROM, listChecks, mayLookback } from './lookback.ts';
import { nearestHolders, notify } from './notifications.ts';
import { inTransaction, one, type Tx } from './tx.ts';
import { applyMeasureEvent } from './workflow-actions.ts';

// Recording one 回头看 re-check. 反弹 or 整改不到位 reopens the measure through the workflow's
// `reopen` event, marks its problem 反复 (problems.recurring) and tells the unit's clerks, all in
// the transaction that stores the outcome.
//
// A result may be corrected while the round is open. A correction never undoes a reopen: once a
// measure went back to 推进中 and its problem was marked recurring, turning the result into 巩固
// leaves both as they are (the unit closes the measure again through review, and the audit log
// shows both results). Correcting 巩固 into 反弹 reopens then, if the measure is still closed.

export interface LookbackCheckInput {
  outcome: string;
  note?: string | null;
  evidence?: (StoredFile & { fileName: string })[];
}

interface CheckState {
  id: number;
  roundId: number;
  roundName: string;
  roundStatus: string;
  measureId: number;
  measureText: string;
  measureStatus: string;
  unitId: number;
  problemId: number;
  problemRecurring: boolean;
  outcome: LookbackOutcome | null;
  note: string | null;
  unitPath: string;
  ownerPath: string;
  inspectedPath: string;
  ownerUnitId: number;
}

/**
 * Loads a check the actor may record: out of scope reads as not found, in scope without the
 * `lookback` permission is forbidden, a finished round is a conflict. Asked before any upload.
 */
export async function lookbackCheckForRecording(tx: Tx, actor: Actor, checkId: number, lock = false) {
  const check = await one<CheckState>(
    tx,
    sql`SELECT lc.id::int AS "id", r.id::int AS "roundId", r.name AS "roundName", r.status AS "roundStatus",
               m.id::int AS "measureId", m.text AS "measureText", m.status AS "measureStatus", m.unit_id::int AS "unitId",
               p.id::int AS "problemId", p.recurring AS "problemRecurring", lc.outcome, lc.note,
               mu.path AS "unitPath", ou.path AS "ownerPath", iu.path AS "inspectedPath", i.owner_unit_id::int AS "ownerUnitId"
        ${CHECK_FROM} WHERE lc.id = ${checkId} ${lock ? sql`FOR UPDATE OF lc, r` : sql``}`,
  );
  if (!check) throw notFound('复查项');
  const roles = rolesOn(actor, {
    ownUnitPath: check.unitPath,
    contextPaths: [check.ownerPath, check.inspectedPath],
  });
  if (roles.length === 0) throw notFound('复查项');
  if (!mayLookback(roles)) throw forbidden('只有巡察办、审核人或系统管理员可以登记回头看复查结果');
  if (check.roundStatus !== 'open') throw new DomainError('CONFLICT', '该轮回头看已结束，不能再修改复查结果');
  return check;
}

export function recordLookbackCheck(db: Db, actor: Actor, checkId: number, input: LookbackCheckInput) {
  return inTransaction(db, async (tx) => {
    const check = await lookbackCheckForRecording(tx, actor, checkId, true);
    if (!(LOOKBACK_OUTCOMES as readonly string[]).includes(input.outcome)) {
      throw invalid('复查结果只能是巩固、反弹或整改不到位');
    }
    const outcome = input.outcome as LookbackOutcome;
    const note = input.note?.trim() || null;
    if (outcome !== 'consolidated' && !note) throw invalid('认定“反弹”或“整改不到位”必须写明具体情况');
    if (note && note.length > 2000) throw invalid('情况说明不能超过 2000 字');

    await tx
      .update(schema.lookbackChecks)
      .set({ outcome, note, checkedBy: actor.userId || null, checkedAt: new Date().toISOString() })
      .where(eq(schema.lookbackChecks.id, checkId));
    for (const file of input.evidence ?? []) {
      await tx
        .insert(schema.evidenceFiles)
        .values({ sha256: file.sha256, size: file.size, mime: file.mime })
        .onConflictDoNothing();
      await tx
        .insert(schema.lookbackEvidence)
        .values({ checkId, sha256: file.sha256, fileName: file.fileName });
    }

    const label = LOOKBACK_OUTCOME_LABELS[outcome];
    let reopened = false;
    if (outcome !== 'consolidated') {
      if (check.measureStatus === 'closed') {
        // Through the one transition table: the actor's roles on the measure must allow `reopen`.
        await applyMeasureEvent(
          tx,
          actor,
          check.measureId,
          'reopen',
          `回头看「${check.roundName}」认定${label}：${note}`.slice(0, 2000),
        );
        reopened = true;
      }
      if (!check.problemRecurring) {
        await tx
          .update(schema.problems)
          .set({ recurring: true, updatedAt: new Date().toISOString() })
          .where(eq(schema.problems.id, check.problemId));
        await appendAudit(tx, actor, {
          action: 'problem.recurring',
          entity: 'problem',
          entityId: check.problemId,
          unitId: check.ownerUnitId,
          before: { recurring: false },
          after: { recurring: true, lookbackCheckId: checkId },
        });
      }
      await notify(tx, {
        userIds: await nearestHolders(tx, check.unitId, 'clerk'),
        kind: 'lookback',
        title: `回头看认定${label}：${check.measureText.slice(0, 40)}`,
        body: reopened ? `措施已重新打开，请继续整改并报送进展。${note}` : (note ?? ''),
        link: `/measures/${check.measureId}`,
        measureId: check.measureId,
        dedupeKey: `lookback:${checkId}:${outcome}`,
      });
    }
    await appendAudit(tx, actor, {
      action: 'lookback_check.record',
      entity: 'lookback_check',
      entityId: checkId,
      unitId: check.ownerUnitId,
      before: { outcome: check.outcome, note: check.note },
      after: {
        outcome,
        note,
        measureId: check.measureId,
        reopened,
        evidence: (input.evidence ?? []).map((f) => ({ sha256: f.sha256, fileName: f.fileName })),
      },
    });
    const [row] = await listChecks(tx, actor, sql`lc.id = ${checkId}`);
    return { ...row!, reopened };
  });
}

/** A look-back evidence file, for anyone who may see its check (the unit's clerk included). */
export async function lookbackEvidenceForDownload(db: Db, actor: Actor, attachmentId: number) {
  const found = await one<{
    sha256: string;
    fileName: string;
    mime: string;
    size: number;
    unitPath: string;
    ownerPath: string;
    inspectedPath: string;
  }>(
    db,
    sql`SELECT e.sha256, e.file_name AS "fileName", f.mime, f.size::int AS size,
               mu.path AS "unitPath", ou.path AS "ownerPath", iu.path AS "inspectedPath"
        ${CHECK_FROM} JOIN lookback_evidence e ON e.check_id = lc.id JOIN evidence_files f ON f.sha256 = e.sha256
        WHERE e.id = ${attachmentId}`,
  );
  const visible =
    found &&
    rolesOn(actor, { ownUnitPath: found.unitPath, contextPaths: [found.ownerPath, found.inspectedPath] })
      .length > 0;
  if (!found || !visible) throw notFound('佐证材料');
  return { sha256: found.sha256, fileName: found.fileName, mime: found.mime, size: found.size };
}
