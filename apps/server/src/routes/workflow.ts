import {
  addProgress,
  evidenceForDownload,
  fireMeasureEvent,
  getMeasure,
  measureTimeline,
  type ProgressInput,
} from '@zhenggai/app';
import { DomainError } from '@zhenggai/core';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { readEvidenceForm, sendEvidence } from '../uploads.ts';
import { idParam } from './common.schema.ts';
import { attachmentParams, eventBody, eventParams, hardNumbers } from './workflow.schema.ts';

// A measure's page: its facts, the workflow events, progress with evidence files.

export function workflowRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['workflow'];

  app.get(
    '/api/measures/:id',
    { schema: { tags, summary: '措施详情与当前可执行的操作', params: idParam } },
    (request) => getMeasure(db, requireActor(request), request.params.id),
  );
  app.get(
    '/api/measures/:id/timeline',
    { schema: { tags, summary: '进展与审计时间线', params: idParam } },
    (request) => measureTimeline(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/measures/:id/events/:event',
    {
      schema: {
        tags,
        summary: '流转：启动/申请销号/审核通过/退回/重新打开',
        params: eventParams,
        body: eventBody,
      },
    },
    (request) =>
      fireMeasureEvent(
        db,
        requireActor(request),
        request.params.id,
        request.params.event,
        request.body?.reason ?? null,
      ),
  );

  app.post(
    '/api/measures/:id/progress',
    {
      schema: {
        tags,
        summary: '报送进展：multipart 字段 text、numbers(JSON)，文件 files(可多个)',
        params: idParam,
        consumes: ['multipart/form-data', 'application/json'],
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // Check scope before accepting any bytes: out-of-scope callers must not fill the disk.
      await getMeasure(db, actor, request.params.id);
      const input: ProgressInput = { text: '', numbers: [], evidence: [] };
      if (!request.isMultipart()) {
        const body = (request.body ?? {}) as { text?: unknown; numbers?: unknown };
        input.text = typeof body.text === 'string' ? body.text : '';
        input.numbers = parseNumbers(body.numbers ?? []);
      } else {
        const form = await readEvidenceForm(request, ctx.evidence);
        input.evidence = form.evidence;
        input.text = form.fields.text ?? '';
        input.numbers = parseNumbers(JSON.parse(form.fields.numbers || '[]'));
      }
      return reply.status(201).send(await addProgress(db, actor, request.params.id, input));
    },
  );

  app.get(
    '/api/evidence/:id',
    { schema: { tags, summary: '下载佐证材料', params: attachmentParams } },
    async (request, reply) => {
      const file = await evidenceForDownload(db, requireActor(request), request.params.id);
      return sendEvidence(reply, ctx.evidence, file);
    },
  );
}

function parseNumbers(value: unknown) {
  const parsed = hardNumbers.safeParse(value);
  if (!parsed.success)
    throw new DomainError('VALIDATION', '硬指标格式不正确：每项需要名称(label)和数值(value)');
  return parsed.data;
}
