import {
  answerPublicMessage,
  assignPublicMessage,
  closePublicMessage,
  getPublicMessage,
  linkPublicMessage,
  listPublications,
  listPublicMessages,
  publicationDraft,
  publicMessageFileForDownload,
  publish,
  registerPublicMessage,
  rejectPublicMessage,
  triagePublicMessage,
  updatePublication,
  withdrawPublication,
} from '@zhenggai/app';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { sendEvidence } from '../uploads.ts';
import { idParam } from './common.schema.ts';
import {
  answerBody,
  assignBody,
  closeBody,
  linkBody,
  messagesQuery,
  publicationBody,
  publicationsQuery,
  registerBody,
  rejectBody,
  triageBody,
  withdrawBody,
} from './public-messages.schema.ts';

// Inside the office: publishing 通报 on the portal, and handling messages from the public.
// Every use-case checks role and unit scope itself; out of scope reads as 404.

export function publicMessageRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['public-messages'];

  app.get(
    '/api/publications',
    { schema: { tags, summary: '已发布(含已撤回)的通报，按权限范围', querystring: publicationsQuery } },
    (request) => listPublications(db, requireActor(request), request.query.inspectionId),
  );
  app.get(
    '/api/inspections/:id/publication-draft',
    { schema: { tags, summary: '由台账生成的通报文字(发布前可修改)', params: idParam } },
    (request) => publicationDraft(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/inspections/:id/publications',
    { schema: { tags, summary: '在公开页面发布通报', params: idParam, body: publicationBody } },
    async (request, reply) =>
      reply.status(201).send(await publish(db, requireActor(request), request.params.id, request.body)),
  );
  app.put(
    '/api/publications/:id',
    { schema: { tags, summary: '修改已发布的通报', params: idParam, body: publicationBody } },
    (request) => updatePublication(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/publications/:id/withdraw',
    { schema: { tags, summary: '撤回通报(withdrawn=false 重新发布)', params: idParam, body: withdrawBody } },
    (request) => withdrawPublication(db, requireActor(request), request.params.id, request.body.withdrawn),
  );

  app.get(
    '/api/public-messages',
    { schema: { tags, summary: '群众反映：本单位受理的和交办给本单位的', querystring: messagesQuery } },
    (request) => listPublicMessages(db, requireActor(request), request.query),
  );
  app.post(
    '/api/public-messages',
    {
      schema: {
        tags,
        summary: '巡察办登记电话、来信、来访、邮件反映；返回查询码(告知反映人)',
        body: registerBody,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerPublicMessage(db, requireActor(request), request.body)),
  );
  app.get(
    '/api/public-messages/:id',
    { schema: { tags, summary: '一条群众反映：附件、关联问题、办理情况', params: idParam } },
    (request) => getPublicMessage(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/public-messages/:id/triage',
    { schema: { tags, summary: '巡察办内部备注(不对反映人公开)', params: idParam, body: triageBody } },
    (request) => triagePublicMessage(db, requireActor(request), request.params.id, request.body.note),
  );
  app.post(
    '/api/public-messages/:id/link',
    { schema: { tags, summary: '关联(remove=true 取消关联)台账问题', params: idParam, body: linkBody } },
    (request) =>
      linkPublicMessage(
        db,
        requireActor(request),
        request.params.id,
        request.body.problemIds,
        request.body.remove,
      ),
  );
  app.post(
    '/api/public-messages/:id/assign',
    { schema: { tags, summary: '交办给单位，默认一个月内答复', params: idParam, body: assignBody } },
    (request) =>
      assignPublicMessage(db, requireActor(request), request.params.id, {
        unitId: request.body.unitId,
        dueDate: request.body.dueDate ?? null,
      }),
  );
  app.post(
    '/api/public-messages/:id/answer',
    { schema: { tags, summary: '承办单位答复(反映人凭查询码可见)', params: idParam, body: answerBody } },
    (request) => answerPublicMessage(db, requireActor(request), request.params.id, request.body.answer),
  );
  app.post(
    '/api/public-messages/:id/close',
    { schema: { tags, summary: '审核答复并办结', params: idParam, body: closeBody } },
    (request) => closePublicMessage(db, requireActor(request), request.params.id, request.body.note ?? null),
  );
  app.post(
    '/api/public-messages/:id/reject',
    { schema: { tags, summary: '不予受理(理由对反映人可见)', params: idParam, body: rejectBody } },
    (request) => rejectPublicMessage(db, requireActor(request), request.params.id, request.body.reason),
  );
  app.get(
    '/api/public-message-files/:id',
    { schema: { tags, summary: '下载群众反映的附件', params: idParam } },
    async (request, reply) => {
      const file = await publicMessageFileForDownload(db, requireActor(request), request.params.id);
      return sendEvidence(reply, ctx.evidence, file);
    },
  );
}
