import {
  compareSnapshots,
  exportDispatchComparison,
  getSnapshot,
  listSnapshots,
  takeSnapshot,
} from '@zhenggai/app';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { idParam } from './common.schema.ts';
import { compareQuery, snapshotBody } from './dispatch.schema.ts';

// 调度: snapshots of an inspection's ledger on dispatch dates, and what changed between two.

export function dispatchRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['dispatch'];
  app.post(
    '/api/inspections/:id/dispatch-snapshots',
    {
      schema: {
        tags,
        summary: '调度：记录巡察台账在调度日期的快照(巡察办)',
        params: idParam,
        body: snapshotBody,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await takeSnapshot(db, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/inspections/:id/dispatch-snapshots',
    { schema: { tags, summary: '巡察的历次调度', params: idParam } },
    (request) => listSnapshots(db, requireActor(request), request.params.id),
  );
  app.get(
    '/api/dispatch-snapshots/:id',
    { schema: { tags, summary: '一次调度的快照(联络员只看到本单位的措施)', params: idParam } },
    (request) => getSnapshot(db, requireActor(request), request.params.id),
  );
  app.get(
    '/api/dispatch-compare',
    {
      schema: {
        tags,
        summary: '比较两次调度：状态变化、停滞措施(按单位)、硬指标变化；format=xlsx|docx 下载',
        querystring: compareQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { from, to, format } = request.query;
      if (format === 'json') return compareSnapshots(db, actor, from, to);
      const file = await exportDispatchComparison(db, actor, from, to, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.body);
    },
  );
}
