import { schema, sql } from '@zhenggai/db';
import { DomainError, GENESIS_HASH, auditHash, type AuditContent } from '@zhenggai/core';
import { isSystem, type Actor } from './actor.ts';
import { one, rows, type Tx } from './tx.ts';

export interface AuditInput {
  action: string;
  entity: string;
  entityId: string | number | null;
  unitId: number | null;
  before?: unknown;
  after?: unknown;
}

// Appending takes a transaction-scoped advisory lock so two writers cannot both chain onto
// the same previous hash; the lock is released with the transaction that holds the change.
const AUDIT_LOCK = 20_241_124;

export async function appendAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const last = await one<{ hash: string }>(tx, sql`SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1`);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    at: new Date().toISOString(),
    actorId: isSystem(actor) ? null : actor.userId,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId === null ? null : String(input.entityId),
    before: input.before ?? null,
    after: input.after ?? null,
  };
  await tx.insert(schema.auditEvents).values({
    ...content,
    unitId: input.unitId,
    before: content.before,
    after: content.after,
    prevHash,
    hash: auditHash(prevHash, content),
  });
}

interface StoredEvent {
  id: string | number;
  at: string | Date;
  actor_id: string | number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export interface AuditVerification {
  events: number;
  ok: boolean;
  firstBrokenId: number | null;
}

/** Walks the whole chain; any edited, deleted or reordered event breaks it. */
export async function verifyAudit(tx: Tx): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let count = 0;
  let lastId = 0;
  for (;;) {
    const batch = await rows<StoredEvent>(
      tx,
      sql`SELECT id, at, actor_id, action, entity, entity_id, before, after, prev_hash, hash
          FROM audit_events WHERE id > ${lastId} ORDER BY id LIMIT 5000`,
    );
    if (batch.length === 0) break;
    for (const e of batch) {
      const content: AuditContent = {
        at: new Date(e.at).toISOString(),
        actorId: e.actor_id === null ? null : Number(e.actor_id),
        action: e.action,
        entity: e.entity,
        entityId: e.entity_id,
        before: e.before,
        after: e.after,
      };
      if (e.prev_hash !== prev || auditHash(prev, content) !== e.hash) {
        return { events: count, ok: false, firstBrokenId: Number(e.id) };
      }
      prev = e.hash;
      count++;
      lastId = Number(e.id);
    }
  }
  return { events: count, ok: true, firstBrokenId: null };
}

export async function assertAuditIntact(tx: Tx): Promise<AuditVerification> {
  const result = await verifyAudit(tx);
  if (!result.ok)
    throw new DomainError('AUDIT_BROKEN', `审计日志在第 ${result.firstBrokenId} 条被篡改或缺失`);
  return result;
}
