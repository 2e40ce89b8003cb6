import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { schema, sql, type Db } from '@zhenggai/db';
import {
  DomainError,
  invalid,
  issueChallenge,
  PUBLIC_LIMITS,
  PUBLIC_MESSAGE_CATEGORIES,
  PUBLIC_MESSAGE_CATEGORY_LABELS,
  PUBLIC_MESSAGE_STATUS_LABELS,
  verifyChallenge,
  type Challenge,
  type IssuedChallenge,
  type PublicMessageCategory,
  type PublicMessageStatus,
} from '@zhenggai/core';
import type {
  PublicAnswerView,
  PublicPublicationSummary,
  PublicPublicationText,
} from '@zhenggai/core/contracts';
import { SYSTEM_ACTOR } from './actor.ts';
import { appendAudit } from './audit.ts';
import type { StoredFile } from './evidence-store.ts';
import { nearestHolders, notify } from './notifications.ts';
import { inTransaction, one, rows, type Tx } from './tx.ts';

export type { PublicAnswerView, PublicPublicationSummary, PublicPublicationText };

// The public side (no sign-in): published 通报, the feedback form and the tracking-code lookup.
// Nothing here returns an internal note, a person, an address or a database id of a message.

const SECRET_KEY = 'public.secret';

/**
 * The server's own secret for signing challenges and hashing sender addresses: made on first
 * use and kept in `settings`, so it never lives in the repository or a config file.
 */
export async function portalSecret(db: Db): Promise<string> {
  const found = await one<{ value: string }>(
    db,
    sql`SELECT value #>> '{}' AS value FROM settings WHERE key = ${SECRET_KEY}`,
  );
  if (found) return found.value;
  return inTransaction(db, async (tx) => {
    const created = await one<{ value: string }>(
      tx,
      sql`INSERT INTO settings (key, value) VALUES (${SECRET_KEY}, to_jsonb(${randomBytes(32).toString('hex')}::text))
          ON CONFLICT (key) DO NOTHING RETURNING value #>> '{}' AS value`,
    );
    if (!created) {
      // Someone else made it first; theirs is the one.
      return (await one<{ value: string }>(
        tx,
        sql`SELECT value #>> '{}' AS value FROM settings WHERE key = ${SECRET_KEY}`,
      ))!.value;
    }
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'setting.create',
      entity: 'setting',
      entityId: SECRET_KEY,
      unitId: null,
      after: { generated: true },
    });
    return created.value;
  });
}

export interface PortalOptions {
  /** Leading zero bits the proof of work needs (18 ≈ 1 s in a browser; see README). */
  powBits: number;
  /** How long a challenge stays valid. */
  challengeTtlMs: number;
  /** Messages one address may send per hour. */
  messagesPerHour: number;
}

export const DEFAULT_PORTAL_OPTIONS: PortalOptions = {
  powBits: 18,
  challengeTtlMs: 10 * 60_000,
  messagesPerHour: 5,
};

export async function newChallenge(db: Db, options: PortalOptions): Promise<IssuedChallenge> {
  return issueChallenge(await portalSecret(db), options.powBits, options.challengeTtlMs);
}

/** An HMAC of the sender's address: enough to count and compare, useless to find the person. */
export async function senderHash(db: Db, address: string): Promise<string> {
  return createHmac('sha256', await portalSecret(db))
    .update(`addr:${address}`)
    .digest('hex');
}

