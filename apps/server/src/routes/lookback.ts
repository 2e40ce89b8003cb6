import {
  createLookbackRound,
  finishLookbackRound,
  getLookbackRound,
  listLookbackRounds,
  lookbackCheckForRecording,
  lookbackEvidenceForDownload,
  recordLookbackCheck,
} from '@zhenggai/app';
import { DomainError } from '@zhenggai/core';
import type { App, ServerContext } from '../context.ts';
import { requireActor } from '../session.ts';
import { readEvidenceForm, sendEvidence } from '../uploads.ts';
import { idParam } from './common.schema.ts';
import { checkFields, roundBody } from './lookback.schema.ts';

// 回头看: rounds over an inspection's closed measures, re-checks with evidence, finishing a round.

export function lookbackRoutes(app: App, ctx: ServerContext) {
  const db = ctx.database.db;
  const tags = ['lookback'];

  app.post(
    '/api/inspections/:id/lookback-rounds',
    {
      schema: {
        tags,
        summary: '开展回头看：全部已销号措施，或按随机种子可重复地抽查 sampleSize 项；可限定单位(含下级)',
        params: idParam,
        body: roundBody,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createLookbackRound(db, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/inspections/:id/lookback-rounds',
    { schema: { tags, summary: '本次巡察的回头看轮次及进度(已复查/总数，各结果数)', params: idParam } },
    (request) => listLookbackRounds(db, requireActor(request), request.params.id),
  );
  app.get(
    '/api/lookback-rounds/:id',
    { schema: { tags, summary: '一轮回头看及其复查项(联络员只看本单位)', params: idParam } },
    (request) => getLookbackRound(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/lookback-rounds/:id/finish',
    { schema: { tags, summary: '结束本轮回头看(须全部复查完毕)，之后不能再修改', params: idParam } },
    (request) => finishLookbackRound(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/lookback-checks/:id',
    {
      schema: {
        tags,
        summary:
          '登记复查结果：multipart 字段 outcome(consolidated 巩固 / rebounded 反弹 / not_done 整改不到位)、note，文件 files；反弹或不到位时重新打开措施并标记问题反复',
        params: idParam,
        consumes: ['multipart/form-data', 'application/json'],
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // Scope, permission and an open round are checked before any bytes are stored.
      await lookbackCheckForRecording(db, actor, request.params.id);
      const { fields, evidence } = request.isMultipart()
        ? await readEvidenceForm(request, ctx.evidence)
        : { fields: (request.body ?? {}) as Record<string, unknown>, evidence: [] };
      const parsed = checkFields.safeParse(fields);
      if (!parsed.success) {
        throw new DomainError('VALIDATION', parsed.error.issues[0]?.message ?? '复查结果填写有误');
      }
      return recordLookbackCheck(db, actor, request.params.id, { ...parsed.data, evidence });
    },
  );
  app.get(
    '/api/lookback-evidence/:id',
    { schema: { tags, summary: '下载回头看佐证材料', params: idParam } },
    async (request, reply) => {
      const file = await lookbackEvidenceForDownload(db, requireActor(request), request.params.id);
      return sendEvidence(reply, ctx.evidence, file);
    },
  );
}
