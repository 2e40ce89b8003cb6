import type { MultipartFile } from '@fastify/multipart';
import { getSetting, importDocument, reportDocx, sanitizeFileName, setSetting } from '@zhenggai/app';
import { DomainError, invalid } from '@zhenggai/core';
import { parseBuffer, parseText, ParseError } from '@zhenggai/parser';
import { compileTemplate, defaultTemplate, ReportError } from '@zhenggai/reports';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import {
  contactBody,
  importDocBody,
  parseTextBody,
  reportParams,
  reportQuery,
  templateBody,
  templateParams,
} from './documents.schema.ts';

// Documents in (feedback → ledger) and out (通报, progress report), and the settings they use.

const asDomain = (error: unknown) =>
  error instanceof ParseError || error instanceof ReportError
    ? new DomainError('VALIDATION', error.message)
    : error;

export function documentRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['documents'];

  app.post(
    '/api/documents/parse',
    {
      schema: {
        tags,
        summary: '解析文档：上传 .docx/.txt(multipart) 或 JSON {text}，返回问题清单供预览更正',
      },
    },
    async (request) => {
      requireActor(request);
      try {
        if (request.isMultipart()) {
          const file = (await request.file({ limits: { fileSize: ctx.maxImportBytes } })) as
            MultipartFile | undefined;
          if (!file) throw invalid('没有收到文件');
          const buffer = await file.toBuffer();
          return { fileName: sanitizeFileName(file.filename), document: await parseBuffer(buffer) };
        }
        const body = parseTextBody.parse(request.body);
        return { fileName: null, document: parseText(body.text) };
      } catch (error) {
        throw asDomain(error);
      }
    },
  );

  app.post(
    '/api/ledger/import-doc',
    { schema: { tags, summary: '按(更正后的)解析结果建立巡察、类别、问题和措施', body: importDocBody } },
    (request) =>
      importDocument(db, requireActor(request), request.body.document, {
        inspectionId: request.body.inspectionId,
        unitId: request.body.unitId,
        dryRun: request.body.dryRun,
        source: { fileName: request.body.fileName ?? '网页导入' },
      }),
  );

  app.get(
    '/api/inspections/:id/report/:kind',
    {
      schema: {
        tags,
        summary: '生成 .docx：tongbao 整改情况通报 / progress 整改进展情况报告(GB/T 9704 版式)',
        params: reportParams,
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const { phone, email, date } = request.query;
      const report = await reportDocx(db, requireActor(request), request.params.id, request.params.kind, {
        ...(date ? { reportDate: date } : {}),
        contact: { ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
      }).catch((error: unknown) => {
        throw asDomain(error);
      });
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(report.fileName)}`);
      return reply.send(report.buffer);
    },
  );

  app.get(
    '/api/settings/contact',
    { schema: { tags: ['settings'], summary: '公开监督联系方式' } },
    async (request) => {
      requireActor(request);
      return (await getSetting(db, 'contact')) ?? { phone: null, email: null, address: null };
    },
  );
  app.put(
    '/api/settings/contact',
    { schema: { tags: ['settings'], summary: '设置公开监督联系方式', body: contactBody } },
    async (request) => {
      await setSetting(db, requireActor(request), 'contact', request.body);
      return request.body;
    },
  );
  app.get(
    '/api/settings/templates/:kind',
    { schema: { tags: ['settings'], summary: '报告模板(未自定义时为内置模板)', params: templateParams } },
    async (request) => {
      requireActor(request);
      const saved = await getSetting<string>(db, `template.${request.params.kind}`);
      return { template: saved ?? (await defaultTemplate(request.params.kind)), custom: saved !== null };
    },
  );
  app.put(
    '/api/settings/templates/:kind',
    {
      schema: {
        tags: ['settings'],
        summary: '保存自定义报告模板(先校验占位符)',
        params: templateParams,
        body: templateBody,
      },
    },
    async (request) => {
      try {
        compileTemplate(request.body.template);
      } catch (error) {
        throw asDomain(error);
      }
      await setSetting(db, requireActor(request), `template.${request.params.kind}`, request.body.template);
      return { ok: true };
    },
  );
}
