import { deleteAccountability, listAccountability, recordAccountability } from '@zhenggai/app';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { idParam } from './common.schema.ts';
import { accountabilityBody } from './accountability.schema.ts';

// 问责 records of an inspection: only the inspection office and discipline inspection.

export function accountabilityRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['accountability'];
  app.get(
    '/api/inspections/:id/accountability',
    { schema: { tags, summary: '问责记录(纪检监察、巡察办)', params: idParam } },
    (request) => listAccountability(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/inspections/:id/accountability',
    { schema: { tags, summary: '登记问责', params: idParam, body: accountabilityBody } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordAccountability(db, requireActor(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/accountability/:id',
    { schema: { tags, summary: '删除问责记录', params: idParam } },
    async (request) => {
      await deleteAccountability(db, requireActor(request), request.params.id);
      return { ok: true };
    },
  );
}
