import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseDocx } from '../src/index.ts';
import { buildDocx, DOCX_LINES } from './build-docx.ts';

describe('parseDocx', () => {
  it('reads a Word document built with the docx package', async () => {
    const doc = await parseDocx(await buildDocx(DOCX_LINES));
    expect(doc).toEqual({
      title: '中共北坪镇委员会关于县委巡察反馈意见整改情况的通报',
      kind: 'xuncha',
      inspector: '县委第五巡察组',
      inspectedUnit: '北坪镇党委',
      inspectionPeriod: { start: '2022-03-01', end: '2022-04-15' },
      feedbackDate: '2022-05-10',
      categories: [
        {
          title: '基层治理方面',
          problems: [
            {
              number: '1',
              title: '村级议事规则执行不到位',
              text: '村级议事规则执行不到位。个别村重大事项未经村民代表会议表决。',
              measures: [{ text: '修订村级议事规则' }, { text: '开展一次议事程序专项检查' }],
            },
            {
              number: '2',
              title: '矛盾纠纷排查不及时',
              text: '矛盾纠纷排查不及时。',
              measures: [
                { text: '建立月排查制度' },
                { text: '设立镇调解中心' },
                { text: '每季度通报排查情况' },
              ],
            },
          ],
        },
        {
          title: '干部作风方面',
          problems: [
            {
              number: '3',
              title: '部分干部下村走访流于形式',
              text: '部分干部下村走访流于形式。',
              measures: [{ text: '将走访记录纳入月度考勤' }],
            },
          ],
        },
      ],
      contact: { phone: '0912-6612345', email: 'beiping@example.org' },
      statedTotals: { categories: 2, problems: 3, measures: 6 },
      warnings: [],
    });
  });
});

describe('parseDocx with a ledger kept as a Word table', () => {
  it('reads table rows as rows, merged category cells included', async () => {
    const cell = (text: string, rowSpan?: number): TableCell =>
      new TableCell({
        children: text.split('|').map((t) => new Paragraph(t)),
        ...(rowSpan ? { rowSpan } : {}),
      });
    const row = (cells: TableCell[]): TableRow => new TableRow({ children: cells });
    const buffer = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph('东岗镇巡察反馈问题整改台账'),
              new Paragraph(
                '县委第六巡察组于2023年9月5日至10月27日对东岗镇党委开展了巡察，11月20日反馈了巡察意见。',
              ),
              new Table({
                rows: [
                  row(['序号', '问题类别', '问题', '整改措施', '责任单位'].map((t) => cell(t))),
                  row([
                    cell('1'),
                    cell('村级事务管理', 2),
                    cell('村务公开不及时。'),
                    cell('一是按月公开；|二是设立公开台账。'),
                    cell('党政办'),
                  ]),
                  row([
                    cell('2'),
                    cell('集体资金存在坐支。'),
                    cell('全面清理坐支资金并追回。'),
                    cell('财政所'),
                  ]),
                  row([
                    cell('3'),
                    cell('干部作风'),
                    cell('值班制度落实不严。'),
                    cell('①每周抽查；|②通报结果。'),
                    cell('纪委'),
                  ]),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const doc = await parseDocx(buffer);
    expect(doc).toMatchObject({
      title: '东岗镇巡察反馈问题整改台账',
      inspector: '县委第六巡察组',
      inspectedUnit: '东岗镇党委',
      inspectionPeriod: { start: '2023-09-05', end: '2023-10-27' },
      feedbackDate: '2023-11-20',
    });
    expect(
      doc.categories.map((c) => [c.title, c.problems.map((p) => [p.number, p.title, p.measures.length])]),
    ).toEqual([
      [
        '村级事务管理',
        [
          ['1', '村务公开不及时', 2],
          ['2', '集体资金存在坐支', 1],
        ],
      ],
      ['干部作风', [['3', '值班制度落实不严', 2]]],
    ]);
  });
});
