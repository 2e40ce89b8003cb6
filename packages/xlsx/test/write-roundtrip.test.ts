// writeLedger produces the standard ledger, and readLedger(writeLedger(x)) gives x back.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LedgerDraft } from '@zhenggai/core';
import { generateLedger } from '../../../bench/ledger-generate.ts';
import { LedgerFileError, readLedger, writeLedger } from '../src/index.ts';
import { buildCategory, buildLedger, buildMeasure, buildProblem, withoutPositions } from './builders.ts';

async function toBuffer(ledger: LedgerDraft, title?: string): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => stream.on('end', resolve));
  await writeLedger(ledger, { stream }, title === undefined ? {} : { title });
  await done;
  return Buffer.concat(chunks);
}

async function roundTrip(ledger: LedgerDraft): Promise<LedgerDraft> {
  const result = await readLedger({ buffer: await toBuffer(ledger), fileName: 'out.xlsx' });
  expect(result.issues).toEqual([]);
  expect(result.warnings).toEqual([]);
  return result.ledger;
}

const edgeLedger = (): LedgerDraft =>
  buildLedger({
    title: '清河县2024年专项巡察整改台账',
    categories: [
      buildCategory({
        title: '（一）惠民政策落实方面',
        problems: [
          buildProblem({
            number: '1',
            title: '低保动态调整不及时',
            text: '个别家庭已有稳定收入仍在保。\n第二段补充说明，含"引号"和,逗号。',
            crossCheckAll: true,
            measures: [
              buildMeasure({ progress: null, evidenceNote: null, remark: null }),
              buildMeasure({
                text: '建立常态化比对机制',
                kind: 'ongoing',
                deadline: null,
                status: 'in_progress',
                unitName: '柳林镇民政所',
                cooperatingUnitNames: ['柳林镇财政所', '县民政局', '各村（社区）'],
              }),
              buildMeasure({
                text: '每年复核一次',
                kind: 'ongoing',
                deadline: '2025-12-31',
                status: 'closed',
              }),
              buildMeasure({ text: '立即停发', kind: 'immediate', deadline: null, status: 'closed' }),
              buildMeasure({
                text: '限期清退',
                kind: 'immediate',
                deadline: '2024-03-15',
                status: 'pending_review',
              }),
              buildMeasure({
                text: '待定措施',
                kind: 'deadline',
                deadline: null,
                status: 'not_started',
                leaderName: null,
                unitName: null,
                personName: null,
                progress: null,
              }),
            ],
          }),
          buildProblem({ number: '2', title: '公益岗位到期未续签', text: '', measures: [] }),
          buildProblem({
            number: '3',
            title: '帮扶项目要求举一反三',
            text: '',
            crossCheckAll: true,
            measures: [
              buildMeasure({ text: '=HYPERLINK("http://example.invalid","点击")', remark: '+1-1' }),
              buildMeasure({
                text: "'; DROP TABLE measures; --",
                progress: '第一行\n第二行',
                evidenceNote: '照片、会议记录',
                remark: '备注',
              }),
            ],
          }),
        ],
      }),
      buildCategory({
        title: '（二）作风建设方面',
        problems: [buildProblem({ number: '4', title: '值班记录不全', text: '抽查三次，两次无人接听。' })],
      }),
    ],
  });

describe('round trip', () => {
  it('edge cases: empty progress, ongoing and immediate with and without dates, several cooperating units', async () => {
    const ledger = edgeLedger();
    expect(withoutPositions(await roundTrip(ledger))).toEqual(withoutPositions(ledger));
  });

  it('a generated 2,000-measure ledger', async () => {
    const ledger = generateLedger({ measures: 2000, seed: 7 });
    const back = await roundTrip(ledger);
    expect(back.categories.flatMap((c) => c.problems.flatMap((p) => p.measures))).toHaveLength(2000);
    expect(withoutPositions(back)).toEqual(withoutPositions(ledger));
  });

  it('points every problem and measure at the row it was written to', async () => {
    const back = await roundTrip(edgeLedger());
    const [first, second, third] = back.categories[0]?.problems ?? [];
    expect(first?.at).toEqual({ sheet: '整改台账', row: 3, column: 'C' });
    expect(first?.measures.map((m) => m.at?.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(first?.measures[0]?.at?.column).toBe('D');
    expect(second?.at?.row).toBe(9);
    expect(third?.at?.row).toBe(10);
    expect(third?.measures.map((m) => m.at?.row)).toEqual([10, 11]);
    expect(back.categories[1]?.problems[0]?.at?.row).toBe(12);
  });

  it('writes to a path as well as a stream, leaving no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zg-xlsx-'));
    const path = join(dir, 'out.xlsx');
    const ledger = edgeLedger();
    await writeLedger(ledger, { path });
    expect(await readdir(dir)).toEqual(['out.xlsx']);
    const result = await readLedger({ path });
    expect(withoutPositions(result.ledger)).toEqual(withoutPositions(ledger));
  });
});

