import {
  decideExtension,
  listExtensionQueue,
  listMeasureExtensions,
  requestExtension,
  withdrawExtension,
} from '@zhenggai/app';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { idParam } from './common.schema.ts';
import { decisionBody, extensionBody, extensionQueueQuery } from './extensions.schema.ts';

// 延期申请: the responsible unit asks for a later deadline; the office decides.

export function extensionRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['extensions'];
  app.post(
    '/api/measures/:id/extension-requests',
    { schema: { tags, summary: '申请延期(责任单位)', params: idParam, body: extensionBody } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestExtension(db, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/measures/:id/extension-requests',
    { schema: { tags, summary: '措施的延期申请记录', params: idParam } },
    (request) => listMeasureExtensions(db, requireActor(request), request.params.id),
  );
  app.get(
    '/api/extension-requests',
    { schema: { tags, summary: '延期申请队列(默认待审批)，按权限范围', querystring: extensionQueueQuery } },
    (request) => listExtensionQueue(db, requireActor(request), request.query),
  );
  app.post(
    '/api/extension-requests/:id/decide',
    {
      schema: {
        tags,
        summary: '审批延期：同意(时限改为申请日期)或不同意(须写意见)',
        params: idParam,
        body: decisionBody,
      },
    },
    (request) => decideExtension(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/extension-requests/:id/withdraw',
    { schema: { tags, summary: '撤回自己的待审批延期申请', params: idParam } },
    (request) => withdrawExtension(db, requireActor(request), request.params.id),
  );
}