/** Refuses when this address has sent its quota within the last hour. */
export async function assertSenderQuota(tx: Tx, hash: string, perHour: number): Promise<void> {
  const sent = await one<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM public_messages
        WHERE sender_hash = ${hash} AND created_at > now() - interval '1 hour'`,
  );
  if (sent!.n >= perHour)
    throw new DomainError(
      'RATE_LIMITED',
      `提交过于频繁：每个网络地址每小时最多提交 ${perHour} 条，请稍后再试`,
    );
}

declare const claimed: unique symbol;
/** A challenge that was solved and is now spent: the only way to get one is claimChallenge. */
export type ClaimedChallenge = Challenge & { readonly [claimed]: true };

/**
 * Verifies a solved challenge and spends it at once, in its own transaction, before the server
 * accepts any uploaded byte: replaying one solution cannot push files to the disk twice. If the
 * message is then refused (too short, over quota), the sender solves a new challenge.
 */
export async function claimChallenge(
  db: Db,
  token: string,
  nonce: string,
  options: PortalOptions,
): Promise<ClaimedChallenge> {
  const challenge = verifyChallenge(await portalSecret(db), token, nonce, options.powBits);
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`DELETE FROM public_challenges_used WHERE expires_at < now()`);
    const spent = await one(
      tx,
      sql`INSERT INTO public_challenges_used (challenge_id, expires_at)
          VALUES (${challenge.id}, ${new Date(challenge.expires).toISOString()})
          ON CONFLICT (challenge_id) DO NOTHING RETURNING id`,
    );
    if (!spent) throw new DomainError('VALIDATION', '验证已使用过，请重新提交', { field: 'challenge' });
  });
  return challenge as ClaimedChallenge;
}

// 31 letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newTrackingCode(): string {
  const chars = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export function trackingCodeHash(code: string): string {
  return createHash('sha256')
    .update(code.toUpperCase().replace(/[^A-Z0-9]/g, ''))
    .digest('hex');
}

export interface SubmitInput {
  /** The solved proof of work, already spent (claimChallenge). */
  proof: ClaimedChallenge;
  /** A published 通报 the message refers to (its public id), if any. */
  publicationId?: number | null;
  category: PublicMessageCategory;
  body: string;
  contact?: string | null;
  files: (StoredFile & { fileName: string })[];
  senderHash: string;
}

/** Stores a message from the public form; returns the tracking code (shown once, stored only hashed). */
export async function submitPublicMessage(
  db: Db,
  input: SubmitInput,
  options: PortalOptions,
): Promise<{ trackingCode: string }> {
  const body = input.body.trim();
  if (body.length < PUBLIC_LIMITS.bodyMin || body.length > PUBLIC_LIMITS.bodyMax)
    throw invalid(`反映内容需 ${PUBLIC_LIMITS.bodyMin}–${PUBLIC_LIMITS.bodyMax} 个字`);
  const contact = input.contact?.trim() || null;
  if (contact && contact.length > PUBLIC_LIMITS.contactMax)
    throw invalid(`联系方式不超过 ${PUBLIC_LIMITS.contactMax} 个字`);
  if (!PUBLIC_MESSAGE_CATEGORIES.includes(input.category)) throw invalid('请选择反映类别');
  if (input.files.length > PUBLIC_LIMITS.files) throw invalid(`最多上传 ${PUBLIC_LIMITS.files} 个附件`);
  const trackingCode = newTrackingCode();
  await inTransaction(db, async (tx) => {
    // One sender at a time, so two parallel posts cannot both slip under the quota.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${input.senderHash}))`);
    await assertSenderQuota(tx, input.senderHash, options.messagesPerHour);
    let inspectionId: number | null = null;
    let ownerUnitId: number;
    if (input.publicationId) {
      const publication = await one<{ inspectionId: number; ownerUnitId: number }>(
        tx,
        sql`SELECT p.inspection_id::int AS "inspectionId", i.owner_unit_id::int AS "ownerUnitId"
            FROM publications p JOIN inspections i ON i.id = p.inspection_id
            WHERE p.id = ${input.publicationId} AND p.withdrawn_at IS NULL`,
      );
      if (!publication) throw new DomainError('NOT_FOUND', '所选通报不存在或已撤回');
      inspectionId = publication.inspectionId;
      ownerUnitId = publication.ownerUnitId;
    } else {
      // Without an inspection the message goes to the office of the top unit.
      const top = await one<{ id: number }>(
        tx,
        sql`SELECT id::int AS id FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1`,
      );
      if (!top) throw new DomainError('CONFLICT', '系统尚未初始化');
      ownerUnitId = top.id;
    }
    const [message] = await tx
      .insert(schema.publicMessages)
      .values({
        codeHash: trackingCodeHash(trackingCode),
        inspectionId,
        channel: 'web',
        category: input.category,
        body,
        contact,
        ownerUnitId,
        senderHash: input.senderHash,
      })
      .returning({ id: schema.publicMessages.id });
    for (const file of input.files) {
      await tx
        .insert(schema.evidenceFiles)
        .values({ sha256: file.sha256, size: file.size, mime: file.mime })
        .onConflictDoNothing();
      await tx
        .insert(schema.publicMessageFiles)
        .values({ messageId: message!.id, sha256: file.sha256, fileName: file.fileName });
    }
    await appendAudit(tx, SYSTEM_ACTOR, {
      action: 'public_message.submit',
      entity: 'public_message',
      entityId: message!.id,
      unitId: ownerUnitId,
      after: {
        channel: 'web',
        category: input.category,
        inspectionId,
        files: input.files.length,
        contact: !!contact,
      },
    });
    await notify(tx, {
      userIds: await nearestHolders(tx, ownerUnitId, 'office'),
      kind: 'public_message',
      title: `收到群众反映（${PUBLIC_MESSAGE_CATEGORY_LABELS[input.category]}），请及时分办`,
      body: body.slice(0, 80),
      link: `/public-messages/${message!.id}`,
    });
  });
  return { trackingCode };
}

