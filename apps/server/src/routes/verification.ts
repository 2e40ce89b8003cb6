import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import {
  assertCanRecordRun,
  assertMayVerifyHit,
  hasRoleAnywhere,
  hitEvidenceForDownload,
  listHits,
  listRuns,
  problemAccess,
  problemHitCounts,
  promoteRule,
  recordCheckRun,
  sanitizeFileName,
  verifyHit,
} from '@zhenggai/app';
import { DomainError, forbidden, invalid } from '@zhenggai/core';
import {
  describeRules,
  loadPack,
  PACKS,
  RosterImportError,
  runCheck,
  summaryJson,
  type RosterInput,
} from '@zhenggai/checks';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { readEvidenceForm, saveUpload, sendEvidence } from '../uploads.ts';
import { idParam } from './common.schema.ts';
import {
  hitsQuery,
  parseUploadedRules,
  parseVerifyBody,
  promoteBody,
  ruleFileFields,
  rulesQuery,
  runFields,
} from './verification.schema.ts';

// 核实: cross-check hits as tasks for the units they belong to, and their way into the ledger.

export function verificationRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['verification'];
  app.get(
    '/api/check-hits',
    {
      schema: {
        tags,
        summary:
          '比对疑点(核实任务)分页：按权限范围；q 搜索姓名、户编号、村、单位或完整身份证号；身份证号按角色脱敏',
        querystring: hitsQuery,
      },
    },
    (request) => listHits(db, requireActor(request), request.query),
  );
  app.get(
    '/api/check-runs/:id/hits',
    {
      schema: {
        tags,
        summary: '一个比对批次的疑点分页(参数同 /api/check-hits)',
        params: idParam,
        querystring: hitsQuery.omit({ runId: true }),
      },
    },
    (request) => listHits(db, requireActor(request), { ...request.query, runId: request.params.id }),
  );
  app.post(
    '/api/check-hits/:id/verify',
    {
      schema: {
        tags,
        summary:
          '核实：属实 / 不属实(须写理由) / 已整改。JSON { outcome, note }，或 multipart 字段 outcome、note 加佐证文件(可多个)',
        params: idParam,
        consumes: ['application/json', 'multipart/form-data'],
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // Scope and role before any bytes are accepted: out-of-scope callers must not fill the disk.
      await assertMayVerifyHit(db, actor, request.params.id);
      const form = request.isMultipart()
        ? await readEvidenceForm(request, ctx.evidence)
        : { fields: request.body, evidence: [] };
      const body = parseVerifyBody(form.fields);
      return verifyHit(db, actor, request.params.id, body.outcome, body.note ?? null, form.evidence);
    },
  );
  app.get(
    '/api/check-hit-evidence/:id',
    { schema: { tags, summary: '下载核实佐证材料(按疑点的权限范围)', params: idParam } },
    async (request, reply) =>
      sendEvidence(
        reply,
        ctx.evidence,
        await hitEvidenceForDownload(db, requireActor(request), request.params.id),
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
      let rulesFile: { name: string; content: Buffer } | undefined;
      try {
        for await (const part of request.parts({ limits: { fileSize: ctx.maxImportBytes, files: 12 } })) {
          if (part.type === 'file' && part.fieldname === 'rules') {
            rulesFile = await readRuleFile(part as MultipartFile);
          } else if (part.type === 'file') {
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
        // A user's rule file is checked under its own name first, so errors point into it.
        const rulesFiles: string[] = [];
        if (rulesFile) {
          parseUploadedRules(rulesFile.name, rulesFile.content, options.pack);
          rulesFiles.push(join(upload, 'rules.yaml'));
          writeFileSync(rulesFiles[0]!, rulesFile.content);
        }
        const workDir = join(
          ctx.checksDir ?? join(tmpdir(), 'zhenggai-checks'),
          `run-${Date.now()}-${randomBytes(3).toString('hex')}`,
        );
        const result = await runCheck({
          pack: options.pack,
          rosters,
          rulesFiles,
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
    '/api/check-rules',
    {
      schema: {
        tags,
        summary: '规则包的规则(只读)：编号、类别、说明、所需名单，以及在所选引擎上编译出的 SQL 和参数',
        querystring: rulesQuery,
      },
    },
    (request) => {
      // Rules hold no unit's data: anyone who may read something may read them.
      if (!hasRoleAnywhere(requireActor(request), 'read')) throw forbidden();
      const { pack, engine } = request.query;
      const asOf = request.query.asOf ?? new Date().toISOString().slice(0, 10);
      return { pack, engine, asOf, rules: describeRules(loadPack(pack), { engine, asOf }) };
    },
  );
  app.post(
    '/api/check-rules/validate',
    {
      schema: {
        tags,
        summary:
          '检查自定义规则文件(YAML/JSON)：multipart 文件 rules，字段 pack(叠加的规则包，空为单独使用)、engine、asOf；有错时 400，details.problems 逐条给出行、列和原因',
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!hasRoleAnywhere(actor, 'manage_inspections')) throw forbidden();
      if (!request.isMultipart()) throw invalid('请以 multipart/form-data 上传规则文件');
      const fields: Record<string, string> = {};
      let rulesFile: { name: string; content: Buffer } | undefined;
      for await (const part of request.parts({ limits: { fileSize: RULE_FILE_MAX, files: 1 } })) {
        if (part.type === 'file') rulesFile = await readRuleFile(part as MultipartFile);
        else fields[part.fieldname] = String(part.value);
      }
      if (!rulesFile) throw invalid('请上传规则文件(字段 rules)');
      const parsed = ruleFileFields.safeParse(fields);
      if (!parsed.success)
        throw invalid('字段有误：pack 为 poverty 或留空，engine 为 duckdb 或 postgres，asOf 为 YYYY-MM-DD');
      const options = parsed.data;
      const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
      const set = parseUploadedRules(rulesFile.name, rulesFile.content, options.pack || undefined);
      return {
        pack: options.pack || null,
        engine: options.engine,
        asOf,
        rules: describeRules(set, { engine: options.engine, asOf }),
      };
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

const RULE_FILE_MAX = 1024 * 1024;

/** A rule file part, read whole (at most 1 MB: rule files are small). */
async function readRuleFile(file: MultipartFile) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > RULE_FILE_MAX) throw new DomainError('TOO_LARGE', '规则文件超过 1 MB 上限');
    chunks.push(chunk);
  }
  if (file.file.truncated) throw new DomainError('TOO_LARGE', '规则文件超过上限');
  return { name: sanitizeFileName(file.filename), content: Buffer.concat(chunks) };
}
