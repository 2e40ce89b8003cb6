import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../../test/databases.ts';
import { auth, multipart, PEOPLE, startHarness, type Harness } from './harness.ts';

// 调度 over HTTP: two snapshots around a progress update, the comparison as JSON, .xlsx and .docx,
// and who may take, read and compare them.

const TAKES = new Set(['admin', 'office']);
// Readers of inspection A: the county roles, township A's leader and clerk, and the village clerk
// (whose village owns the second measure).
const READS_A = new Set(['admin', 'office', 'reviewer', 'discipline', 'leaderA', 'clerkA', 'clerkVillageA']);

describe.each(BACKENDS)('dispatch API on %s', (backend) => {
  let h: Harness;
  let villageMeasure: number;
  let first: number;
  let second: number;
  beforeAll(async () => {
    h = await startHarness(backend);
    const created = await h.app.inject({
      method: 'POST',
      url: `/api/problems/${h.ids.problemA}/measures`,
      headers: auth(h.tokens.office),
      payload: { text: '村级清理', kind: 'deadline', unitId: h.ids.villageA, deadline: '2026-11-10' },
    });
    expect(created.statusCode).toBe(201);
    villageMeasure = created.json().id;
  }, 120_000);
  afterAll(() => h.close());

  const get = (who: string, url: string) => h.app.inject({ url, headers: auth(h.tokens[who]) });
  const post = (who: string, url: string, payload: object) =>
    h.app.inject({ method: 'POST', url, headers: auth(h.tokens[who]), payload });
  const progress = async (who: string, measureId: number, text: string, numbers: object[]) => {
    const body = multipart({ text, numbers: JSON.stringify(numbers) }, []);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/measures/${measureId}/progress`,
      headers: { ...auth(h.tokens[who]), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
  };

  it('takes snapshots only for the office in scope, and refuses bad dates', async () => {
    const url = `/api/inspections/${h.ids.inspectionA}/dispatch-snapshots`;
    for (const p of PEOPLE.filter((x) => !TAKES.has(x.name))) {
      const res = await post(p.name, url, { label: '越权调度' });
      expect(res.statusCode, p.name).toBe(READS_A.has(p.name) ? 403 : 404);
    }
    const badDate = await post('office', url, { label: '10月调度', takenOn: '2026/10/31' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain('YYYY-MM-DD');
    expect((await post('office', url, { label: '' })).statusCode).toBe(400);

    await progress('clerkA', h.ids.measureA, '已核查120户', [{ label: '核查', value: 120, unit: '户' }]);
    const res = await post('office', url, { label: '10月调度', takenOn: '2026-10-31' });
    expect(res.statusCode).toBe(201);
    first = res.json().id;
    expect(res.json().totals).toMatchObject({ measures: 2, byStatus: { in_progress: 1, not_started: 1 } });

    await progress('clerkA', h.ids.measureA, '已核查200户，调整9户', [
      { label: '核查', value: 200, unit: '户' },
      { label: '调整', value: 9, unit: '户' },
    ]);
    const again = await post('admin', url, { label: '11月调度', takenOn: '2026-11-30' });
    expect(again.statusCode).toBe(201);
    second = again.json().id;

    const audit = (await get('admin', '/api/audit?entity=dispatch_snapshot')).json();
    const actions = (audit.items ?? audit).map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'dispatch.snapshot')).toHaveLength(2);
  });

  it('lists and reads snapshots within scope; a clerk sees only his rows', async () => {
    for (const p of PEOPLE) {
      const list = await get(p.name, `/api/inspections/${h.ids.inspectionA}/dispatch-snapshots`);
      const one = await get(p.name, `/api/dispatch-snapshots/${first}`);
      const expected = READS_A.has(p.name) ? 200 : 404;
      expect([list.statusCode, one.statusCode], p.name).toEqual([expected, expected]);
      if (expected === 404) expect(one.body).not.toContain('甲镇');
    }
    const village = (await get('clerkVillageA', `/api/dispatch-snapshots/${second}`)).json();
    expect(village.partial).toBe(true);
    expect(village.rows.map((r: { measureId: number }) => r.measureId)).toEqual([villageMeasure]);
    expect(village.totals.measures).toBe(1);
    const town = (await get('clerkA', `/api/dispatch-snapshots/${second}`)).json();
    expect(town.rows).toHaveLength(2);
    expect((await get('office', '/api/dispatch-snapshots/999999')).statusCode).toBe(404);
  });

  it('compares two snapshots as JSON', async () => {
    const res = await get('office', `/api/dispatch-compare?from=${first}&to=${second}`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.moved).toEqual([]);
    expect(c.stalled).toEqual([
      {
        unitId: h.ids.villageA,
        unitName: '甲一村',
        measures: [
          expect.objectContaining({ measureId: villageMeasure, status: 'not_started', light: 'red' }),
        ],
      },
    ]);
    expect(c.numbers.map((n: Record<string, unknown>) => [n.label, n.from, n.to, n.delta])).toEqual([
      ['核查', 120, 200, 80],
      ['调整', null, 9, 9],
    ]);
    expect(c.totals.now.overdue).toBe(1);
    const village = (await get('clerkVillageA', `/api/dispatch-compare?from=${first}&to=${second}`)).json();
    expect(village.numbers).toEqual([]);
    expect(village.stalled).toHaveLength(1);

    const b = await post('officeB', `/api/inspections/${h.ids.inspectionB}/dispatch-snapshots`, {
      label: '乙镇',
    });
    expect(b.statusCode).toBe(201);
    const mixed = await get('admin', `/api/dispatch-compare?from=${first}&to=${b.json().id}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toBe('两次调度不属于同一巡察，无法比较');
    expect((await get('officeB', `/api/dispatch-compare?from=${first}&to=${second}`)).statusCode).toBe(404);
    expect((await get('office', `/api/dispatch-compare?from=${first}&to=abc`)).statusCode).toBe(400);
  });

  it('exports the comparison as .xlsx and .docx with Chinese file names', async () => {
    const xlsx = await get('office', `/api/dispatch-compare?from=${first}&to=${second}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('甲镇巡察调度情况（10月调度—11月调度）.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '总体情况',
      '状态变化',
      '停滞措施',
      '硬指标变化',
      '新增或移除',
    ]);
    const numbers = workbook.getWorksheet('硬指标变化')!;
    const values = (r: number) => (numbers.getRow(r).values as unknown[]).slice(1);
    expect(values(3)).toEqual(['甲镇', '1', '测试措施', '核查', 120, 200, 80, '户']);
    expect(values(4).slice(3, 7)).toEqual(['调整', undefined, 9, 9]);
    const overview = workbook.getWorksheet('总体情况')!;
    expect((overview.getRow(3).values as unknown[]).slice(1)).toEqual(['合计', 2, 0, 1, 1, 0, 2, 0, 1, 1, 1]);
    const stalled = workbook.getWorksheet('停滞措施')!;
    expect(stalled.getRow(3).getCell(1).value).toBe('甲一村');
    expect(stalled.getRow(3).getCell(3).value).toBe('村级清理');

    const docx = await get('office', `/api/dispatch-compare?from=${first}&to=${second}&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      '甲镇巡察整改调度情况',
      '2026年10月31日',
      '2026年11月30日',
      '一、总体情况',
      '甲一村',
      '村级清理',
      '核查（户）',
      '+80',
    ]) {
      expect(text).toContain(expected);
    }
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    expect(
      (await get('clerkB', `/api/dispatch-compare?from=${first}&to=${second}&format=docx`)).statusCode,
    ).toBe(404);
  });
});