/** What the holder of a tracking code sees: his own text, the status and the answer. */
export async function lookupByTrackingCode(db: Db, code: string): Promise<PublicAnswerView> {
  const found = await one<{
    status: PublicMessageStatus;
    category: PublicMessageCategory;
    body: string;
    createdAt: string;
    dueDate: string | null;
    answer: string | null;
    answeredAt: string | null;
  }>(
    db,
    sql`SELECT status, category, body, created_at AS "createdAt", due_date::text AS "dueDate", answer,
               answered_at AS "answeredAt"
        FROM public_messages WHERE code_hash = ${trackingCodeHash(code)}`,
  );
  if (!found) throw new DomainError('NOT_FOUND', '查询码不存在，请核对后重新输入');
  // An answer the office sent back for more work is not shown until it is answered again.
  const answered = ['answered', 'closed', 'rejected'].includes(found.status);
  return {
    status: found.status,
    statusLabel: PUBLIC_MESSAGE_STATUS_LABELS[found.status],
    category: found.category,
    categoryLabel: PUBLIC_MESSAGE_CATEGORY_LABELS[found.category],
    body: found.body,
    submittedAt: new Date(found.createdAt).toISOString(),
    dueDate: found.status === 'assigned' ? found.dueDate : null,
    answer: answered ? found.answer : null,
    answeredAt: answered && found.answeredAt ? new Date(found.answeredAt).toISOString() : null,
  };
}

/** Every 通报 that is published and not withdrawn, newest first. */
export async function listPublishedPublications(db: Db): Promise<PublicPublicationSummary[]> {
  const found = await rows<PublicPublicationSummary>(
    db,
    sql`SELECT p.id::int AS id, p.title, i.name AS "inspectionName", u.name AS "inspectedUnit", p.published_at AS "publishedAt"
        FROM publications p JOIN inspections i ON i.id = p.inspection_id JOIN units u ON u.id = i.inspected_unit_id
        WHERE p.withdrawn_at IS NULL ORDER BY p.published_at DESC, p.id DESC LIMIT 500`,
  );
  return found.map((p) => ({ ...p, publishedAt: new Date(p.publishedAt).toISOString() }));
}

export async function getPublishedPublication(db: Db, id: number): Promise<PublicPublicationText> {
  const found = await one<PublicPublicationText>(
    db,
    sql`SELECT p.id::int AS id, p.title, p.body, i.name AS "inspectionName", u.name AS "inspectedUnit",
               p.published_at AS "publishedAt", p.updated_at AS "updatedAt"
        FROM publications p JOIN inspections i ON i.id = p.inspection_id JOIN units u ON u.id = i.inspected_unit_id
        WHERE p.id = ${id} AND p.withdrawn_at IS NULL`,
  );
  if (!found) throw new DomainError('NOT_FOUND', '通报不存在或已撤回');
  return {
    ...found,
    publishedAt: new Date(found.publishedAt).toISOString(),
    updatedAt: new Date(found.updatedAt).toISOString(),
  };
}
