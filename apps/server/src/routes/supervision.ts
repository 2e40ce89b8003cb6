import {
  answerNotice,
  catchUpScheduler,
  closeNotice,
  getNotice,
  hasRoleAnywhere,
  issueNotice,
  lastSchedulerDay,
  listInbox,
  listNotices,
  markRead,
  noticeStats,
  today,
  unreadCount,
} from '@zhenggai/app';
import { forbidden } from '@zhenggai/core';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { idParam } from './common.schema.ts';
import {
  answerBody,
  closeBody,
  inboxQuery,
  markReadBody,
  noticeBody,
  noticeQuery,
  noticeStatsQuery,
} from './supervision.schema.ts';

// 督办: the signed-in user's inbox, supervision notices (督办单) and the scheduler's state.

export function supervisionRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['supervision'];

  app.get('/api/inbox', { schema: { tags, summary: '我的消息', querystring: inboxQuery } }, (request) =>
    listInbox(db, requireActor(request).userId, {
      unreadOnly: request.query.unread,
      limit: request.query.limit,
      beforeId: request.query.before,
    }),
  );
  app.get('/api/inbox/unread-count', { schema: { tags, summary: '未读消息数' } }, async (request) => ({
    unread: await unreadCount(db, requireActor(request).userId),
  }));
  app.post(
    '/api/inbox/read',
    { schema: { tags, summary: '标为已读(不传 ids 则全部)', body: markReadBody } },
    async (request) => ({ changed: await markRead(db, requireActor(request), request.body.ids) }),
  );

  app.get(
    '/api/notices',
    { schema: { tags, summary: '督办单列表', querystring: noticeQuery } },
    async (request) => ({
      items: await listNotices(db, requireActor(request), request.query),
    }),
  );
  app.get(
    '/api/notices/stats',
    { schema: { tags, summary: '督办统计', querystring: noticeStatsQuery } },
    (request) => noticeStats(db, requireActor(request), request.query.inspectionId),
  );
  app.get('/api/notices/:id', { schema: { tags, summary: '督办单', params: idParam } }, (request) =>
    getNotice(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/notices',
    { schema: { tags, summary: '发出督办单(巡察办)', body: noticeBody } },
    async (request, reply) =>
      reply.status(201).send(await issueNotice(db, requireActor(request), request.body)),
  );
  app.post(
    '/api/notices/:id/answer',
    { schema: { tags, summary: '答复督办单(被督办单位)', params: idParam, body: answerBody } },
    (request) => answerNotice(db, requireActor(request), request.params.id, request.body.response),
  );
  app.post(
    '/api/notices/:id/close',
    { schema: { tags, summary: '办结督办单(巡察办)', params: idParam, body: closeBody } },
    (request) => closeNotice(db, requireActor(request), request.params.id, request.body.note ?? null),
  );

  app.get('/api/scheduler', { schema: { tags, summary: '督办调度器状态' } }, async (request) => {
    if (!hasRoleAnywhere(requireActor(request), 'supervise')) throw forbidden();
    return { lastDay: await lastSchedulerDay(db), today: today(), mail: ctx.mailer?.describe() ?? null };
  });
  app.post(
    '/api/scheduler/run',
    { schema: { tags, summary: '立即补跑督办调度(至今天)' } },
    async (request) => {
      if (!hasRoleAnywhere(requireActor(request), 'supervise')) throw forbidden();
      const days = await catchUpScheduler(db, today());
      return { days };
    },
  );
}
