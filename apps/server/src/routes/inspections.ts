import {
  createCategory,
  createInspection,
  createMeasure,
  createProblem,
  deleteInspection,
  deleteMeasure,
  deleteProblem,
  getInspection,
  inspectionOutline,
  listInspections,
  updateCategory,
  updateInspection,
  updateMeasure,
  updateProblem,
} from '@zhenggai/app';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { idParam } from './common.schema.ts';
import { categoryBody, inspectionBody, measureBody, problemBody } from './inspections.schema.ts';

// Inspections → categories → problems → measures: the structure of a ledger.

export function inspectionRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const t = (tag: string) => [tag];

  app.get('/api/inspections', { schema: { tags: t('inspections'), summary: '巡察列表' } }, (request) =>
    listInspections(db, requireActor(request)),
  );
  app.post(
    '/api/inspections',
    { schema: { tags: t('inspections'), summary: '登记巡察', body: inspectionBody } },
    async (request, reply) =>
      reply.status(201).send(await createInspection(db, requireActor(request), request.body)),
  );
  app.get(
    '/api/inspections/:id',
    { schema: { tags: t('inspections'), summary: '巡察详情', params: idParam } },
    (request) => getInspection(db, requireActor(request), request.params.id),
  );
  app.put(
    '/api/inspections/:id',
    { schema: { tags: t('inspections'), summary: '修改巡察', params: idParam, body: inspectionBody } },
    (request) => updateInspection(db, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    '/api/inspections/:id',
    { schema: { tags: t('inspections'), summary: '删除巡察(连同问题和措施)', params: idParam } },
    async (request) => {
      await deleteInspection(db, requireActor(request), request.params.id);
      return { ok: true };
    },
  );
  app.get(
    '/api/inspections/:id/outline',
    { schema: { tags: t('inspections'), summary: '按类别分组的问题及完成情况', params: idParam } },
    (request) => inspectionOutline(db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/inspections/:id/categories',
    { schema: { tags: t('problems'), summary: '新增问题类别', params: idParam, body: categoryBody } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createCategory(db, requireActor(request), request.params.id, request.body)),
  );
  app.put(
    '/api/categories/:id',
    { schema: { tags: t('problems'), summary: '修改问题类别', params: idParam, body: categoryBody } },
    (request) => updateCategory(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/inspections/:id/problems',
    { schema: { tags: t('problems'), summary: '新增问题', params: idParam, body: problemBody } },
    async (request, reply) =>
      reply.status(201).send(await createProblem(db, requireActor(request), request.params.id, request.body)),
  );
  app.put(
    '/api/problems/:id',
    { schema: { tags: t('problems'), summary: '修改问题', params: idParam, body: problemBody } },
    (request) => updateProblem(db, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    '/api/problems/:id',
    { schema: { tags: t('problems'), summary: '删除问题', params: idParam } },
    async (request) => {
      await deleteProblem(db, requireActor(request), request.params.id);
      return { ok: true };
    },
  );
  app.post(
    '/api/problems/:id/measures',
    { schema: { tags: t('measures'), summary: '新增整改措施', params: idParam, body: measureBody } },
    async (request, reply) =>
      reply.status(201).send(await createMeasure(db, requireActor(request), request.params.id, request.body)),
  );
  app.put(
    '/api/measures/:id',
    { schema: { tags: t('measures'), summary: '修改整改措施', params: idParam, body: measureBody } },
    (request) => updateMeasure(db, requireActor(request), request.params.id, request.body),
  );
  app.delete(
    '/api/measures/:id',
    { schema: { tags: t('measures'), summary: '删除整改措施', params: idParam } },
    async (request) => {
      await deleteMeasure(db, requireActor(request), request.params.id);
      return { ok: true };
    },
  );
}
