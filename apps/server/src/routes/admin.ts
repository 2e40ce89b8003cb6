import {
  createUnit,
  createUser,
  listUnits,
  listUsers,
  renameUnit,
  setGrants,
  updateUser,
} from '@zhenggai/app';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { grantsBody, unitBody, unitRenameBody, userBody, userPatchBody } from './admin.schema.ts';
import { idParam } from './common.schema.ts';

// Units (a tree) and users with role grants. Each use-case checks that the caller administers
// the unit concerned.

export function adminRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  app.get('/api/units', { schema: { tags: ['units'], summary: '可见的单位(树，按路径排序)' } }, (request) =>
    listUnits(db, requireActor(request)),
  );
  app.post(
    '/api/units',
    { schema: { tags: ['units'], summary: '新建单位', body: unitBody } },
    async (request, reply) =>
      reply.status(201).send(await createUnit(db, requireActor(request), request.body)),
  );
  app.patch(
    '/api/units/:id',
    { schema: { tags: ['units'], summary: '重命名单位', params: idParam, body: unitRenameBody } },
    (request) => renameUnit(db, requireActor(request), request.params.id, request.body.name),
  );
  app.get('/api/users', { schema: { tags: ['users'], summary: '用户列表(管理员)' } }, (request) =>
    listUsers(db, requireActor(request)),
  );
  app.post(
    '/api/users',
    { schema: { tags: ['users'], summary: '新建用户', body: userBody } },
    async (request, reply) =>
      reply.status(201).send(await createUser(db, requireActor(request), request.body)),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户(姓名、密码、停用)',
        params: idParam,
        body: userPatchBody,
      },
    },
    (request) => updateUser(db, requireActor(request), request.params.id, request.body),
  );
  app.put(
    '/api/users/:id/grants',
    { schema: { tags: ['users'], summary: '设置角色授权', params: idParam, body: grantsBody } },
    (request) => setGrants(db, requireActor(request), request.params.id, request.body.grants),
  );
}
