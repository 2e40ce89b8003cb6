import { listHits, problemAccess, problemHitCounts, promoteRule, verifyHit } from '@zhenggai/app';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { idParam } from './common.schema.ts';
import { hitsQuery, promoteBody, verifyBody } from './verification.schema.ts';

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
    '/api/problems/:id/check-hits',
    { schema: { tags, summary: '问题关联的疑点数：属实 n，已整改 m', params: idParam } },
    async (request) => {
      await problemAccess(db, requireActor(request), request.params.id);
      return problemHitCounts(db, request.params.id);
    },
  );
}
