import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import {
  assertCanRecordRun,
  listHits,
  listRuns,
  problemAccess,
  problemHitCounts,
  promoteRule,
  recordCheckRun,
  verifyHit,
} from '@zhenggai/app';
import { DomainError, invalid } from '@zhenggai/core';
import { PACKS, RosterImportError, runCheck, summaryJson, type RosterInput } from '@zhenggai/checks';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { saveUpload } from '../uploads.ts';
import { idParam } from './common.schema.ts';
import { hitsQuery, promoteBody, runFields, verifyBody } from './verification.schema.ts';

// 核实: cross-check hits as tasks for the units they belong to, and their way into the ledger.

export function verificationRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['verification'];
  app.get(
    '/api/check-hits',
    {
      schema: { tags, summary: '比对疑点(核实任务)，按权限范围；身份证号按角色脱敏', querystring: hitsQuery },
    },
    (request) => listHits(db, requireActor(request), request.query),
  );
  app.post(
    '/api/check-hits/:id/verify',
    {
      schema: { tags, summary: '核实：属实 / 不属实(须写理由) / 已整改', params: idParam, body: verifyBody },
    },
    (request) =>
      verifyHit(
        db,
        requireActor(request),
        request.params.id,
        request.body.outcome,
        request.body.note ?? null,
      ),
  );
  app.post(
    '/api/check-runs/:id/promote',
    {
      schema: {
        tags,
        summary: '把一条规则核实属实的疑点转为台账问题(来源：数据比对)',
        params: idParam,
        body: promoteBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await promoteRule(db, requireActor(request), { runId: request.params.id, ...request.body })),
  );
  app.get(
    '/api/check-runs',
    { schema: { tags, summary: '比对批次(按权限范围)，含各规则疑点数和核实进度' } },
    (request) => listRuns(db, requireActor(request)),
  );

  app.post(
    '/api/check-runs',
    {
      schema: {
        tags,
        summary:
          '上传名单并运行规则包：字段 pack、asOf、ownerUnitId；每个文件的字段名即名单名(households、disability…)',
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) throw invalid('请以 multipart/form-data 上传名单文件');
      const upload = join(tmpdir(), `zhenggai-rosters-${randomBytes(8).toString('hex')}`);
      mkdirSync(upload, { recursive: true });
      const fields: Record<string, string> = {};
      const rosters: RosterInput[] = [];
      try {
        for await (const part of request.parts({ limits: { fileSize: ctx.maxImportBytes, files: 12 } })) {
          if (part.type === 'file') {
            const file = part as MultipartFile;
            if (!/^[a-z_]{2,40}$/.test(file.fieldname)) throw invalid(`名单名无效：${file.fieldname}`);
            const path = join(
              upload,
              `${file.fieldname}${/\.xlsx$/i.test(file.filename) ? '.xlsx' : '.csv'}`,
            );
            await saveUpload(file, path, ctx.maxImportBytes);
            rosters.push({ name: file.fieldname, file: path });
          } else {
            fields[part.fieldname] = String(part.value);
          }
        }
        const options = runFields.parse(fields);
        await assertCanRecordRun(db, actor, options.ownerUnitId);
        if (!(PACKS as readonly string[]).includes(options.pack))
          throw invalid(`未知的规则包：${options.pack}`);
        if (rosters.length === 0) throw invalid('请至少上传一个名单');
        const workDir = join(
          ctx.checksDir ?? join(tmpdir(), 'zhenggai-checks'),
          `run-${Date.now()}-${randomBytes(3).toString('hex')}`,
        );
        const result = await runCheck({
          pack: options.pack,
          rosters,
          asOf: options.asOf,
          dataDir: workDir,
          importedBy: actor.username,
        }).catch((error: unknown) => {
          throw error instanceof RosterImportError ? new DomainError('VALIDATION', error.message) : error;
        });
        const recorded = await recordCheckRun(db, actor, {
          ownerUnitId: options.ownerUnitId,
          pack: options.pack,
          result,
        });
        return { ...recorded, ...summaryJson(result) };
      } finally {
        rmSync(upload, { recursive: true, force: true });
      }
    },
  );

  app.get(
    '/api/problems/:id/check-hits',
    { schema: { tags, summary: '问题关联的疑点数：属实 n，已整改 m', params: idParam } },
    async (request) => {
      await problemAccess(db, requireActor(request), request.params.id);
      return problemHitCounts(db, request.params.id);
    },
  );
}