describe('nothing half-written', () => {
  it('refuses text longer than an Excel cell holds, before writing anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zg-xlsx-'));
    const ledger = buildLedger({
      categories: [
        buildCategory({
          problems: [
            buildProblem({ number: '7', measures: [buildMeasure({ progress: '进'.repeat(32768) })] }),
          ],
        }),
      ],
    });
    const error = await writeLedger(ledger, { path: join(dir, 'out.xlsx') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerFileError);
    expect(error).toMatchObject({ code: 'CELL_TOO_LONG' });
    expect((error as Error).message).toBe(
      '问题“7”中有超过32767个字符的内容，超出Excel单元格的上限，请精简后再导出',
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('a failed write removes its temporary file and leaves what was there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zg-xlsx-'));
    // The target is a non-empty directory: the whole workbook is written, then the final rename fails.
    const path = join(dir, 'out.xlsx');
    await mkdir(path);
    await writeFile(join(path, 'keep.txt'), 'previous content');
    await expect(writeLedger(edgeLedger(), { path })).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['out.xlsx']);
    expect(await readFile(join(path, 'keep.txt'), 'utf8')).toBe('previous content');
  });
});

describe('the written workbook', () => {
  async function load(ledger: LedgerDraft, title?: string): Promise<ExcelJS.Worksheet> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toBuffer(ledger, title)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('整改台账');
    if (!ws) throw new Error('no sheet');
    return ws;
  }

  it('has a merged title row and the standard header', async () => {
    const ws = await load(edgeLedger(), '自定义标题');
    expect(ws.getCell('A1').value).toBe('自定义标题');
    expect(ws.getCell('L1').isMerged).toBe(true);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '序号',
      '问题类别',
      '问题',
      '整改措施',
      '责任领导',
      '责任单位',
      '责任人',
      '整改时限',
      '整改进展',
      '完成情况',
      '佐证材料',
      '备注',
    ]);
  });

  it('merges 序号, 问题类别 and 问题 over each problem’s measures, and only those', async () => {
    const ws = await load(edgeLedger());
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect([...merges].sort()).toEqual(
      ['A1:L1', 'A3:A8', 'B3:B8', 'C3:C8', 'A10:A11', 'B10:B11', 'C10:C11'].sort(),
    );
    expect(ws.getCell('C3').value).toBe(
      '【举一反三】低保动态调整不及时\n个别家庭已有稳定收入仍在保。\n第二段补充说明，含"引号"和,逗号。',
    );
    expect(ws.getCell('C5').isMerged).toBe(true);
  });

  it('writes deadlines as real dates, kinds as words and statuses in Chinese', async () => {
    const ws = await load(edgeLedger());
    expect(ws.getCell('H3').value).toEqual(new Date('2024-06-30T00:00:00.000Z'));
    expect(ws.getCell('H3').numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws.getCell('H4').value).toBe('长期坚持');
    expect(ws.getCell('H5').value).toBe('长期坚持（2025-12-31）');
    expect(ws.getCell('H6').value).toBe('立行立改');
    expect(ws.getCell('H7').value).toBe('立行立改（2024-03-15）');
    expect(ws.getCell('H8').value).toBeNull();
    expect(['J3', 'J4', 'J5', 'J7', 'J8'].map((a) => ws.getCell(a).value)).toEqual([
      '推进中',
      '推进中',
      '已销号',
      '待审核',
      '未启动',
    ]);
    expect(ws.getCell('F4').value).toBe('柳林镇民政所、柳林镇财政所、县民政局、各村（社区）');
    expect(ws.getCell('I3').value).toBeNull();
  });

  it('is set up for reading and printing: widths, wrapping, frozen header, A4 landscape', async () => {
    const ws = await load(edgeLedger());
    expect(ws.getColumn('C').width).toBe(40);
    expect(ws.getColumn('A').width).toBe(6);
    expect(ws.getCell('D3').alignment).toMatchObject({ wrapText: true, vertical: 'middle' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const ws = await load(edgeLedger());
    const cell = ws.getCell('D10');
    expect(cell.value).toBe('=HYPERLINK("http://example.invalid","点击")');
    expect(cell.formula).toBeUndefined();
  });

  it('uses the ledger title, or 整改台账 when there is none', async () => {
    expect((await load(edgeLedger())).getCell('A1').value).toBe('清河县2024年专项巡察整改台账');
    expect((await load(buildLedger({ title: null }))).getCell('A1').value).toBe('整改台账');
  });
});

describe('round trip over several seeds', () => {
  it.each([1, 2, 3, 4, 5])('seed %i', async (seed) => {
    const ledger = generateLedger({ measures: 300, seed, title: `清河县第${seed}轮巡察整改台账` });
    expect(withoutPositions(await roundTrip(ledger))).toEqual(withoutPositions(ledger));
  });
});
