import type { MultipartFile } from '@fastify/multipart';
import {
  assertSenderQuota,
  claimChallenge,
  DEFAULT_PORTAL_OPTIONS,
  EvidenceStore,
  getPublishedPublication,
  listPublishedPublications,
  lookupByTrackingCode,
  newChallenge,
  sanitizeFileName,
  senderHash,
  submitPublicMessage,
  type ClaimedChallenge,
  type StoredFile,
} from '@zhenggai/app';
import { invalid, PUBLIC_LIMITS } from '@zhenggai/core';
import type { App, PublicPortalOptions, ServerContext } from '../context.ts';
import { WindowLimiter } from '../rate-limit.ts';
import { idParam } from './common.schema.ts';
import { messageFields, trackingParam } from './public.schema.ts';

// The public portal: no session, nothing internal. Abuse is held off here without outside
// services: a proof-of-work per message, per-address limits, and small size limits.

const HOUR = 3_600_000;

function envNumber(name: string): number | undefined {
  const value = process.env[name];
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

export function portalOptions(ctx: ServerContext): PublicPortalOptions {
  const fromEnv: Partial<PublicPortalOptions> = {};
  const bits = envNumber('ZHENGGAI_PUBLIC_POW_BITS');
  if (bits !== undefined) fromEnv.powBits = Math.min(Math.max(bits, 1), 28);
  const messages = envNumber('ZHENGGAI_PUBLIC_MESSAGES_PER_HOUR');
  if (messages) fromEnv.messagesPerHour = messages;
  const lookups = envNumber('ZHENGGAI_PUBLIC_LOOKUPS_PER_HOUR');
  if (lookups) fromEnv.lookupsPerHour = lookups;
  return {
    ...DEFAULT_PORTAL_OPTIONS,
    lookupsPerHour: 60,
    challengesPerHour: 60,
    ...fromEnv,
    ...ctx.publicPortal,
  };
}

/** The form's text fields, or the first problem in Chinese. */
function readFields(fields: Record<string, string>) {
  const parsed = messageFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    throw invalid(
      field === 'challenge' || field === 'nonce' ? '缺少计算验证，请刷新页面重试' : issue.message,
      { field },
    );
  }
  return parsed.data;
}

export function publicRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['public'];
  const options = portalOptions(ctx);
  const lookups = new WindowLimiter(
    options.lookupsPerHour,
    HOUR,
    `查询过于频繁：每个网络地址每小时最多查询 ${options.lookupsPerHour} 次，请稍后再试`,
  );
  const challenges = new WindowLimiter(options.challengesPerHour, HOUR, '请求过于频繁，请稍后再试');
  // Public attachments share the evidence folder but have their own, smaller size limit.
  const store = new EvidenceStore(ctx.evidence.dir, PUBLIC_LIMITS.fileBytes);

  app.get('/api/public/publications', { schema: { tags, summary: '已公开的整改情况通报(无需登录)' } }, () =>
    listPublishedPublications(db),
  );
  app.get(
    '/api/public/publications/:id',
    { schema: { tags, summary: '一篇已公开的通报全文(无需登录)', params: idParam } },
    (request) => getPublishedPublication(db, request.params.id),
  );
  app.get(
    '/api/public/challenge',
    { schema: { tags, summary: '提交反映前的计算验证：找 nonce 使 SHA-256(salt + nonce) 前 bits 位为 0' } },
    async (request, reply) => {
      challenges.take(request.ip);
      const c = await newChallenge(db, options);
      reply.header('cache-control', 'no-store');
      return { token: c.token, salt: c.salt, bits: c.bits, expiresAt: new Date(c.expires).toISOString() };
    },
  );
  app.post(
    '/api/public/messages',
    {
      schema: {
        tags,
        summary: `提交反映(multipart)：先发字段 challenge、nonce、category、body、contact、publicationId，再发附件 files(至多 ${PUBLIC_LIMITS.files} 个，每个不超过 5 MB)`,
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw invalid('请以 multipart/form-data 提交');
      const sender = await senderHash(db, request.ip);
      // Read-only pre-check so a sender over his quota cannot even upload.
      await assertSenderQuota(db, sender, options.messagesPerHour);
      const fields: Record<string, string> = {};
      const files: (StoredFile & { fileName: string })[] = [];
      let proof: ClaimedChallenge | null = null;
      for await (const part of request.parts({
        limits: {
          fileSize: PUBLIC_LIMITS.fileBytes,
          files: PUBLIC_LIMITS.files + 1,
          fields: 10,
          fieldSize: 32 * 1024,
        },
      })) {
        if (part.type === 'file') {
          const file = part as MultipartFile;
          if (files.length >= PUBLIC_LIMITS.files) {
            file.file.resume();
            throw invalid(`最多上传 ${PUBLIC_LIMITS.files} 个附件`);
          }
          if (!proof) {
            // No bytes are stored before the text and the 通报 are valid and the proof of work is
            // shown and spent: a replayed or forged proof cannot put anything on the disk.
            const parsed = readFields(fields);
            if (parsed.publicationId) await getPublishedPublication(db, parsed.publicationId);
            proof = await claimChallenge(db, parsed.challenge, parsed.nonce, options);
          }
          files.push({ ...(await store.put(file.file)), fileName: sanitizeFileName(file.filename) });
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      const parsed = readFields(fields);
      proof ??= await claimChallenge(db, parsed.challenge, parsed.nonce, options);
      const result = await submitPublicMessage(
        db,
        {
          proof,
          publicationId: parsed.publicationId ?? null,
          category: parsed.category,
          body: parsed.body,
          contact: parsed.contact ?? null,
          files,
          senderHash: sender,
        },
        options,
      );
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(result);
    },
  );
  app.get(
    '/api/public/messages/:trackingCode',
    { schema: { tags, summary: '凭查询码查看办理状态和答复(无需登录)', params: trackingParam } },
    async (request, reply) => {
      lookups.take(request.ip);
      reply.header('cache-control', 'no-store');
      return lookupByTrackingCode(db, request.params.trackingCode);
    },
  );
}
