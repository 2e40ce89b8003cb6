import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocx } from '@zhenggai/parser';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, multipart, startHarness, type Harness } from './harness.ts';

// Documents in and out through the API: a feedback text becomes a ledger, the ledger becomes
// a 通报 whose parse gives back the same structure (the round trip of issue 4).

const FEEDBACK = `县委第一巡察组对甲镇党委开展巡察反馈意见整改情况的通报
根据县委统一部署，2024年3月1日至2024年4月30日，县委第一巡察组对甲镇党委开展了常规巡察。5月20日，巡察组反馈了巡察意见。
一、巡察反馈问题整改落实情况
（一）惠民政策落实方面
1.低保复核不及时的问题。
一是开展一次全面复核。二是建立季度比对机制。
2.补贴发放台账不全的问题。
一是补齐补贴发放台账。
（二）作风建设方面
3.会议过多过滥的问题。
一是精简会议数量。二是推行短会制度。三是长期坚持月度通报。
欢迎广大干部群众监督。联系电话：0000-1234567；电子邮箱：jiazhen@example.org。`;

describe.each(BACKENDS)('documents through the API on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  }, 120_000);
  afterAll(() => h.close());

  it('parses pasted text, imports the corrected structure, and writes a report that parses back the same', async () => {
    const parsed = await h.app.inject({
      method: 'POST',
      url: '/api/documents/parse',
      headers: auth(h.tokens.office),
      payload: { text: FEEDBACK },
    });
    expect(parsed.statusCode).toBe(200);
    const document = parsed.json().document;
    expect(document.categories.map((c: { problems: unknown[] }) => c.problems.length)).toEqual([2, 1]);
    // The person merges a measure in the preview before importing.
    document.categories[0].problems[0].measures = [{ text: '开展一次全面复核并建立季度比对机制' }];
    const imported = await h.app.inject({
      method: 'POST',
      url: '/api/ledger/import-doc',
      headers: auth(h.tokens.office),
      payload: { document, unitId: h.ids.townA, fileName: '反馈意见.txt' },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const summary = imported.json();
    expect(summary).toMatchObject({ categories: 2, problems: 3, measures: 5 });
    const inspection = (
      await h.app.inject({ url: `/api/inspections/${summary.inspectionId}`, headers: auth(h.tokens.office) })
    ).json();
    expect(inspection).toMatchObject({
      kind: 'xuncha',
      team: '县委第一巡察组',
      periodStart: '2024-03-01',
      periodEnd: '2024-04-30',
    });

    // Accountability recorded by discipline inspection is counted in the report, never by name.
    for (const [personName, actionType] of [
      ['张甲', 'admonishment_talk'],
      ['李乙', 'admonishment_talk'],
      ['王丙', 'reminder_talk'],
    ]) {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/inspections/${summary.inspectionId}/accountability`,
        headers: auth(h.tokens.discipline),
        payload: { personName, actionType, actionDate: '2024-06-01', position: '站长' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const clerkView = await h.app.inject({
      url: `/api/inspections/${summary.inspectionId}/accountability`,
      headers: auth(h.tokens.leaderA),
    });
    expect(clerkView.statusCode).toBe(403);
    const outsiderView = await h.app.inject({
      url: `/api/inspections/${summary.inspectionId}/accountability`,
      headers: auth(h.tokens.disciplineB),
    });
    expect(outsiderView.statusCode).toBe(404);
    const listed = await h.app.inject({
      url: `/api/inspections/${summary.inspectionId}/accountability`,
      headers: auth(h.tokens.office),
    });
    expect(listed.json().map((a: { actionLabel: string }) => a.actionLabel)).toEqual([
      '诫勉谈话',
      '诫勉谈话',
      '提醒谈话',
    ]);

    const report = await h.app.inject({
      url: `/api/inspections/${summary.inspectionId}/report/tongbao?phone=0000-7654321`,
      headers: auth(h.tokens.office),
    });
    expect(report.statusCode).toBe(200);
    const back = await parseDocx(report.rawPayload);
    expect(back.categories.map((c) => c.problems.map((p) => p.measures.length))).toEqual([[1, 1], [3]]);
    expect(back.contact?.phone).toBe('0000-7654321');
    const { default: mammoth } = await import('mammoth');
    const reportText = (await mammoth.extractRawText({ buffer: report.rawPayload })).value;
    expect(reportText).toContain('诫勉谈话2人');
    expect(reportText).toContain('提醒谈话1人');
    expect(reportText).not.toContain('张甲');
    const progress = await h.app.inject({
      url: `/api/inspections/${summary.inspectionId}/report/progress`,
      headers: auth(h.tokens.office),
    });
    expect(progress.statusCode).toBe(200);
    const outsider = await h.app.inject({
      url: `/api/inspections/${summary.inspectionId}/report/tongbao`,
      headers: auth(h.tokens.clerkB),
    });
    expect(outsider.statusCode).toBe(404);
  });

  it('refuses documents it cannot read, with a Chinese message', async () => {
    for (const content of [
      Buffer.from('%PDF-1.4 scanned'),
      Buffer.alloc(0),
      Buffer.from('PK\u0003\u0004broken'),
    ]) {
      const body = multipart({}, [{ field: 'file', name: 'x.docx', content }]);
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/documents/parse',
        headers: { ...auth(h.tokens.office), ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('keeps templates editable but refuses unknown placeholders', async () => {
    const current = (
      await h.app.inject({ url: '/api/settings/templates/tongbao', headers: auth(h.tokens.office) })
    ).json();
    expect(current.custom).toBe(false);
    const bad = await h.app.inject({
      method: 'PUT',
      url: '/api/settings/templates/tongbao',
      headers: auth(h.tokens.office),
      payload: { template: '# {{nosuch.placeholder}}' },
    });
    expect(bad.statusCode).toBe(400);
    const clerk = await h.app.inject({
      method: 'PUT',
      url: '/api/settings/contact',
      headers: auth(h.tokens.clerkA),
      payload: { phone: '1', email: null, address: null },
    });
    expect(clerk.statusCode).toBe(403);
  });
});
