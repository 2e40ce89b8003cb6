import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { MultipartFile } from '@fastify/multipart';
import {
  exportLedgerDraft,
  importLedger,
  ledgerStats,
  listLedger,
  queryAudit,
  sanitizeFileName,
} from '@zhenggai/app';
import { invalid } from '@zhenggai/core';
import { readLedger, writeLedger } from '@zhenggai/xlsx';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { saveUpload } from '../uploads.ts';
import { idParam } from './common.schema.ts';
import { auditQuery, importFields, ledgerQuery, statsQuery } from './ledger.schema.ts';

// The ledger as a table (list, Excel in and out), its statistics, and the audit log.

export function ledgerRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['ledger'];

  app.get(
    '/api/ledger',
    { schema: { tags, summary: '台账(措施)列表，可筛选', querystring: ledgerQuery } },
    (request) => listLedger(db, requireActor(request), request.query),
  );

  app.get(
    '/api/inspections/:id/ledger.xlsx',
    {
      schema: {
        tags,
        summary: '导出整改台账 Excel(与列表相同的筛选条件)',
        params: idParam,
        querystring: ledgerQuery,
      },
    },
    async (request, reply) => {
      const draft = await exportLedgerDraft(db, requireActor(request), {
        ...request.query,
        inspectionId: request.params.id,
      });
      const body = new PassThrough();
      writeLedger(draft, { stream: body }, { title: draft.title ?? undefined }).catch((error: Error) =>
        body.destroy(error),
      );
      const name = `${draft.title ?? '整改台账'}.xlsx`;
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      return reply.send(body);
    },
  );

  app.post(
    '/api/ledger/import',
    {
      schema: {
        tags,
        summary: '导入整改台账(xlsx/csv)：全部成功或全部不写入；dryRun=true 只预览',
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) throw invalid('请以 multipart/form-data 上传台账文件');
      const fields: Record<string, string> = {};
      let upload: { path: string; fileName: string; sha256: string } | null = null;
      try {
        for await (const part of request.parts({ limits: { fileSize: ctx.maxImportBytes, files: 1 } })) {
          if (part.type === 'file') {
            const file = part as MultipartFile;
            const path = join(tmpdir(), `zhenggai-import-${randomBytes(8).toString('hex')}`);
            const { sha256 } = await saveUpload(file, path, ctx.maxImportBytes);
            upload = { path, fileName: sanitizeFileName(file.filename), sha256 };
          } else {
            fields[part.fieldname] = String(part.value);
          }
        }
        if (!upload) throw invalid('没有收到台账文件');
        const options = importFields.parse(fields);
        const read = await readLedger({ path: upload.path }, options.year ? { year: options.year } : {});
        const summary = await importLedger(db, actor, read.ledger, read.issues, {
          inspectionId: options.inspectionId,
          newInspection: {
            name: options.name,
            kind: options.kind,
            ownerUnitId: options.ownerUnitId,
            inspectedUnitId: options.inspectedUnitId,
          },
          createUnits: options.createUnits,
          dryRun: options.dryRun,
          source: { fileName: upload.fileName, sha256: upload.sha256 },
        });
        return {
          ...summary,
          warnings: [...read.warnings, ...summary.warnings],
          preview: options.dryRun ? read.ledger : undefined,
        };
      } finally {
        if (upload) rmSync(upload.path, { force: true });
      }
    },
  );

  app.get(
    '/api/stats',
    {
      schema: {
        tags: ['stats'],
        summary: '统计：总数、按单位/类别/领导、逾期与临期、每周销号',
        querystring: statsQuery,
      },
    },
    (request) => ledgerStats(db, requireActor(request), request.query.inspectionId),
  );

  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: '审计日志查询(按权限范围)', querystring: auditQuery } },
    (request) => queryAudit(db, requireActor(request), request.query),
  );
}
